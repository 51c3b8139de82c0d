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
        if (For(fullPath) is not { } reader)
        {
            var extension = Path.GetExtension(fullPath);
            var what = extension.Length == 0 ? "has no extension" : $"is in a format BriefGen does not read ({extension})";
            return new SourceTextFile(bytes, SourceTextRead.Fail(DiagnosticCodes.UnsupportedSourceFormat,
                $"{what}; a source text must be {Supported}"));
        }

        if (!reader.IsCached || cache is null)
        {
            return new SourceTextFile(bytes, reader.Read(bytes, path));
        }

        var sha256 = SourceTextFile.Hash(bytes);
        var key = sha256 + "-" + reader.CacheKey;
        if (cache.TryGet(key, path) is { } cached)
        {
            return new SourceTextFile(bytes, SourceTextRead.Ok(cached), sha256);
        }

        var read = reader.Read(bytes, path);
        if (read.Text is { } text)
        {
            cache.Add(key, text);
        }

        return new SourceTextFile(bytes, read, sha256);
    }
}

/// <summary>
/// A source text file as read: its text or problem, and its content hash (lowercase hex SHA-256), worked out when first
/// asked for: a build that pins no hash and keeps no record of what it read never hashes a plain text.
/// </summary>
public sealed class SourceTextFile(byte[] bytes, SourceTextRead read, string? sha256 = null)
{
    private string? _sha256 = sha256;

    public SourceTextRead Read { get; } = read;

    public string Sha256 => _sha256 ??= Hash(bytes);

    internal static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
