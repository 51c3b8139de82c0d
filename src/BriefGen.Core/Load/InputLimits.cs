namespace BriefGen.Load;

/// <summary>
/// The limits BriefGen puts on untrusted input (docs/security.md lists each with the test that proves it).
/// A brief is written by people, so each limit is far above what a real brief needs and far below what
/// would let one file stall a build or exhaust memory.
/// </summary>
public static class InputLimits
{
    /// <summary>A content file: brief.yml, a list file, a page.</summary>
    public const long ContentFileBytes = 4L * 1024 * 1024;

    /// <summary>A source's local text (text:).</summary>
    public const long SourceTextBytes = 64L * 1024 * 1024;

    /// <summary>A template or asset file.</summary>
    public const long TemplateFileBytes = 8L * 1024 * 1024;

    /// <summary>Nesting of YAML mappings and sequences.</summary>
    public const int YamlDepth = 64;

    /// <summary>YAML nodes after expanding every alias (*name) into what it names.</summary>
    public const int YamlNodes = 100_000;

    /// <summary>Characters in an id: ids become file names, which file systems cap at 255 bytes.</summary>
    public const int IdLength = 100;

    /// <summary>Blockquote markers ('>') on one line; deeper nesting of any kind stops at Markdig's own limit of 128.</summary>
    public const int MarkdownDepth = 32;

    /// <summary>Lines of one Markdown pipe table; Markdig's table parser is not linear beyond this.</summary>
    public const int TableRows = 1_000;

    /// <summary>Characters in one Markdown pipe table (or run of lines holding a pipe).</summary>
    public const int TableChars = 256 * 1024;
}
