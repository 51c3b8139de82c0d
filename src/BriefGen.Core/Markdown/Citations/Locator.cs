using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefGen.Markdown.Citations;

/// <summary>What part of a source a citation points at.</summary>
public enum LocatorKind
{
    /// <summary>No locator: the source as a whole.</summary>
    None,

    /// <summary>¶N, ¶¶N–M, para. N, paras. N–M: paragraphs of the source text.</summary>
    Paragraph,

    /// <summary>p. N, pp. N–M.</summary>
    Page,

    /// <summary>Anything else, kept as written ("sec. 3", "slip op. at 2").</summary>
    Text,
}

/// <summary>A parsed locator: <c>¶4</c>, <c>¶¶4–6</c>, <c>p. 12</c> or free text.</summary>
public sealed partial record Locator(LocatorKind Kind, int Start, int End, string Written)
{
    public static readonly Locator None = new(LocatorKind.None, 0, 0, "");

    /// <summary>How the note shows it: ¶4, ¶¶4–6, p. 12, pp. 12–14, or the text as written.</summary>
    public string Display => Kind switch
    {
        LocatorKind.None => "",
        LocatorKind.Paragraph when Start == End => string.Create(CultureInfo.InvariantCulture, $"¶{Start}"),
        LocatorKind.Paragraph => string.Create(CultureInfo.InvariantCulture, $"¶¶{Start}–{End}"),
        LocatorKind.Page when Start == End => string.Create(CultureInfo.InvariantCulture, $"p. {Start}"),
        LocatorKind.Page => string.Create(CultureInfo.InvariantCulture, $"pp. {Start}–{End}"),
        _ => Written,
    };

    /// <summary>Whether this locator names source paragraphs that can be checked.</summary>
    public bool IsParagraphs => Kind == LocatorKind.Paragraph;

    /// <summary>
    /// Reads a locator from the start of <paramref name="text"/>; what follows it is the suffix.
    /// Null when the text starts like a paragraph or page locator but is malformed (¶ without a number,
    /// a range that runs backwards).
    /// </summary>
    public static (Locator Locator, string Suffix)? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return (None, "");
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return LooksNumbered(text) ? null : (new Locator(LocatorKind.Text, 0, 0, text), "");
        }

        var kind = m.Groups["para"].Success ? LocatorKind.Paragraph : LocatorKind.Page;
        var plural = m.Groups["plural"].Success;
        // \d also matches other scripts' digits (¶٣), and a number may overflow: both are malformed locators.
        if (!int.TryParse(m.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        var end = start;
        if (m.Groups["end"].Success && !int.TryParse(m.Groups["end"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out end))
        {
            return null;
        }

        if (start < 1 || end < start || (plural && !m.Groups["end"].Success) || (!plural && m.Groups["end"].Success && kind == LocatorKind.Page))
        {
            return null;
        }

        var suffix = text[m.Length..].Trim();
        if (suffix.Length > 0 && suffix[0] != ',')
        {
            return null;
        }

        return (new Locator(kind, start, end, m.Value.Trim()), suffix.TrimStart(',').Trim());
    }

    private static bool LooksNumbered(string text) =>
        text.StartsWith('¶') || NumberedStart().IsMatch(text);

    // ¶4  ¶ 4  ¶¶4–6  ¶4-6  para. 4  paras. 4–6  p. 12  pp. 12–14
    [GeneratedRegex(@"^(?:(?<para>¶(?<plural>¶)?|para(?<plural>s)?\.)|(?<page>p(?<plural>p)?\.))\s*(?<start>\d+)(?:\s*[–\-]\s*(?<end>\d+))?(?=$|[\s,])")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?:paras?|pp?)\.\s*\d")]
    private static partial Regex NumberedStart();
}
