using static BriefGen.Tests.Sources.SourceFixtures;

namespace BriefGen.Tests.Sources;

/// <summary>SPEC §2 "Source texts", on two real court opinions: paragraphs in reading order, pages, running headers, hyphens.</summary>
public sealed class PdfSourceTests
{
    [Fact]
    public void Every_page_of_an_opinion_is_a_page_labelled_by_its_number()
    {
        Assert.Equal(17, Ca1.Pages.Count);
        Assert.Equal(Enumerable.Range(1, 17).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ca1.Pages.Select(p => p.Label));
        Assert.Equal(10, Ca5.Pages.Count);
    }

    [Fact]
    public void A_quote_is_found_in_its_paragraph_and_on_its_page()
    {
        const string quote = "This interlocutory appeal arises out of the chaotic early weeks of the COVID-19 pandemic.";
        var paragraph = ParagraphOfQuote(Ca1, quote);
        Assert.StartsWith("SELYA, Circuit Judge.", Ca1.Paragraphs[paragraph - 1], StringComparison.Ordinal);
        Assert.True(Found(Ca1, quote, paragraph));
        Assert.False(Found(Ca1, quote, paragraph + 1));
        Assert.Equal(["3"], PagesOfQuote(Ca1, quote));
        Assert.True(FoundOnPages(Ca1, quote, "3", "3"));
        Assert.False(FoundOnPages(Ca1, quote, "4", "4"));
    }

    [Fact]
    public void Quotes_from_the_fifth_circuit_opinion_are_found_on_their_pages()
    {
        Assert.Equal(["2"], PagesOfQuote(Ca5, "In June 2009, the City of El Paso (the “City”) solicited offers from outside vendors"));
        Assert.Equal(["10"], PagesOfQuote(Ca5, "For the foregoing reasons, the district court’s judgment dismissing St. Pierre’s claims against Appellees is AFFIRMED."));
        Assert.True(FoundOnPages(Ca5, "We review a district court’s dismissal of a complaint for failure to state a claim de novo.", "6", "6"));
    }

    [Fact]
    public void A_quote_across_a_page_break_and_its_running_header_is_found_on_both_pages()
    {
        // Page 4 ends "…were identified as a major"; the running header and page number of page 5 stand between.
        const string quote = "in-person gatherings (particularly those involving dense crowds or extended exposure to other persons) were identified as a major vector of transmission";
        Assert.True(Found(Ca1, quote));
        Assert.Equal(["4", "5"], PagesOfQuote(Ca1, quote));
        Assert.True(FoundOnPages(Ca1, quote, "4", "5"));
        Assert.False(FoundOnPages(Ca1, quote, "4", "4"));
        Assert.False(FoundOnPages(Ca1, quote, "5", "5"));
    }

    [Fact]
    public void A_quote_across_a_page_break_with_a_footnote_and_the_header_between_is_found()
    {
        // Page 1 of the Fifth Circuit's opinion ends on a footnote; page 2 opens with two header lines.
        const string quote = "Dearborn National Life Insurance Company (“Dearborn”) (collectively, “Appellees”) disagreed and moved to dismiss St. Pierre’s claims.";
        Assert.True(Found(Ca5, quote));
        Assert.Equal(["1", "2"], PagesOfQuote(Ca5, quote));
    }

    [Theory]
    [InlineData("Case: 20-1507 Document: 00117684624 Page: 5")]
    [InlineData("Date Filed: 12/22/2020 Entry ID: 6390389")]
    [InlineData("a major Case: 20-1507")]
    public void The_running_header_cannot_be_quoted_as_the_opinions_text(string quote)
    {
        Assert.False(Found(Ca1, quote));
        Assert.DoesNotContain(Ca1.Paragraphs, p => p.Contains("Document: 00117684624", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fifth_circuits_header_and_page_numbers_are_not_text()
    {
        Assert.False(Found(Ca5, "Case: 21-50498 Document: 00516242060"));
        Assert.DoesNotContain(Ca5.Paragraphs, p => p.Contains("00516242060", StringComparison.Ordinal));
        Assert.DoesNotContain(Ca5.Paragraphs, p => p == "2" || p == "No. 21-50498");
    }

    [Fact]
    public void A_word_hyphenated_at_a_line_end_matches()
    {
        // "in-" ends a line of page 4 and "person" opens the next; "three-" / "part" on page 8.
        Assert.True(Found(Ca1, "Early on, in-person gatherings"));
        Assert.True(Found(Ca1, "if an appellant can make a three-part showing"));
        Assert.True(Found(Ca1, "an approximately 10,000-square-foot church facility in Orrington, Maine"));
    }

    [Fact]
    public void A_footnote_follows_the_paragraph_it_interrupts()
    {
        // Footnote 1 stands at the foot of page 6, while the paragraph above it runs on to page 7.
        var sentence = ParagraphOfQuote(Ca1, "We have no transcript of that conference, but Governor Mills apparently agreed");
        var footnote = ParagraphOfQuote(Ca1, "The Chapel claimed violations of the Free Exercise Clause");
        Assert.Equal(sentence + 1, footnote);
        Assert.Equal(["6"], PagesOfQuote(Ca1, "The Chapel claimed violations of the Free Exercise Clause"));
        Assert.False(Found(Ca1, "statutory. 1 On the heels"));
        Assert.True(Found(Ca1, "both constitutional and statutory. On the heels of this filing"));
    }

    [Fact]
    public void Paragraphs_break_at_indented_first_lines_and_headings()
    {
        Assert.Contains("I. BACKGROUND", Ca1.Paragraphs);
        Assert.Contains("II. ANALYSIS", Ca1.Paragraphs);
        var analysis = Ca1.Paragraphs.ToList().IndexOf("II. ANALYSIS");
        Assert.StartsWith("\"[F]ederal courts have an omnipresent duty", Ca1.Paragraphs[analysis + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_character_of_the_text_stands_on_exactly_one_page()
    {
        foreach (var text in new[] { Ca1, Ca5 })
        {
            for (var p = 0; p < text.Paragraphs.Count; p++)
            {
                var covered = text.Pages.SelectMany(page => page.Spans).Where(s => s.Paragraph == p).OrderBy(s => s.Start).ToList();
                Assert.Equal(0, covered[0].Start);
                Assert.Equal(text.Paragraphs[p].Length, covered[^1].End);
                for (var i = 1; i < covered.Count; i++)
                {
                    Assert.Equal(covered[i - 1].End, covered[i].Start);
                }
            }
        }
    }

    [Fact]
    public void Reading_a_pdf_twice_gives_the_same_text()
    {
        var again = Read("ca1-calvary-chapel-v-mills.pdf");
        Assert.Equal(Ca1.Paragraphs, again.Paragraphs);
        Assert.Equal(Ca1.Pages.Select(p => (p.Label, string.Join(";", p.Spans))), again.Pages.Select(p => (p.Label, string.Join(";", p.Spans))));
    }
}
