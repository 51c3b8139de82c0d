using AngleSharp.Html.Parser;
using BriefGen.Load.SourceTexts;
using static BriefGen.Tests.Sources.SourceFixtures;

namespace BriefGen.Tests.Sources;

/// <summary>SPEC §2 "Source texts", on two real news pages: the main content only, its blocks numbered ¶1…¶N.</summary>
public sealed class HtmlSourceTests
{
    [Theory]
    [InlineData("nytimes-1")]
    [InlineData("bbc-1")]
    public void The_paragraphs_of_a_web_page_are_the_blocks_readability_extracts(string page)
    {
        var text = Read(page + "/source.html");
        var expected = new HtmlParser().ParseDocument(File.ReadAllText(PathOf(page + "/expected.html")));
        var blocks = expected.QuerySelectorAll("p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th")
            .Where(e => e.QuerySelector("p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th") is null)
            .Select(e => Normalize(e.TextContent))
            .Where(t => t.Length > 0)
            .ToList();
        Assert.Equal(blocks, text.Paragraphs.Select(Normalize));

        // The p and li blocks, the reader's paragraphs, are all there in order.
        var paragraphs = expected.QuerySelectorAll("p, li").Select(e => Normalize(e.TextContent)).Where(t => t.Length > 0).ToList();
        Assert.Equal(paragraphs, text.Paragraphs.Select(Normalize).Where(paragraphs.Contains));
        Assert.False(text.HasPages);
    }

    [Fact]
    public void A_quote_from_a_news_page_is_found_in_its_paragraph()
    {
        var text = Read("nytimes-1/source.html");
        const string quote = "After nearly 20 years of hostile relations, the American government plans to reverse its position on Sudan";
        Assert.Equal(1, ParagraphOfQuote(text, quote));
        Assert.True(Found(text, quote, 1));
        Assert.True(Found(text, "“There is no reason to believe the guys in charge have changed their stripes,” said Mr. Reeves"));
    }

    [Fact]
    public void A_quote_from_the_bbc_page_is_found_in_its_paragraph()
    {
        var text = Read("bbc-1/source.html");
        var p = ParagraphOfQuote(text, "has been something that is distressing");
        Assert.StartsWith("\"For us not to be able to resolve that issue", text.Paragraphs[p - 1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nytimes-1/source.html", "Search NYTimes.com")]
    [InlineData("nytimes-1/source.html", "with the headline: Sanctions on Sudan Will Be Lifted")]
    [InlineData("bbc-1/source.html", "The BBC is not responsible for the content of external sites")]
    [InlineData("bbc-1/source.html", "Contact the BBC")]
    public void A_phrase_only_in_the_pages_menus_or_footer_is_not_found(string page, string phrase)
    {
        var raw = File.ReadAllText(PathOf(page));
        Assert.Contains(phrase, raw, StringComparison.Ordinal); // the phrase is on the page as served
        Assert.False(Found(Read(page), phrase));
    }

    [Fact]
    public void A_block_holding_a_list_keeps_its_own_text_before_the_items()
    {
        var paragraphs = HtmlReader.Paragraphs("<ul><li>Outer <b>text</b><ul><li>inner one</li><li>inner two</li></ul></li></ul><blockquote><p>quoted</p></blockquote>");
        Assert.Equal(["Outer text", "inner one", "inner two", "quoted"], paragraphs);
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
