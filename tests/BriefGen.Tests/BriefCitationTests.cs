using AngleSharp.Html.Parser;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §5 "Cite this brief": Highwire citation_* tags on every page, the brief's own reference in its style, BibTeX and RIS.</summary>
public sealed class BriefCitationTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public BriefCitationTests()
    {
        _brief.Write("content/brief.yml", """
            title: Test Brief
            summary: A brief for tests.
            nav: [index, second]
            date: 2020-03-02
            license: CC-BY-4.0
            site_url: https://example.org/brief/
            authors: [{ name: Jane Q. Doe, affiliation: Policy Lab }, { name: Sam Roe }]
            """);
    }

    public void Dispose() => _brief.Dispose();

    private static string[] Meta(AngleSharp.Dom.IDocument doc, string name) =>
        doc.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!).ToArray();

    [Fact]
    public void Every_page_carries_highwire_tags_for_the_brief()
    {
        Assert.True(_brief.Build().Succeeded);
        foreach (var path in new[] { "index.html", "second/index.html", "sources/index.html", "404.html" })
        {
            var doc = new HtmlParser().ParseDocument(_brief.ReadOutput(path));
            Assert.Equal(["Jane Q. Doe", "Sam Roe"], Meta(doc, "citation_author"));
            Assert.Equal(["2020/03/02"], Meta(doc, "citation_publication_date"));
            Assert.Single(Meta(doc, "citation_title"));
        }

        var second = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        Assert.Equal(["Second Page"], Meta(second, "citation_title"));
        Assert.Equal(["Test Brief"], Meta(second, "citation_inbook_title"));
        Assert.Equal(["https://example.org/brief/second/"], Meta(second, "citation_public_url"));
        var home = new HtmlParser().ParseDocument(_brief.ReadOutput("index.html"));
        Assert.Equal(["Test Brief"], Meta(home, "citation_title"));
    }

    [Fact]
    public void Without_authors_date_or_site_url_no_such_tag_is_invented()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nsummary: A brief for tests.\n");
        Assert.True(_brief.Build().Succeeded);
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("index.html"));
        Assert.Empty(Meta(doc, "citation_author"));
        Assert.Empty(Meta(doc, "citation_publication_date"));
        Assert.Empty(Meta(doc, "citation_public_url"));
        Assert.Equal("TY  - RPRT\r\nTI  - Test Brief\r\nLA  - en\r\nER  - \r\n", _brief.ReadOutput("cite.ris"));
    }

    [Fact]
    public void The_home_page_cites_the_brief_in_its_style_and_links_bibtex_and_ris()
    {
        Assert.True(_brief.Build().Succeeded);
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("index.html"));
        Assert.Equal("Doe, Jane Q., and Sam Roe. Test Brief. 2020. https://example.org/brief/.", doc.QuerySelector(".cite-this .reference")!.TextContent);
        Assert.Equal(["/cite.bib", "/cite.ris"], doc.QuerySelectorAll(".cite-this a[download]").Select(a => a.GetAttribute("href")).ToArray());

        _brief.Write("content/brief.yml", File.ReadAllText(Path.Combine(_brief.Root, "content/brief.yml")) + "csl: apa\n");
        Assert.True(_brief.Build().Succeeded);
        doc = new HtmlParser().ParseDocument(_brief.ReadOutput("index.html"));
        Assert.Equal("Doe, J. Q., & Roe, S. (2020). Test Brief. https://example.org/brief/", doc.QuerySelector(".cite-this .reference")!.TextContent);
    }

    [Fact]
    public void Bibtex_and_ris_files_hold_the_brief_s_facts()
    {
        Assert.True(_brief.Build().Succeeded);
        Assert.Equal("""
            @techreport{doe2020,
              title = {{Test Brief}},
              author = {Doe, Jane Q. and Roe, Sam},
              year = {2020},
              month = mar,
              date = {2020-03-02},
              url = {https://example.org/brief/},
              note = {License: CC-BY-4.0}
            }

            """.ReplaceLineEndings("\n"), _brief.ReadOutput("cite.bib"));
        Assert.Equal("TY  - RPRT\r\nTI  - Test Brief\r\nAU  - Doe, Jane Q.\r\nAU  - Roe, Sam\r\nPY  - 2020\r\nDA  - 2020/03/02\r\nUR  - https://example.org/brief/\r\nLA  - en\r\nER  - \r\n",
            _brief.ReadOutput("cite.ris"));
    }

    [Fact]
    public void Bibtex_escapes_what_latex_would_read_as_commands()
    {
        _brief.Write("content/brief.yml", "title: \"Costs & {Benefits}: 50% of #1_x\"\nsummary: A brief for tests.\n");
        Assert.True(_brief.Build().Succeeded);
        Assert.Contains(@"title = {{Costs \& \{Benefits\}: 50\% of \#1\_x}}", _brief.ReadOutput("cite.bib"));
    }
}
