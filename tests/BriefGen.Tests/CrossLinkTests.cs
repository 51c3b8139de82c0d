using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §2 cross-links, §5 entity pages, timeline and the output link check.</summary>
public sealed class CrossLinkTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    public static TheoryData<int, string, string> Spec => SpecFile.Examples("crosslinks.md");

    private sealed class FakeSite : IRenderSite
    {
        public LinkTarget? Find(string id) => id switch
        {
            "mark-morgan" => new LinkTarget("/entities/mark-morgan/", "Mark Morgan", "entity"),
            "background" => new LinkTarget("/background/", "Background", "page"),
            "mpp-begins" => new LinkTarget("/timeline/#mpp-begins", "MPP begins", "event"),
            "families" => new LinkTarget("/figures/#families", "470,000", "figure"),
            _ => null,
        };

        public string? Caption(QuoteBox box, string attributionHtml) => null;

        public string? QuotationTitle(BriefGen.Markdown.Quotations.QuotationInline quotation) => null;
    }

    [Theory]
    [MemberData(nameof(Spec))]
    public void Spec_example_renders(int example, string markdown, string html)
    {
        var engine = new MarkdownEngine();
        var document = engine.Parse(markdown);
        var page = BriefGen.Resolve.PageNumbering.Of("T", "t/", "/t/", 0, [new(document, TextOrigin.WholeFile("t.md"))]);
        var rendered = engine.Render(document, new MarkdownSite("/", false), page, new FakeSite()).TrimEnd('\n');
        Assert.True(html == rendered, $"example {example}\nexpected:\n{html}\nactual:\n{rendered}");
    }

    private AngleSharp.Html.Dom.IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(_brief.ReadOutput(path));

    private void Entities() => _brief.Write("content/entities.yml", """
        - id: mark-morgan
          name: Mark Morgan
          kind: person
          role: Acting CBP Commissioner
          description: Led CBP; see [[cbp]] [@seed, ¶1].
        - id: cbp
          name: Customs and Border Protection
          kind: organization
          description: The agency.
        - id: mpp
          name: Migrant Protection Protocols
          kind: policy
        """);

    [Fact]
    public void An_unknown_id_fails_at_its_line_and_column_with_a_suggestion()
    {
        Entities();
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText.\n\nAs [[mark-morgen]] said.\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.UnknownLink);
        Assert.Equal(new Location("content/pages/second.md", 6, 4), d.Location);
        Assert.Contains("did you mean [[mark-morgan]]", d.Message);
    }

    [Fact]
    public void Mentioned_in_leads_to_the_section_where_the_link_stands()
    {
        Entities();
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nIntro on [[mpp]].\n\n## The commissioner\n\n[[mark-morgan]] spoke [@seed, ¶3].\n\n## Later\n\nAgain [[mark-morgan]] and [[cbp]].\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var entity = Page("entities/mark-morgan/index.html");
        var links = entity.QuerySelectorAll(".mentioned-in a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToArray();
        Assert.Equal([("/second/#the-commissioner", "Second: The commissioner"), ("/second/#later", "Second: Later")], links);
        foreach (var (href, _) in links)
        {
            var second = Page("second/index.html");
            var section = second.GetElementById(href![(href!.IndexOf('#') + 1)..])!;
            Assert.Equal("H2", section.TagName);
        }

        // Entities link each other both ways as related; the description's citation has its note.
        var cbp = Page("entities/cbp/index.html");
        Assert.Contains(cbp.QuerySelectorAll(".mentioned-in a"), a => a.GetAttribute("href") == "/entities/mark-morgan/");
        Assert.Contains(cbp.QuerySelectorAll("section[aria-labelledby=related] a"), a => a.TextContent == "Mark Morgan");
        Assert.NotNull(entity.GetElementById("note-1"));
        Assert.Equal("Acting CBP Commissioner", entity.QuerySelector("header .summary")!.TextContent);
    }

    [Fact]
    public void The_entity_index_groups_by_kind()
    {
        Entities();
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n[[mark-morgan]] [[cbp]] [[mpp]]\n");
        _brief.Build();
        var doc = Page("entities/index.html");
        Assert.Equal(["People", "Organizations", "Policies"], doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToArray());
    }

    [Fact]
    public void Pages_list_the_people_and_organizations_they_mention()
    {
        Entities();
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n[[mark-morgan]] [[cbp]] [[mpp]]\n");
        _brief.Build();
        var names = Page("second/index.html").QuerySelectorAll(".mentions a").Select(a => a.TextContent).ToArray();
        Assert.Equal(["Customs and Border Protection", "Mark Morgan"], names);
    }

    [Fact]
    public void Entity_pages_show_the_quotes_of_the_person()
    {
        Entities();
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n[[cbp]] [[mpp]]\n\n> “the key question”\n> — [[mark-morgan]] [@seed, ¶3]\n");
        _brief.Build();
        var quote = Page("entities/mark-morgan/index.html").QuerySelector("section[aria-labelledby=quotes] li")!;
        Assert.Contains("the key question", quote.QuerySelector("blockquote")!.TextContent);
        Assert.Equal("/second/#quote-1", quote.QuerySelector(".quote-meta > a")!.GetAttribute("href"));
    }

    [Fact]
    public void The_timeline_is_in_date_order_at_each_event_precision_with_anchors()
    {
        _brief.Write("content/timeline.yml", """
            - id: late
              date: "2020-02-28"
              title: Ruling
              text: The panel ruled [@seed, ¶1].
            - id: early
              date: "2019-01"
              title: Policy begins
            - id: year
              date: "2018"
              title: Earlier ban halted
            """);
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nSee [[late]], [[early]] and [[year]].\n");
        Assert.True(_brief.Build(strict: true).Succeeded);
        var doc = Page("timeline/index.html");
        var items = doc.QuerySelectorAll("ol.timeline > li");
        Assert.Equal(["year", "early", "late"], items.Select(li => li.Id).ToArray());
        Assert.Equal(["2018", "January 2019", "Feb. 28, 2020"], items.Select(li => li.QuerySelector("time")!.TextContent).ToArray());
        Assert.Equal("2019-01", items[1].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("/second/", items[0].QuerySelector(".event-backlinks a")!.GetAttribute("href"));
        Assert.Equal("/timeline/#late", Page("second/index.html").QuerySelector("a.xref-event")!.GetAttribute("href"));
    }

    [Fact]
    public void Unused_sources_entities_and_figures_are_warnings()
    {
        Entities();
        _brief.Write("content/figures.yml", "- id: families\n  value: \"470,000\"\n  label: crossed\n  cite: \"[@seed, ¶2]\"\n");
        _brief.Write("content/sources.yml", "- id: seed\n  type: article-newspaper\n  title: \"[Test report]\"\n  text: ../seeds/seed.txt\n- id: spare\n  type: report\n  title: Spare\n");
        var result = _brief.Build();
        var unused = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.Unused).Select(d => d.Message).ToList();
        Assert.Contains(unused, m => m.Contains("source 'spare'"));
        Assert.Contains(unused, m => m.Contains("entity 'mark-morgan'"));
        Assert.Contains(unused, m => m.Contains("figure 'families'"));
        Assert.DoesNotContain(unused, m => m.Contains("source 'seed'"));
        Assert.True(result.Succeeded);
        Assert.False(_brief.Build(strict: true).Succeeded);
    }

    [Fact]
    public void A_broken_internal_link_in_the_output_fails_the_build_naming_page_and_target()
    {
        // A fragment the content cannot know (theme ids, note ids) is checked on the output.
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nSee [a section](/second/#missing).\n");
        var result = _brief.Build();
        var all = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenOutputLink).ToList();
        var broken = all.Where(d => d.Location.Path == "_site/second/index.html").ToList();
        Assert.Single(broken);
        Assert.All(all.Except(broken), d => Assert.Equal("_site/print/index.html", d.Location.Path));
        Assert.Contains(broken, d => d.Message.Contains("no element with id 'missing'"));
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void A_markdown_link_to_a_page_that_does_not_exist_fails_at_its_line_and_column()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nSee [the map](/nowhere/) and [back](../) and [up](../../x/).\n");
        var result = _brief.Build();
        var d = Assert.Single(result.Diagnostics, x => x.Code == DiagnosticCodes.BrokenContentLink);
        Assert.Equal("content/pages/second.md(4,5): error BG0304: link to '/nowhere/' leads to no page of this site (no page, entity, source or generated page at /nowhere/)", d.ToString());
        Assert.DoesNotContain(result.Diagnostics, x => x.Code == DiagnosticCodes.BrokenOutputLink);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void A_heading_that_repeats_an_id_of_the_theme_is_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n## Main\n\nText [@seed, ¶1].\n");
        var d = _brief.Build().Diagnostics.Single(x => x.Code == DiagnosticCodes.BrokenOutputLink && x.Location.Path == "_site/second/index.html");
        Assert.Contains("id 'main' is used 2 times", d.Message);
    }

    [Fact]
    public void A_template_link_that_ignores_base_url_is_caught()
    {
        _brief.Write("templates/partials/footer.html", "<footer><a href=\"/sources/\">Sources</a></footer>");
        var result = _brief.Build(baseUrl: "/repo/");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.BrokenOutputLink && d.Message.Contains("outside the site's base URL /repo/"));
        Assert.True(_brief.Build().Succeeded);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/repo/")]
    [InlineData("/deep/path/")]
    public void The_mpp_brief_has_no_broken_links_under_any_base_url(string baseUrl)
    {
        var result = new Build.Builder(new Build.BuildOptions { Root = FixtureBriefs.Mpp, BaseUrl = baseUrl, Strict = true }).Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}
