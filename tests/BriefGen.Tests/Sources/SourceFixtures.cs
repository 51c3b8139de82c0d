using BriefGen.Load.SourceTexts;
using BriefGen.Model;
using BriefGen.Tests.Support;
using BriefGen.Verify;

namespace BriefGen.Tests.Sources;

/// <summary>The real-document fixtures (Fixtures/Sources/), read once, and where a quote stands in a source text.</summary>
internal static class SourceFixtures
{
    public static string Folder => Path.Combine(Repo.TestsDir, "Fixtures", "Sources");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static readonly Lazy<SourceText> Ca1Text = new(() => Read("ca1-calvary-chapel-v-mills.pdf"));
    private static readonly Lazy<SourceText> Ca5Text = new(() => Read("ca5-st-pierre-v-standard-insurance.pdf"));

    public static SourceText Ca1 => Ca1Text.Value;

    public static SourceText Ca5 => Ca5Text.Value;

    public static SourceText Read(string name)
    {
        var read = SourceTextReaders.Default.Read(PathOf(name), name).Read;
        Assert.True(read.Text is not null, $"{name}: {read.Problem}");
        return read.Text!;
    }

    /// <summary>Whether the matcher finds the quote within the given 1-based paragraphs (all of them when null).</summary>
    public static bool Found(SourceText text, string quote, int? fromParagraph = null, int? toParagraph = null)
    {
        var index = new SourceIndex(text);
        return QuoteMatcher.Match(quote, index, Range(index, fromParagraph, toParagraph ?? fromParagraph)).Found;
    }

    /// <summary>The words of 1-based paragraphs [from, to] as the matcher's [Lo, Hi) range; the whole text when null.</summary>
    public static (int Lo, int Hi) Range(SourceIndex index, int? from, int? to)
    {
        if (from is null)
        {
            return (0, index.AllWords.Count);
        }

        int lo = -1, hi = -1;
        for (var w = 0; w < index.AllWords.Count; w++)
        {
            var p = index.ParagraphOf(w) + 1;
            if (p >= from && p <= to)
            {
                lo = lo < 0 ? w : lo;
                hi = w + 1;
            }
        }

        return lo < 0 ? (0, 0) : (lo, hi);
    }

    /// <summary>The words of the pages from one label to another, as a [Lo, Hi) range of the matcher's words.</summary>
    public static bool FoundOnPages(SourceText text, string quote, string first, string last)
    {
        var index = new SourceIndex(text);
        var paragraphs = text.ParagraphsOnPages(first, last);
        Assert.NotNull(paragraphs);
        var range = Range(index, paragraphs[0] + 1, paragraphs[^1] + 1);
        if (!QuoteMatcher.Match(quote, index, range).Found)
        {
            return false;
        }

        // The matcher found it in those paragraphs; the words themselves must stand on those pages.
        var (from, to) = Locate(text, quote) ?? throw new InvalidOperationException("found but not located");
        return text.IsOnPages(from.Paragraph, from.Start, to.Paragraph, to.End, first, last);
    }

    /// <summary>Where a quote's words (no elisions) first stand in the text: its first and last word.</summary>
    public static (TextSpan First, TextSpan Last)? Locate(SourceText text, string quote)
    {
        var index = new SourceIndex(text);
        if (QuoteMatcher.FindAnywhere(quote, index) is { } match)
        {
            var (p, q) = match.Words;
            var a = index.AllWords[p];
            var b = index.AllWords[q];
            return (new TextSpan(index.ParagraphOf(p), a.Start, a.End), new TextSpan(index.ParagraphOf(q), b.Start, b.End));
        }

        return null;
    }

    /// <summary>The labels of the pages a quote's words stand on.</summary>
    public static string[] PagesOfQuote(SourceText text, string quote)
    {
        var (first, last) = Locate(text, quote) ?? throw new InvalidOperationException($"“{quote}” is not in the text");
        return [.. text.PagesOf(first.Paragraph, first.Start, last.Paragraph, last.End).Select(p => p.Label)];
    }

    /// <summary>The 1-based paragraph a quote's first word stands in.</summary>
    public static int ParagraphOfQuote(SourceText text, string quote) =>
        (Locate(text, quote) ?? throw new InvalidOperationException($"“{quote}” is not in the text")).First.Paragraph + 1;
}
