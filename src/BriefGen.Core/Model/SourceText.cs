namespace BriefGen.Model;

/// <summary>A run of characters <c>[Start, End)</c> of one paragraph (0-based) of a source text.</summary>
public readonly record struct TextSpan(int Paragraph, int Start, int End);

/// <summary>
/// A page of a source that has pages (a PDF): its physical number (1 first), its label as the document
/// prints it (<c>iv</c>, <c>A-3</c>, <c>12</c>), and the spans of paragraph text that stand on it, in
/// reading order. A paragraph that runs across a page break has one span on each page; the spans of all
/// pages together cover every character of every paragraph exactly once.
/// </summary>
public sealed record SourcePage(int Number, string Label, IReadOnlyList<TextSpan> Spans)
{
    /// <summary>The 0-based paragraphs with text on this page, in order.</summary>
    public IEnumerable<int> Paragraphs => Spans.Select(s => s.Paragraph).Distinct();
}

/// <summary>
/// The text of a source, whatever its format: paragraphs numbered ¶1…¶N in reading order
/// (<see cref="Paragraphs"/>, 0-based), and for formats that have them, its pages.
/// </summary>
public sealed record SourceText(string Path, IReadOnlyList<string> Paragraphs)
{
    private IReadOnlyList<SourcePage> _pages = [];
    private (int Start, int End, int Page)[][] _byParagraph = [];

    /// <summary>The pages, first to last; empty for a format without pages (plain text, web pages).</summary>
    public IReadOnlyList<SourcePage> Pages
    {
        get => _pages;
        init
        {
            _pages = value;
            _byParagraph = IndexByParagraph(value, Paragraphs.Count);
        }
    }

    public bool HasPages => _pages.Count > 0;

    /// <summary>The first page with this label (labels compare ordinally, ignoring case: <c>iv</c> = <c>IV</c>), or null.</summary>
    public SourcePage? FindPageLabel(string label)
    {
        foreach (var page in _pages)
        {
            if (string.Equals(page.Label, label.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return page;
            }
        }

        return null;
    }

    /// <summary>The page that character <paramref name="offset"/> of paragraph <paramref name="paragraph"/> (0-based) stands on, or null without pages.</summary>
    public SourcePage? PageAt(int paragraph, int offset)
    {
        if (paragraph < 0 || paragraph >= _byParagraph.Length || _byParagraph[paragraph].Length == 0)
        {
            return null;
        }

        var pieces = _byParagraph[paragraph];
        foreach (var piece in pieces)
        {
            if (offset < piece.End)
            {
                return _pages[piece.Page];
            }
        }

        return _pages[pieces[^1].Page];
    }

    /// <summary>The pages a whole paragraph (0-based) stands on, in order.</summary>
    public IReadOnlyList<SourcePage> PagesOf(int paragraph) =>
        paragraph < 0 || paragraph >= Paragraphs.Count ? [] : PagesOf(new TextSpan(paragraph, 0, Paragraphs[paragraph].Length));

    /// <summary>The pages a span of one paragraph stands on, in order.</summary>
    public IReadOnlyList<SourcePage> PagesOf(TextSpan span) => PagesOf(span.Paragraph, span.Start, span.Paragraph, span.End);

    /// <summary>
    /// The pages the text from character <paramref name="fromOffset"/> of paragraph <paramref name="fromParagraph"/>
    /// to character <paramref name="toOffset"/> (exclusive) of paragraph <paramref name="toParagraph"/> stands on, in
    /// page order: the answer to "which page(s) is this matched text on".
    /// </summary>
    public IReadOnlyList<SourcePage> PagesOf(int fromParagraph, int fromOffset, int toParagraph, int toOffset)
    {
        var found = new SortedSet<int>();
        for (var p = Math.Max(0, fromParagraph); p <= toParagraph && p < _byParagraph.Length; p++)
        {
            var lo = p == fromParagraph ? fromOffset : 0;
            var hi = p == toParagraph ? toOffset : int.MaxValue;
            foreach (var piece in _byParagraph[p])
            {
                if (piece.Start < Math.Max(hi, lo + 1) && lo < piece.End)
                {
                    found.Add(piece.Page);
                }
            }
        }

        return found.Select(i => _pages[i]).ToList();
    }

    /// <summary>
    /// The 0-based paragraphs with text on the pages from label <paramref name="startLabel"/> to label
    /// <paramref name="endLabel"/> (inclusive, in page order), or null when a label names no page or the
    /// range runs backwards.
    /// </summary>
    public IReadOnlyList<int>? ParagraphsOnPages(string startLabel, string endLabel)
    {
        if (FindPageLabel(startLabel) is not { } first || FindPageLabel(endLabel) is not { } last || last.Number < first.Number)
        {
            return null;
        }

        var paragraphs = new SortedSet<int>();
        for (var n = first.Number; n <= last.Number; n++)
        {
            paragraphs.UnionWith(_pages[n - 1].Paragraphs);
        }

        return [.. paragraphs];
    }

    /// <summary>
    /// True when every character from (<paramref name="fromParagraph"/>, <paramref name="fromOffset"/>) to
    /// (<paramref name="toParagraph"/>, <paramref name="toOffset"/>) stands on the pages from label
    /// <paramref name="startLabel"/> to <paramref name="endLabel"/>: how a quote found in the text is checked
    /// against a <c>p.</c> or <c>pp.</c> locator.
    /// </summary>
    public bool IsOnPages(int fromParagraph, int fromOffset, int toParagraph, int toOffset, string startLabel, string endLabel)
    {
        if (FindPageLabel(startLabel) is not { } first || FindPageLabel(endLabel) is not { } last || last.Number < first.Number)
        {
            return false;
        }

        var pages = PagesOf(fromParagraph, fromOffset, toParagraph, toOffset);
        return pages.Count > 0 && pages.All(p => p.Number >= first.Number && p.Number <= last.Number);
    }

    private static (int Start, int End, int Page)[][] IndexByParagraph(IReadOnlyList<SourcePage> pages, int paragraphs)
    {
        var lists = new List<(int Start, int End, int Page)>[paragraphs];
        for (var i = 0; i < paragraphs; i++)
        {
            lists[i] = [];
        }

        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var span in pages[i].Spans)
            {
                if (span.Paragraph >= 0 && span.Paragraph < paragraphs)
                {
                    lists[span.Paragraph].Add((span.Start, span.End, i));
                }
            }
        }

        return [.. lists.Select(l => l.OrderBy(x => x.Start).ToArray())];
    }
}
