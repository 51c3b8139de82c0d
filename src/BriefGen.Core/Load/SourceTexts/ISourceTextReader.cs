using BriefGen.Model;

namespace BriefGen.Load.SourceTexts;

/// <summary>
/// Reads one format of source text (plain text, PDF, web page) into the one model every later stage
/// uses: numbered paragraphs, and pages where the format has them.
/// </summary>
public interface ISourceTextReader
{
    /// <summary>The file extensions this reader takes, lowercase with the dot (<c>.pdf</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// A name for this reader's extraction rules. It keys the extraction cache: changing how a format is
    /// read must change it, so that no cached text from the old rules is used.
    /// </summary>
    string CacheKey { get; }

    /// <summary>Whether extraction is slow enough to be worth caching (PDF, HTML; plain text is not).</summary>
    bool IsCached { get; }

    /// <summary>Reads the file's bytes; <paramref name="path"/> is the root-relative path the result carries.</summary>
    SourceTextRead Read(byte[] bytes, string path);
}

/// <summary>The result of reading a source text: the text, or why it cannot be used.</summary>
public sealed record SourceTextRead(SourceText? Text, string? Code = null, string? Problem = null)
{
    public static SourceTextRead Ok(SourceText text) => new(text);

    public static SourceTextRead Fail(string code, string problem) => new(null, code, problem);
}
