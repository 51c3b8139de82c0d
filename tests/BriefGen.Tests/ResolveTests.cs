using System.Text.Json;
using AngleSharp.Html.Parser;
using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Resolve;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>The resolve stage decides every cross-page fact before rendering; rendering a page is a pure function.</summary>
public sealed class ResolveTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void Two_pages_with_one_id_are_reported_at_both_files_not_a_crash()
    {
        _brief.Write("content/pages/about.md", "---\ntitle: About\nid: index\n---\nText.\n");
        var result = _brief.Check();
        Assert.False(result.Succeeded);
        var lines = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateId).Select(d => d.Location.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["content/pages/about.md", "content/pages/index.md"], lines);
    }

    [Fact]
    public void Brief_json_lists_citation_marks_in_numeric_order()
    {
        var body = string.Join(" ", Enumerable.Range(1, 12).Select(i => $"Claim {i} [@seed, {(i % 3) + 1}, n. {i}]."));
        _brief.Write("content/pages/second.md", $"---\ntitle: Second\n---\n{body} Again [@seed, ¶1].\n");
        Assert.True(_brief.Build().Succeeded);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_brief.OutDir, "brief.json")));
        var second = json.RootElement.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "second");
        var marks = second.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("mark").GetString()!).ToList();
        Assert.Equal(13, marks.Count);
        Assert.Equal(marks.OrderBy(m => int.Parse(m.Split('-')[1])).ThenBy(m => int.Parse(m.Split('-')[2])), marks);
        Assert.True(marks.IndexOf("cite-2-1") < marks.IndexOf("cite-10-1"));
        var all = json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("url").GetString()!)
            .Where(u => u.StartsWith("/second/", StringComparison.Ordinal)).ToList();
        Assert.True(all.IndexOf("/second/#cite-2-1") < all.IndexOf("/second/#cite-10-1"));
    }

    [Theory]
    [InlineData("cite-2-1", "cite-10-1")]
    [InlineData("cite-1-2", "cite-1-10")]
    [InlineData("cite-1-9", "cite-2-1")]
    public void Mark_ids_compare_by_their_numbers(string first, string second)
    {
        Assert.True(Anchors.MarkOrder.Compare(first, second) < 0);
        Assert.True(Anchors.MarkOrder.Compare(second, first) > 0);
    }

    [Fact]
    public void A_code_block_reaches_the_page_byte_for_byte()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nCode:\n\n```\nline one\n  line two\nline three\n```\n");
        Assert.True(_brief.Build().Succeeded);
        Assert.Contains("<pre><code>line one\n  line two\nline three\n</code></pre>", _brief.ReadOutput("second/index.html"));
    }

    [Fact]
    public void A_quote_box_in_an_entity_description_is_listed_in_quotes_the_entity_page_and_brief_json()
    {
        _brief.Write("content/entities.yml", """
            - id: judge
              name: Judge Ruth
              kind: person
              description: |
                Presided.

                > “You’re not even asking the key question.”
                > — [[judge]], at the hearing [@seed, ¶3]
            """);
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nSee [[judge]].\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));

        var parser = new HtmlParser();
        var entity = parser.ParseDocument(_brief.ReadOutput("entities/judge/index.html"));
        Assert.Equal("quote-1", entity.QuerySelector(".body figure.quote-box")!.Id);
        var listed = entity.QuerySelector("#quotes + ul.quote-list li")!;
        Assert.Contains("You’re not even asking the key question.", listed.TextContent);
        Assert.Equal("/entities/judge/#quote-1", listed.QuerySelector(".quote-meta a")!.GetAttribute("href"));

        var quotes = parser.ParseDocument(_brief.ReadOutput("quotes/index.html"));
        Assert.Equal("/entities/judge/#quote-1", quotes.QuerySelector("#speaker-judge ~ ul .quote-meta a")!.GetAttribute("href"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_brief.OutDir, "brief.json")));
        var quote = Assert.Single(json.RootElement.GetProperty("quotes").EnumerateArray());
        Assert.Equal("/entities/judge/#quote-1", quote.GetProperty("url").GetString());
        Assert.Equal("verified", quote.GetProperty("status").GetString());
    }

    [Fact]
    public void Rendering_pages_in_either_order_gives_the_same_bytes()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶2] and [[index]].\n\n> “You’re not even asking the key question.”\n> — [[judge]], at the hearing [@seed, ¶3]\n");
        _brief.Write("content/entities.yml", "- id: judge\n  name: Judge Ruth\n  kind: person\n  role: Judge\n");

        (byte[] Home, byte[] Second, byte[] Print) Render(bool homeFirst)
        {
            var site = new Builder(_brief.Options()).Prepare(new DiagnosticBag())!;
            var views = site.Views().ToDictionary(v => v.SitePath);
            byte[] One(string path) => site.Render(views[path])!.Bytes;
            if (homeFirst)
            {
                var home = One("");
                var second = One("second/");
                return (home, second, One("print/"));
            }

            var print = One("print/");
            var s = One("second/");
            return (One(""), s, print);
        }

        var a = Render(homeFirst: true);
        var b = Render(homeFirst: false);
        Assert.Equal(a.Home, b.Home);
        Assert.Equal(a.Second, b.Second);
        Assert.Equal(a.Print, b.Print);
        Assert.Contains("id=\"cite-1-1\"", System.Text.Encoding.UTF8.GetString(a.Second));
    }

    [Fact]
    public void Print_moves_each_pages_headings_down_and_prefixes_their_ids()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n## A heading\n\n### Deeper\n\nText [@seed, ¶2].\n");
        Assert.True(_brief.Build().Succeeded);
        var print = new HtmlParser().ParseDocument(_brief.ReadOutput("print/index.html"));
        Assert.Equal("A heading", print.GetElementById("second--a-heading")!.TextContent);
        Assert.Equal("H3", print.GetElementById("second--a-heading")!.TagName);
        Assert.Equal("H4", print.GetElementById("second--deeper")!.TagName);
        Assert.NotNull(print.GetElementById("cite-2-1"));
    }

    [Fact]
    public void Two_texts_with_the_same_words_are_two_documents()
    {
        // A page numbers its citations by node: one document in two places would give both the first place's marks.
        var engine = new Markdown.MarkdownEngine();
        Assert.NotSame(engine.Parse("Cited [@seed, ¶15]."), engine.Parse("Cited [@seed, ¶15]."));
        Assert.Equal(2, engine.ParsedCount);
    }
}
