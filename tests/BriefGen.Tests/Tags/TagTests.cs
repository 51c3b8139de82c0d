using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Tags;

/// <summary>SPEC §2/§5: <c>tags:</c> in front matter link a page to /tags/&lt;tag&gt;/, and /tags/ lists them all.</summary>
public sealed class TagTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public TagTests()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\ntags: [courts]\n---\nWelcome to the brief [@seed, ¶1].\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\nsummary: What the court held.\ntags: [mpp, courts]\n---\nSome text.\n");
    }

    public void Dispose() => _brief.Dispose();

    private AngleSharp.Html.Dom.IHtmlDocument Built(string sitePath, string? baseUrl = null)
    {
        var result = _brief.Build(strict: true, baseUrl: baseUrl);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        return new HtmlParser().ParseDocument(_brief.ReadOutput(sitePath));
    }

    [Fact]
    public void A_page_links_its_tags_in_front_matter_order()
    {
        var links = Built("second/index.html").QuerySelectorAll("nav.page-tags a[rel=tag]");
        Assert.Equal(["mpp", "courts"], links.Select(a => a.TextContent).ToArray());
        Assert.Equal(["/tags/mpp/", "/tags/courts/"], links.Select(a => a.GetAttribute("href")).ToArray());
    }

    [Fact]
    public void A_tag_page_lists_its_pages_in_reading_order_with_their_summaries()
    {
        var doc = Built("tags/courts/index.html");
        Assert.Equal("Tagged “courts” · Test Brief", doc.Title);
        var items = doc.QuerySelectorAll("main ul.tag-pages > li");
        Assert.Equal(["/", "/second/"], items.Select(li => li.QuerySelector("a")!.GetAttribute("href")).ToArray());
        Assert.Equal("What the court held.", items[1].QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void The_tags_index_lists_every_tag_by_name_with_its_count()
    {
        var doc = Built("tags/index.html");
        var headings = doc.QuerySelectorAll("main h2");
        Assert.Equal(["courts (2)", "mpp (1)"], headings.Select(h => h.TextContent).ToArray());
        Assert.Equal("/tags/mpp/", headings[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll("nav.reference-nav a"), a => a.TextContent == "Tags" && a.GetAttribute("aria-current") == "page");
    }

    [Fact]
    public void Tag_links_follow_the_base_url_and_every_link_resolves()
    {
        var doc = Built("second/index.html", "/repo/");
        Assert.Equal("/repo/tags/mpp/", doc.QuerySelector("nav.page-tags a")!.GetAttribute("href"));
        Assert.Contains("<loc>/repo/tags/courts/</loc>", _brief.ReadOutput("sitemap.xml"));
    }

    [Fact]
    public void A_brief_without_tags_has_no_tag_pages_and_no_tags_link()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome to the brief [@seed, ¶1].\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nSome text.\n");
        var doc = Built("second/index.html");
        Assert.False(Directory.Exists(Path.Combine(_brief.OutDir, "tags")));
        Assert.Empty(doc.QuerySelectorAll("nav.page-tags"));
        Assert.DoesNotContain(doc.QuerySelectorAll("nav.reference-nav a"), a => a.TextContent == "Tags");
    }

    [Fact]
    public void A_draft_left_out_of_the_build_makes_no_tag_page()
    {
        _brief.Write("content/pages/draft.md", "---\ntitle: Draft\ndraft: true\ntags: [unpublished]\n---\nText.\n");
        Built("index.html");
        Assert.False(File.Exists(Path.Combine(_brief.OutDir, "tags", "unpublished", "index.html")));
        Assert.True(_brief.Build(strict: true, drafts: true).Succeeded);
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "tags", "unpublished", "index.html")));
    }

    [Fact]
    public void A_content_link_to_a_tag_page_resolves_and_one_to_no_tag_is_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\ntags: [mpp]\n---\nSee [all MPP pages](/tags/mpp/) and [none](/tags/nothing/).\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.BrokenContentLink);
        Assert.Contains("/tags/nothing/", d.Message);
        Assert.Equal(new Location("content/pages/second.md", 5, 37), d.Location);
    }

    [Fact]
    public void Search_finds_a_page_by_its_tag()
    {
        Built("index.html");
        var index = _brief.ReadOutput("assets/search-index.js");
        Assert.Matches("\"t\":\"Second Page\"[^}]*mpp courts", index);
    }
}
