namespace BriefGen.Markdown.Citations;

/// <summary>
/// CSL 1.0.2's locator terms (the values of a cite's <c>label</c>), plus <see cref="None"/> for no locator
/// and <see cref="Unlabeled"/> for a braced locator written without a term (<c>{ii, A, D-Z}</c>).
/// </summary>
public enum LocatorTerm
{
    None,
    Unlabeled,
    Act,
    Appendix,
    ArticleLocator,
    Book,
    Canon,
    Chapter,
    Column,
    Elocation,
    Equation,
    Figure,
    Folio,
    Issue,
    Line,
    Note,
    Opus,
    Page,
    Paragraph,
    Part,
    Rule,
    Scene,
    Section,
    SubVerbo,
    Supplement,
    Table,
    Timestamp,
    TitleLocator,
    Verse,
    Version,
    Volume,
}

/// <summary>How each locator term is written: the en-US locale's long, short and symbol forms, singular and plural.</summary>
public static class LocatorTerms
{
    private sealed record Forms(LocatorTerm Term, string Name, string Short, string ShortPlural, string[] Spellings);

    // The en-US CSL locale's forms. "number"/"no." name the issue term as Pandoc's manual lists them; "para"
    // and "paras" without a period are accepted because writers type them for paragraphs.
    private static readonly Forms[] All =
    [
        new(LocatorTerm.Act, "act", "act", "acts", ["act", "acts"]),
        new(LocatorTerm.Appendix, "appendix", "app.", "apps.", ["appendix", "appendices", "app.", "apps."]),
        new(LocatorTerm.ArticleLocator, "article-locator", "art.", "arts.", ["article", "articles", "art.", "arts."]),
        new(LocatorTerm.Book, "book", "bk.", "bks.", ["book", "books", "bk.", "bks."]),
        new(LocatorTerm.Canon, "canon", "can.", "cann.", ["canon", "canons", "can.", "cann."]),
        new(LocatorTerm.Chapter, "chapter", "chap.", "chaps.", ["chapter", "chapters", "chap.", "chaps.", "c.", "cc."]),
        new(LocatorTerm.Column, "column", "col.", "cols.", ["column", "columns", "col.", "cols."]),
        new(LocatorTerm.Elocation, "elocation", "loc.", "locs.", ["location", "locations", "loc.", "locs."]),
        new(LocatorTerm.Equation, "equation", "eq.", "eqq.", ["equation", "equations", "eq.", "eqq."]),
        new(LocatorTerm.Figure, "figure", "fig.", "figs.", ["figure", "figures", "fig.", "figs."]),
        new(LocatorTerm.Folio, "folio", "fol.", "fols.", ["folio", "folios", "fol.", "fols."]),
        new(LocatorTerm.Issue, "issue", "no.", "nos.", ["issue", "issues", "number", "numbers", "no.", "nos."]),
        new(LocatorTerm.Line, "line", "l.", "ll.", ["line", "lines", "l.", "ll."]),
        new(LocatorTerm.Note, "note", "n.", "nn.", ["note", "notes", "n.", "nn."]),
        new(LocatorTerm.Opus, "opus", "op.", "opp.", ["opus", "opera", "op.", "opp."]),
        new(LocatorTerm.Page, "page", "p.", "pp.", ["page", "pages", "p.", "pp."]),
        new(LocatorTerm.Paragraph, "paragraph", "¶", "¶¶", ["paragraph", "paragraphs", "para.", "paras.", "para", "paras", "¶", "¶¶"]),
        new(LocatorTerm.Part, "part", "pt.", "pts.", ["part", "parts", "pt.", "pts."]),
        new(LocatorTerm.Rule, "rule", "r.", "rr.", ["rule", "rules", "r.", "rr."]),
        new(LocatorTerm.Scene, "scene", "sc.", "scs.", ["scene", "scenes", "sc.", "scs."]),
        new(LocatorTerm.Section, "section", "sec.", "secs.", ["section", "sections", "sec.", "secs.", "§", "§§"]),
        new(LocatorTerm.SubVerbo, "sub-verbo", "s.v.", "s.vv.", ["sub verbo", "sub verbis", "s.v.", "s.vv."]),
        new(LocatorTerm.Supplement, "supplement", "supp.", "supps.", ["supplement", "supplements", "supp.", "supps."]),
        new(LocatorTerm.Table, "table", "tbl.", "tbls.", ["table", "tables", "tbl.", "tbls."]),
        new(LocatorTerm.Timestamp, "timestamp", "", "", []),
        new(LocatorTerm.TitleLocator, "title-locator", "tit.", "titt.", ["title", "titles", "tit.", "titt."]),
        new(LocatorTerm.Verse, "verse", "v.", "vv.", ["verse", "verses", "v.", "vv."]),
        new(LocatorTerm.Version, "version", "version", "versions", ["version", "versions"]),
        new(LocatorTerm.Volume, "volume", "vol.", "vols.", ["volume", "volumes", "vol.", "vols."]),
    ];

    // Longest spelling first, so "paras." wins over "para" and "s.vv." over "s.v.".
    private static readonly (string Spelling, LocatorTerm Term)[] BySpelling =
        [.. All.SelectMany(f => f.Spellings.Select(s => (s, f.Term)))
            .OrderByDescending(p => p.s.Length).ThenBy(p => p.s, StringComparer.Ordinal)];

    /// <summary>CSL's name of the term, as in CSL-JSON's <c>label</c>: <c>page</c>, <c>sub-verbo</c>; empty for none.</summary>
    public static string CslName(LocatorTerm term) => Find(term)?.Name ?? "";

    /// <summary>The short form a note shows before the value: <c>p.</c>/<c>pp.</c>, <c>¶</c>/<c>¶¶</c>, <c>sec.</c>/<c>secs.</c>.</summary>
    public static string ShortForm(LocatorTerm term, bool plural) =>
        Find(term) is { } f ? (plural ? f.ShortPlural : f.Short) : "";

    /// <summary>
    /// The longest term spelling at <paramref name="at"/> in <paramref name="text"/>, ignoring case, that ends where a
    /// word ends (or with its own punctuation, as <c>p.</c> in <c>p.3</c>). Returns its length, or 0.
    /// </summary>
    public static int Match(string text, int at, int end, out LocatorTerm term)
    {
        foreach (var (spelling, t) in BySpelling)
        {
            if (at + spelling.Length > end || string.Compare(text, at, spelling, 0, spelling.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var next = at + spelling.Length;
            var last = spelling[^1];
            if (next == end || !char.IsLetterOrDigit(last) || !char.IsLetterOrDigit(text[next]))
            {
                term = t;
                return spelling.Length;
            }
        }

        term = LocatorTerm.None;
        return 0;
    }

    private static Forms? Find(LocatorTerm term) => Array.Find(All, f => f.Term == term);
}
