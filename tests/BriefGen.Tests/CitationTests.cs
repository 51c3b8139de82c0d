using System.Text.Json;
using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using BriefGen.Render.Citations;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §2 citations, §3 citation checks, §5 notes, back-links, bibliography and CSL-JSON.</summary>
public sealed class CitationTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    public static TheoryData<int, string, string> Spec => SpecFile.Examples("citations.md");

    [Theory]
    [MemberData(nameof(Spec))]
    public void Spec_example_renders(int example, string markdown, string html)
    {
        var engine = new MarkdownEngine();
        var document = engine.Parse(markdown);
        var page = BriefGen.Resolve.PageNumbering.Of("Test", "test/", "/test/", 0, [new(document, TextOrigin.WholeFile("test.md"))]);
        var rendered = engine.Render(document, new MarkdownSite("/", false), page).TrimEnd('\n');
        Assert.True(html == rendered, $"example {example}\nexpected:\n{html}\nactual:\n{rendered}");
    }

    [Fact]
    public void An_unknown_key_fails_the_build_at_the_key()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nFirst line.\n\nThe court ruled [@seed, ¶1; @sead, ¶2].\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.UnknownSource);
        Assert.Equal(new Location("content/pages/second.md", 6, 29), d.Location);
        Assert.Contains("'@sead'", d.Message);
        Assert.Contains("did you mean @seed", d.Message);
    }

    [Fact]
    public void A_paragraph_beyond_the_source_fails_the_build_at_the_citation()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nThe court ruled [@seed, ¶99].\n");
        var result = _brief.Build();
        var d = TestBrief.Single(result, DiagnosticCodes.LocatorOutOfRange);
        Assert.Equal(new Location("content/pages/second.md", 4, 18), d.Location);
        Assert.Contains("¶99", d.Message);
        Assert.Contains("3 paragraphs", d.Message);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_range_ending_beyond_the_source_is_out_of_range()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText [@seed, ¶¶2–4].\n");
        TestBrief.Single(_brief.Check(), DiagnosticCodes.LocatorOutOfRange);
    }

    [Fact]
    public void Citations_in_yaml_fields_are_checked_at_their_place_in_the_file()
    {
        _brief.Write("content/entities.yml", "- id: court\n  name: The court\n  kind: court\n  description: Ruled [@seed, ¶7].\n");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.LocatorOutOfRange);
        Assert.Equal(new Location("content/entities.yml", 4, 23), d.Location);
    }

    [Fact]
    public void A_malformed_paragraph_locator_is_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText [@seed, ¶¶5–2].\n");
        TestBrief.Single(_brief.Check(), DiagnosticCodes.MalformedCitation);
    }

    [Fact]
    public void Notes_share_numbers_and_carry_one_backlink_per_use()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶1]. B [@seed, ¶2]. C [@seed, ¶1].\n");
        _brief.Build();
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var marks = doc.QuerySelectorAll("sup.cite a").Select(a => a.TextContent).ToArray();
        Assert.Equal(["[1]", "[2]", "[1]"], marks);
        var notes = doc.QuerySelectorAll(".notes li");
        Assert.Equal(2, notes.Length);
        Assert.Equal(["#cite-1-1", "#cite-1-2"], notes[0].QuerySelectorAll(".backlinks a").Select(a => a.GetAttribute("href")).ToArray());
        Assert.Equal(["a", "b"], notes[0].QuerySelectorAll(".backlinks a").Select(a => a.TextContent).ToArray());
        Assert.Equal("↑", notes[1].QuerySelector(".backlinks a")!.TextContent);

        // Every mark links to a note on its page, and every back-link to a mark.
        foreach (var a in doc.QuerySelectorAll("sup.cite a, .backlinks a"))
        {
            Assert.NotNull(doc.GetElementById(a.GetAttribute("href")![1..]));
        }
    }

    [Fact]
    public void Notes_link_to_the_bibliography_and_to_existing_paragraph_anchors()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome.\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶¶2–3].\n");
        _brief.Build();
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var hrefs = doc.QuerySelectorAll("#note-1 .note-links a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/sources/#seed", "/sources/seed/#p2"], hrefs);
        Assert.Equal("[Test Report], paras. 2–3.", doc.QuerySelector("#note-1 .note-text")!.TextContent);

        var source = new HtmlParser().ParseDocument(_brief.ReadOutput("sources/seed/index.html"));
        Assert.NotNull(source.GetElementById("p2"));
        Assert.Equal(["#p1", "#p2", "#p3"], source.QuerySelectorAll(".paragraph-map > li").Select(li => "#" + li.Id).ToArray());
        Assert.Contains("Cited 1×", source.GetElementById("p3")!.TextContent);
        Assert.Contains("Not cited", source.GetElementById("p1")!.TextContent);
        Assert.NotNull(new HtmlParser().ParseDocument(_brief.ReadOutput("sources/index.html")).GetElementById("seed"));
    }

    [Fact]
    public void A_source_with_a_url_gets_a_text_fragment_link_to_the_cited_passage()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: Court halts policy
              container-title: The Daily
              URL: https://example.org/story
              text: ../seeds/seed.txt
            """);
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶2].\n");
        _brief.Build();
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var original = doc.QuerySelectorAll("#note-1 .note-links a").Last().GetAttribute("href");
        Assert.Equal("https://example.org/story#:~:text=More%20than%20470%2C000%20parents%20and,fiscal%20year%20%E2%80%93%20a%20record.", original);
        // Chicago: an unsigned article is led by its paper, titles in title case, as pandoc --citeproc prints it.
        Assert.Equal("The Daily, Court Halts Policy, para. 2.", doc.QuerySelector("#note-1 .note-text")!.TextContent);
    }

    [Fact]
    public void Text_fragments_encode_dashes_commas_and_ampersands()
    {
        Assert.Equal(":~:text=a%2Db%2C%20c%26d", TextFragment.For("a-b, c&d"));
    }

    [Fact]
    public void A_text_fragment_is_the_whole_passage_or_its_first_and_last_five_words()
    {
        // Against the definition: the passage's words, all of them up to ten, else the first five and the last five.
        static string Expected(string passage)
        {
            var w = passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return w.Length == 0 ? ""
                : w.Length <= 10 ? ":~:text=" + TextFragment.Encode(string.Join(' ', w))
                : ":~:text=" + TextFragment.Encode(string.Join(' ', w[..5])) + "," + TextFragment.Encode(string.Join(' ', w[^5..]));
        }

        Assert.Equal(":~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven", TextFragment.For(" one two three four five six\nseven eight nine ten eleven\t"));
        char[] alphabet = ['a', 'b', ' ', ' ', '\n', '\t', '\u00A0', '\u2003'];
        var random = new Random(5);
        for (var n = 0; n < 3000; n++)
        {
            var passage = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Expected(passage), TextFragment.For(passage));
        }
    }

    [Fact]
    public void Paragraph_text_is_shown_only_when_published()
    {
        _brief.Build();
        Assert.DoesNotContain("470,000", _brief.ReadOutput("sources/seed/index.html"));
        _brief.Write("content/sources.yml", "- id: seed\n  type: article-newspaper\n  title: \"[Test report]\"\n  text: ../seeds/seed.txt\n  publish_text: true\n");
        _brief.Build();
        Assert.Contains("470,000", _brief.ReadOutput("sources/seed/index.html"));
    }

    [Fact]
    public void The_bibliography_is_in_chicago_order_and_style_and_counts_citations()
    {
        _brief.Write("content/sources.yml", """
            - id: zed
              type: book
              title: Alpha
              author: [{ family: Zimmer, given: Ann }]
            - id: seed
              type: article-newspaper
              title: Beta
              author: [{ family: Adams, given: Bo }, { family: Cole, given: Cy }]
              container-title: The Daily
              issued: 2020-02-28
              text: ../seeds/seed.txt
            """);
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶1]. B [@seed, ¶1]. C [@zed, p. 3].\n");
        _brief.Build();
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("sources/index.html"));
        var entries = doc.QuerySelectorAll(".bibliography li");
        Assert.Equal(["seed", "zed"], entries.Select(e => e.Id).ToArray());
        Assert.Equal("Adams, Bo, and Cy Cole. “Beta.” The Daily, February 28, 2020. Cited 3 times", entries[0].TextContent.Trim());
        Assert.StartsWith("Zimmer, Ann. Alpha.", entries[1].TextContent.Trim());
        Assert.Equal("Cited 1 time", entries[1].QuerySelector(".cited-count")!.TextContent.Trim());

        var second = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        Assert.Equal("Adams and Cole, “Beta,” para. 1.", second.QuerySelector("#note-1 .note-text")!.TextContent);  // the home page cites it once more
        Assert.Equal("Zimmer, Alpha, 3.", second.QuerySelector("#note-2 .note-text")!.TextContent);
    }

    [Fact]
    public void Source_pages_list_every_use_under_cited_by()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nHome [@seed, ¶1].\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶1]. B [@seed, ¶2].\n");
        _brief.Build();
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("sources/seed/index.html"));
        var links = doc.QuerySelectorAll(".cited-by a[title]").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/#cite-1-1", "/second/#cite-1-1", "/second/#cite-2-1"], links);
    }

    [Fact]
    public void Sources_json_is_csl_json_with_every_source()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: Beta
              author: [{ family: Adams, given: Bo }, { literal: Wire Service }]
              issued: 2020-02
              text: ../seeds/seed.txt
              publish_text: false
            - id: other
              type: report
              title: Other
            """);
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶1] [@other].\n");
        _brief.Build();
        using var json = JsonDocument.Parse(_brief.ReadOutput("sources.json"));
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["seed", "other"], items.Select(i => i.GetProperty("id").GetString()).ToArray());
        Assert.All(items, i => Assert.True(i.TryGetProperty("type", out _)));
        var seed = items[0];
        Assert.Equal("Adams", seed.GetProperty("author")[0].GetProperty("family").GetString());
        Assert.Equal("Wire Service", seed.GetProperty("author")[1].GetProperty("literal").GetString());
        Assert.Equal("[[2020,2]]", seed.GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "").Replace("\n", "").Replace("\r", ""));
        Assert.False(seed.TryGetProperty("text", out _));
        Assert.False(seed.TryGetProperty("publish_text", out _));
    }

    [Fact]
    public void A_figure_cite_must_be_a_single_citation()
    {
        _brief.Write("content/figures.yml", "- id: families\n  value: \"470,000\"\n  label: crossed\n  cite: see paragraph two\n");
        TestBrief.Single(_brief.Check(), DiagnosticCodes.MalformedCitation);
    }
}

/// <summary>SPEC §5: /brief.json, the brief as data.</summary>
public sealed class BriefJsonTests
{
    [Fact]
    public void Brief_json_lists_every_citation_quote_figure_entity_and_event_of_the_mpp_brief()
    {
        var result = new Build.Builder(new Build.BuildOptions { Root = FixtureBriefs.Mpp }).Check();
        using var json = JsonDocument.Parse(result.Files.Single(f => f.Path == "brief.json").Bytes);
        var root = json.RootElement;
        // Figures' citations render on both the home page and /figures/, so marks outnumber written citations.
        Assert.InRange(root.GetProperty("citations").GetArrayLength(), result.Stats.Citations, result.Stats.Citations + 2 * result.Stats.Figures);
        Assert.Equal(result.Stats.Quotes, root.GetProperty("quotes").GetArrayLength());
        Assert.Equal(result.Stats.Figures, root.GetProperty("figures").GetArrayLength());
        Assert.All(root.GetProperty("quotes").EnumerateArray(), q => Assert.Equal("verified", q.GetProperty("status").GetString()));
        var first = root.GetProperty("pages")[0].GetProperty("citations")[0];
        Assert.Equal("seed", first.GetProperty("source").GetString());
        Assert.Equal("paragraph", first.GetProperty("locator").GetProperty("kind").GetString());
        Assert.True(root.GetProperty("entities").GetArrayLength() >= 16);
        Assert.True(root.GetProperty("events").GetArrayLength() >= 10);
    }
}
