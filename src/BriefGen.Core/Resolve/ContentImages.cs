using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Load.Images;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BriefGen.Resolve;

/// <summary>An image of the brief as the site publishes it: its path under base_url and, when its header says, its size.</summary>
public sealed record ContentImage(string SitePath, int? Width, int? Height);

/// <summary>
/// Every image the brief's Markdown shows (<c>![alt](map.png "Caption")</c>), found in content/ relative to the
/// file that names it and published at the same path under the site root (content/images/map.png →
/// /images/map.png). Only images something shows are published. Each problem is reported at the image's
/// Markdown line and column: no alt text, no such file, a file outside content/, a format the site does not
/// publish (SVG, which can carry scripts, among them), bytes that are not the image the name says.
/// </summary>
public sealed class ContentImages
{
    /// <summary>The largest image file the site publishes (docs/security.md).</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private readonly Dictionary<LinkInline, ContentImage> _images;

    private ContentImages(Dictionary<LinkInline, ContentImage> images, SortedDictionary<string, byte[]> files)
    {
        _images = images;
        Files = files;
        Signature = string.Join("\n", images.Values.Distinct().Select(i => $"{i.SitePath} {i.Width}x{i.Height}").Order(StringComparer.Ordinal));
    }

    /// <summary>Every published image with its size, one line each: pages that show an image change when this does.</summary>
    public string Signature { get; }

    /// <summary>No images: for briefs rendered without a root on disk.</summary>
    public static ContentImages None { get; } = new(new(ReferenceEqualityComparer.Instance), new(StringComparer.Ordinal));

    /// <summary>The files to publish, by site path, each once however often it is shown.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>The published image a Markdown image node shows; null for an external image or one that failed its checks.</summary>
    public ContentImage? Of(LinkInline image) => _images.GetValueOrDefault(image);

    /// <summary>Finds and checks every image; with a <paramref name="memo"/> (the preview), only the texts not read before are searched for them.</summary>
    public static ContentImages Resolve(ParsedBrief parsed, RootPaths paths, IEnumerable<string> themeAssets, DiagnosticBag diagnostics,
        TextMemo<IReadOnlyList<LinkInline>>? memo = null)
    {
        var texts = parsed.All();
        memo?.Begin(texts.Count, "");
        var images = new Dictionary<LinkInline, ContentImage>(ReferenceEqualityComparer.Instance);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var known = new Dictionary<string, ContentImage?>(StringComparer.Ordinal);
        var theme = themeAssets.ToHashSet(StringComparer.Ordinal);
        for (var slot = 0; slot < texts.Count; slot++)
        {
            var text = texts[slot];
            foreach (var image in TextMemo<IReadOnlyList<LinkInline>>.Read(memo, slot, text, "", text,
                         static t => Markdown.MarkdownNodes.Of(t.Document).OfType<LinkInline>().Where(l => l.IsImage).ToList()))
            {
                var at = text.Origin.At(image);
                if (Markdown.PlainText.Of(image).Trim().Length == 0)
                {
                    diagnostics.Error(at, DiagnosticCodes.ImageWithoutAlt,
                        $"image '{image.Url}' has no alt text; describe what it shows for readers who cannot see it: ![a map of the border crossings]({image.Url})");
                }

                if (Locate(image.Url ?? "", text.Origin.Start.Path, paths, at, diagnostics) is not { } full)
                {
                    continue;
                }

                if (!known.TryGetValue(full, out var published))
                {
                    published = Publish(full, paths, at, theme, files, diagnostics);
                    known[full] = published;
                }

                if (published is not null)
                {
                    images.TryAdd(image, published);
                }
            }
        }

        memo?.End();
        return new ContentImages(images, files);
    }

    /// <summary>The full path of an image in content/, or null (with a diagnostic unless it is an external image).</summary>
    private static string? Locate(string url, string namedIn, RootPaths paths, Location at, DiagnosticBag diagnostics)
    {
        if (url.Length == 0)
        {
            diagnostics.Error(at, DiagnosticCodes.MissingImage, "image has no path: write ![alt text](file.png) with the file in content/");
            return null;
        }

        if (UrlPaths.IsUnsafe(url))
        {
            return null; // Reported where every link is checked.
        }

        if (url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url))
        {
            diagnostics.Warning(at, DiagnosticCodes.ExternalImage,
                $"image '{url}' is on another site; every page's Content-Security-Policy shows only the site's own images, so readers will not see it: save it in content/ and link the copy");
            return null;
        }

        var end = url.IndexOfAny(['?', '#']);
        var written = Uri.UnescapeDataString(end >= 0 ? url[..end] : url);
        if (written.Any(char.IsControl) || written.Contains('\\', StringComparison.Ordinal))
        {
            diagnostics.Error(at, DiagnosticCodes.ImageOutsideContent, $"image path '{url}' must be a plain relative path with '/' separators");
            return null;
        }

        // A path from the site root ("/images/map.png") is read from content/, where the site's files come from.
        var full = written.StartsWith('/')
            ? Path.GetFullPath(Path.Combine(paths.ContentDir, written.TrimStart('/')))
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(paths.Root, namedIn))!, written));
        if (!full.StartsWith(paths.ContentDir + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !paths.IsInside(full))
        {
            diagnostics.Error(at, DiagnosticCodes.ImageOutsideContent,
                $"image '{url}' resolves outside content/ (through '..' or a symbolic link); keep images in content/ or a folder under it");
            return null;
        }

        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension == ".svg" || extension == ".svgz")
        {
            diagnostics.Error(at, DiagnosticCodes.UnsupportedImage,
                $"image '{url}' is SVG, which the site does not publish: an SVG can carry scripts that run when a reader opens it; export it as PNG or WebP");
            return null;
        }

        if (ImageFormat.ByExtension(full) is null)
        {
            diagnostics.Error(at, DiagnosticCodes.UnsupportedImage,
                $"image '{url}' is not in a format the site publishes ({string.Join(", ", ImageFormat.All.SelectMany(f => f.Extensions))})");
            return null;
        }

        if (!File.Exists(full))
        {
            diagnostics.Error(at, DiagnosticCodes.MissingImage, $"image '{url}' not found (looked for {paths.Relative(full)})");
            return null;
        }

        return full;
    }

    private static ContentImage? Publish(string full, RootPaths paths, Location at, HashSet<string> theme,
        SortedDictionary<string, byte[]> files, DiagnosticBag diagnostics)
    {
        if (!paths.CheckFile(full, at, MaxBytes, diagnostics))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(at, DiagnosticCodes.Unreadable, $"image {paths.Relative(full)} cannot be read: {e.Message}");
            return null;
        }

        var named = ImageFormat.ByExtension(full)!;
        if (ImageFormat.Sniff(bytes) != named)
        {
            var actual = ImageFormat.Sniff(bytes);
            diagnostics.Error(at, DiagnosticCodes.ImageNotWhatItSays,
                $"{paths.Relative(full)} is named as a {named.Name} image but its bytes are {(actual is null ? "no image format the site publishes" : "a " + actual.Name + " image")}; save it in the format its name says");
            return null;
        }

        var sitePath = Path.GetRelativePath(paths.ContentDir, full).Replace(Path.DirectorySeparatorChar, '/');
        if (theme.Contains(sitePath))
        {
            diagnostics.Error(at, DiagnosticCodes.ImageClash,
                $"image {paths.Relative(full)} would be published at /{sitePath}, where the theme has a file of its own; move or rename the image");
            return null;
        }

        files[sitePath] = bytes;
        var size = named.SizeOf(bytes);
        return new ContentImage(string.Join('/', sitePath.Split('/').Select(Uri.EscapeDataString)), size?.Width, size?.Height);
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(url[0]) && url.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0;
    }
}
