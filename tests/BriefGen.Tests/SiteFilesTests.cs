using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §5: metadata, sitemap, robots, 404, print and search: the files around the brief's pages.</summary>
public sealed class SiteFilesTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private AngleSharp.Html.Dom.IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(_brief.ReadOutput(path));

    [Fact]
    public void Pages_carry_title_description_open_graph_and_canonical_metadata()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nsite_url: https://example.github.io/repo/\nbase_url: /repo/\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\nsummary: About the second thing.\n---\nText.\n");
        Assert.True(_brief.Build().Succeeded);
        var doc = Page("second/index.html");
        Assert.Equal("Second · Test Brief", doc.Title);
        Assert.Equal("About the second thing.", doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("https://example.github.io/repo/second/", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Second", doc.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("https://example.github.io/repo/second/", doc.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("/repo/assets/favicon.svg", doc.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
    }

    [Fact]
    public void Json_ld_describes_a_report_with_its_quotations()
    {
        _brief.Write("content/entities.yml", "- id: judge\n  name: The Judge\n  kind: person\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n> “the key question”\n> — [[judge]] [@seed, ¶3]\n");
        Assert.True(_brief.Build().Succeeded);
        var script = Page("second/index.html").QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var json = JsonDocument.Parse(script);
        Assert.Equal("Report", json.RootElement.GetProperty("@type").GetString());
        var quote = json.RootElement.GetProperty("hasPart")[0];
        Assert.Equal("Quotation", quote.GetProperty("@type").GetString());
        Assert.Equal("the key question", quote.GetProperty("text").GetString());
        Assert.Equal("The Judge", quote.GetProperty("creator").GetProperty("name").GetString());
    }

    [Fact]
    public void Sitemap_lists_every_page_but_404_and_robots_points_to_it()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nsite_url: https://example.github.io/repo/\n");
        Assert.True(_brief.Build().Succeeded);
        var ns = XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9");
        var locs = XDocument.Parse(_brief.ReadOutput("sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.github.io/repo/", locs);
        Assert.Contains("https://example.github.io/repo/second/", locs);
        Assert.Contains("https://example.github.io/repo/sources/seed/", locs);
        Assert.DoesNotContain(locs, l => l.Contains("404"));
        Assert.Contains("Sitemap: https://example.github.io/repo/sitemap.xml", _brief.ReadOutput("robots.txt"));
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, ".nojekyll")));
    }

    [Fact]
    public void The_404_page_uses_only_base_url_prefixed_links()
    {
        Assert.True(_brief.Build(baseUrl: "/repo/").Succeeded);
        var doc = Page("404.html");
        var urls = doc.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!).Concat(doc.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
        Assert.All(urls, u => Assert.True(u.StartsWith("/repo/", StringComparison.Ordinal) || u == "#main", u));
    }

    [Fact]
    public void The_print_page_holds_every_page_with_endnotes_and_unique_ids()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\n## Overview\n\nHome [@seed, ¶1].\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n## Overview\n\nA [@seed, ¶2]. B [@seed, ¶1].\n");
        Assert.True(_brief.Build(strict: true).Succeeded);
        var doc = Page("print/index.html");
        Assert.Equal(["Home", "Second Page"[..6]], doc.QuerySelectorAll(".print-section > h2").Select(h => h.TextContent).Take(2).ToArray());
        Assert.Equal(["index--overview", "second--overview"], doc.QuerySelectorAll(".print-section h3").Select(h => h.Id).ToArray());
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(2, doc.QuerySelectorAll(".notes li").Length);
        Assert.Equal(["[1]", "[2]", "[1]"], doc.QuerySelectorAll("sup.cite a").Select(a => a.TextContent).ToArray());

        // The print page repeats the brief; it does not count as more citations of the source.
        Assert.Contains("Cited 3 times", _brief.ReadOutput("sources/index.html"));
    }

    [Fact]
    public void The_search_index_of_the_mpp_brief_finds_refoulement_and_stays_small()
    {
        var result = new Build.Builder(new Build.BuildOptions { Root = FixtureBriefs.Mpp }).Check();
        var index = result.Files.Single(f => f.Path == "assets/search-index.js");
        Assert.InRange(index.Bytes.Length, 1, 100 * 1024);
        var text = System.Text.Encoding.UTF8.GetString(index.Bytes);
        Assert.StartsWith("window.BRIEFGEN_SEARCH=[", text);
        using var json = JsonDocument.Parse(text["window.BRIEFGEN_SEARCH=".Length..].TrimEnd('\n', ';'));
        var kinds = json.RootElement.EnumerateArray().Select(e => e.GetProperty("k").GetString()).Distinct().Order().ToArray();
        Assert.Equal(["Entity", "Page", "Quote", "Source"], kinds);
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("x").GetString()!.Contains("refoulement", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Details a writer or theme author meets: drafts in nav, descriptions, and the build time.</summary>
public sealed class BuildDetailsTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void A_draft_named_in_nav_is_left_out_without_drafts_and_placed_with_them()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, draft, second]\n");
        _brief.Write("content/pages/draft.md", "---\ntitle: Work in progress\ndraft: true\n---\nText.\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.DoesNotContain("draft/index.html", result.Written);
        Assert.Contains("index.html", result.Written);
        var withDrafts = _brief.Build(strict: true, drafts: true);
        Assert.True(withDrafts.Succeeded, TestBrief.Lines(withDrafts));
        Assert.Contains("/draft/", _brief.ReadOutput("index.html"));
    }

    [Fact]
    public void A_meta_description_is_plain_text_without_citation_marks()
    {
        _brief.Write("content/entities.yml", "- id: judge\n  name: The Judge\n  kind: person\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\nsummary: What [[judge]] said [@seed, ¶3].\n---\nText.\n");
        Assert.True(_brief.Build().Succeeded);
        var html = _brief.ReadOutput("second/index.html");
        Assert.Contains("<meta name=\"description\" content=\"What The Judge said.\">", html);
    }

    [Fact]
    public void Date_now_in_a_template_is_the_source_date_epoch_not_the_clock()
    {
        _brief.Write("templates/page.html", "<p>{{ date.now | date.to_string '%Y-%m-%d' }}</p>");
        Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", null);
        Assert.True(_brief.Build().Succeeded);
        Assert.Contains("<p>1970-01-01</p>", _brief.ReadOutput("second/index.html"));

        var run = Tool.Dotnet(["build", "--root", _brief.Root], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1582848000" });
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<p>2020-02-28</p>", _brief.ReadOutput("second/index.html"));
    }
}
