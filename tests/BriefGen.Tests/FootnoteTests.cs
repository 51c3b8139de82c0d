using AngleSharp.Html.Parser;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §2 footnotes: <c>text[^1]</c> with <c>[^1]: …</c> share the numbered Notes with citations, and may cite.</summary>
public sealed class FootnoteTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public FootnoteTests()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: Beta
              author: [{ family: Adams, given: Bo }]
              text: ../seeds/seed.txt
            - id: zed
              type: book
              title: Alpha
              author: [{ family: Zimmer, given: Ann }]
            """);
        _brief.Write("content/pages/second.md", """
            ---
            title: Second
            ---
            First [@seed, ¶1]. A remark[^why] here, and again[^why]. Then [@zed, p. 3].

            [^why]: This is *explained*, see [@seed, ¶2] and [@zed, p. 4].
            """);
    }

    public void Dispose() => _brief.Dispose();

    private AngleSharp.Html.Dom.IHtmlDocument Page(string path = "second/index.html")
    {
        Assert.True(_brief.Build().Succeeded, TestBrief.Lines(_brief.Check()));
        return new HtmlParser().ParseDocument(_brief.ReadOutput(path));
    }

    [Fact]
    public void Footnotes_are_numbered_in_the_same_sequence_as_citation_notes()
    {
        var doc = Page();
        Assert.Equal(["[1]", "[2]", "[2]", "[3]"], doc.QuerySelectorAll("article p sup.cite a").Select(a => a.TextContent).ToArray());
        Assert.Equal(["note-1", "note-2", "note-3"], doc.QuerySelectorAll(".notes li").Select(li => li.Id).ToArray());
        Assert.Null(doc.QuerySelector(".footnotes"));
    }

    [Fact]
    public void A_footnote_stands_in_the_notes_list_with_a_back_link_for_each_reference()
    {
        var note = Page().GetElementById("note-2")!;
        Assert.Equal("This is explained, see Adams, Beta, para. 2 and Zimmer, Alpha, 4.", note.QuerySelector(".note-text")!.TextContent);
        Assert.NotNull(note.QuerySelector(".note-text em"));
        Assert.Equal(["#cite-2-1", "#cite-2-2"], note.QuerySelectorAll(".backlinks a").Select(a => a.GetAttribute("href")).ToArray());
        Assert.Null(note.QuerySelector(".note-links"));
    }

    [Fact]
    public void A_citation_in_a_footnote_is_part_of_that_note_and_counts_as_a_use_of_its_source()
    {
        var doc = Page();
        // No note of its own: three notes, the footnote's citations inside note 2.
        Assert.Equal(3, doc.QuerySelectorAll(".notes li").Length);
        var source = new HtmlParser().ParseDocument(_brief.ReadOutput("sources/seed/index.html"));
        Assert.Contains("/second/#note-2", source.QuerySelectorAll(".cited-by a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Cited 1×", source.GetElementById("p2")!.TextContent);
    }

    [Fact]
    public void A_citation_in_a_footnote_is_checked_like_any_other()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA remark[^1].\n\n[^1]: See [@nothing, ¶2].\n");
        TestBrief.Single(_brief.Check(), BriefGen.Diagnostics.DiagnosticCodes.UnknownSource);
    }

    [Fact]
    public void The_print_page_numbers_footnotes_with_the_whole_brief_s_notes()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome[^1] [@seed, ¶1].\n\n[^1]: On the home page.\n");
        var doc = Page("print/index.html");
        var texts = doc.QuerySelectorAll(".notes li .note-text").Select(n => n.TextContent).ToArray();
        Assert.Equal("On the home page.", texts[0]);
        Assert.Contains("This is explained, see Adams, Beta, para. 2 and Zimmer, Alpha, 4.", texts);
        foreach (var a in doc.QuerySelectorAll("sup.cite a, .backlinks a"))
        {
            Assert.NotNull(doc.GetElementById(a.GetAttribute("href")![1..]));
        }
    }

    [Fact]
    public void A_reference_to_a_footnote_that_has_no_text_is_a_warning_at_the_reference()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶1]. Missing[^nope] here.\n");
        var d = TestBrief.Single(_brief.Check(), BriefGen.Diagnostics.DiagnosticCodes.UndefinedFootnote);
        Assert.Equal(new BriefGen.Diagnostics.Location("content/pages/second.md", 4, 23), d.Location);
        Assert.Contains("[^nope]", d.Message);
    }
}
