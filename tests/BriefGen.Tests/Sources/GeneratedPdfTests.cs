using BriefGen.Diagnostics;
using BriefGen.Load.SourceTexts;
using BriefGen.Load.SourceTexts.Pdf;
using BriefGen.Model;
using static BriefGen.Tests.Sources.SourceFixtures;

namespace BriefGen.Tests.Sources;

/// <summary>Edge cases of PDF reading on PDFs made in the test: page labels, a page without text, two columns, hyphens.</summary>
public sealed class GeneratedPdfTests
{
    private static SourceText Read(byte[] pdf)
    {
        var read = new PdfReader().Read(pdf, "test.pdf");
        Assert.True(read.Text is not null, read.Problem);
        return read.Text!;
    }

    private static string[] Page(string word) => [$"The {word} page opens its only paragraph here and", $"ends it on the {word} line."];

    [Fact]
    public void Page_labels_come_from_the_catalogs_number_tree()
    {
        var pdf = TestPdf.WithPageLabels(TestPdf.Pages(Page("first"), Page("second"), Page("third"), Page("fourth")), "0 << /S /r >> 2 << /S /D >>");
        var text = Read(pdf);
        Assert.Equal(["i", "ii", "1", "2"], text.Pages.Select(p => p.Label));
        Assert.Equal(3, text.FindPageLabel("1")!.Number);
        Assert.Same(text.Pages[1], text.FindPageLabel("II"));
        Assert.Equal(["1"], PagesOfQuote(text, "The third page opens"));
        Assert.True(FoundOnPages(text, "The second page opens its only paragraph", "ii", "ii"));
        Assert.False(FoundOnPages(text, "The second page opens its only paragraph", "1", "2"));
        Assert.Equal([2, 3], text.ParagraphsOnPages("1", "2"));
        Assert.Null(text.ParagraphsOnPages("2", "1"));
        Assert.Null(text.ParagraphsOnPages("iii", "iii"));
    }

    [Fact]
    public void Page_labels_take_a_prefix_a_start_and_every_style()
    {
        var pdf = TestPdf.WithPageLabels(
            TestPdf.Pages(Page("a"), Page("b"), Page("c"), Page("d"), Page("e"), Page("f")),
            "0 << /S /R /St 4 >> 1 << /S /A >> 2 << /S /a /St 27 >> 3 << /S /D /P (A-) /St 3 >> 4 << /P (Cover) >> 5 << /S /D >>");
        Assert.Equal(["IV", "A", "aa", "A-3", "Cover", "1"], Read(pdf).Pages.Select(p => p.Label));
    }

    [Fact]
    public void Without_page_labels_pages_are_numbered_from_one()
    {
        Assert.Equal(["1", "2"], Read(TestPdf.Pages(Page("first"), Page("second"))).Pages.Select(p => p.Label));
    }

    [Fact]
    public void A_page_without_text_is_a_page_with_no_paragraphs()
    {
        var text = Read(TestPdf.Pages(Page("first"), null, Page("third")));
        Assert.Equal(3, text.Pages.Count);
        Assert.Empty(text.Pages[1].Spans);
        Assert.Equal(2, text.Paragraphs.Count);
        Assert.Equal(["3"], PagesOfQuote(text, "The third page"));
    }

    [Fact]
    public void A_pdf_with_no_text_at_all_is_refused_as_a_scan()
    {
        var read = new PdfReader().Read(TestPdf.Pages(null, null), "scan.pdf");
        Assert.Null(read.Text);
        Assert.Equal(DiagnosticCodes.PdfNoTextLayer, read.Code);
        Assert.StartsWith("has no text layer: scanned? provide a text copy", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_columns_are_read_left_column_first()
    {
        string[] left =
        [
            "The left column begins the story of", "the case and carries it down from", "the top of the page, line by line,", "past the middle of the page and",
            "on through the lower half, to the", "foot of the page, where it goes", "on in the right column with this",
        ];
        string[] right =
        [
            "sentence. Then the right column", "takes the story up and finishes", "the account with a last sentence", "that runs on for some lines of",
            "its own before it closes the", "paragraph and the page at the", "very end.",
        ];
        var text = Read(TestPdf.TwoColumns(left, right, title: "A Title Across Both Columns"));
        Assert.Equal("A Title Across Both Columns", text.Paragraphs[0]);
        Assert.True(Found(text, "where it goes on in the right column with this sentence. Then the right column takes the story up"));
        Assert.False(Found(text, "the story of sentence"));
    }

    [Fact]
    public void A_word_broken_by_a_hyphen_at_a_line_end_is_rejoined()
    {
        var text = Read(TestPdf.Pages(["The virus was highly transmis-", "sible and spread in the city with alarming speed; in-", "person meetings stopped, and each person stayed at home."]));
        Assert.True(Found(text, "The virus was highly transmissible and spread in the city"));
        Assert.True(Found(text, "in-person meetings stopped"));
        Assert.Contains("transmissible", text.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_header_is_dropped_and_the_sentence_runs_on_across_the_page()
    {
        var pdf = TestPdf.Pages(
            ["Report 12-345 Page 1 of 3", "The committee found that the agency had failed", "to keep the records it was required to keep and"],
            ["Report 12-345 Page 2 of 3", "that the failure had lasted for at least three", "years before anyone noticed it."],
            ["Report 12-345 Page 3 of 3", "A second paragraph stands alone."]);
        var text = Read(pdf);
        Assert.True(Found(text, "required to keep and that the failure had lasted"));
        Assert.Equal(["1", "2"], PagesOfQuote(text, "required to keep and that the failure"));
        Assert.False(Found(text, "Report 12-345 Page"));
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused()
    {
        var read = new PdfReader().Read("%PDF-1.7 not really"u8.ToArray(), "broken.pdf");
        Assert.Null(read.Text);
        Assert.Equal(DiagnosticCodes.PdfUnreadable, read.Code);
    }
}
