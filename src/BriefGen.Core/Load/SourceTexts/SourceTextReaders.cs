using System.Security.Cryptography;
using BriefGen.Diagnostics;
using BriefGen.Load.SourceTexts.Pdf;

namespace BriefGen.Load.SourceTexts;

/// <summary>The source-text readers by extension: the one seam through which every format is read.</summary>
public sealed class SourceTextReaders(IReadOnlyList<ISourceTextReader> readers)
{
    /// <summary>Plain text, PDF and web pages.</summary>
    public static SourceTextReaders Default { get; } = new([new PlainTextReader(), new PdfReader(), new HtmlReader()]);

    /// <summary>The supported extensions, for messages: <c>.txt, .md, .pdf, .html, .htm</c>.</summary>
    public string Supported => string.Join(", ", readers.SelectMany(r => r.Extensions));

    /// <summary>The reader for a file's extension (any case), or null.</summary>
    public ISourceTextReader? For(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return readers.FirstOrDefault(r => r.Extensions.Contains(extension, StringComparer.Ordinal));
    }

    /// <summary>
    /// Reads a source text file: by its format's reader, through the cache when one is given and the format
    /// is worth caching. <paramref name="path"/> is the root-relative path the text carries.
    /// </summary>
    public SourceTextFile Read(string fullPath, string path, SourceTextCache? cache = null)
    {
        var bytes = File.ReadAllBytes(fullPath);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (For(fullPath) is not { } reader)
        {
            var extension = Path.GetExtension(fullPath);
            var what = extension.Length == 0 ? "has no extension" : $"is in a format BriefGen does not read ({extension})";
            return new SourceTextFile(sha256, SourceTextRead.Fail(DiagnosticCodes.UnsupportedSourceFormat,
                $"{what}; a source text must be {Supported}"));
        }

        if (!reader.IsCached || cache is null)
        {
            return new SourceTextFile(sha256, reader.Read(bytes, path));
        }

        var key = sha256 + "-" + reader.CacheKey;
        if (cache.TryGet(key, path) is { } cached)
        {
            return new SourceTextFile(sha256, SourceTextRead.Ok(cached));
        }

        var read = reader.Read(bytes, path);
        if (read.Text is { } text)
        {
            cache.Add(key, text);
        }

        return new SourceTextFile(sha256, read);
    }
}

/// <summary>A source text file as read: its content hash (lowercase hex SHA-256) and its text or problem.</summary>
public sealed record SourceTextFile(string Sha256, SourceTextRead Read);
