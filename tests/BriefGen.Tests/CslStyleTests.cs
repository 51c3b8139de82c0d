using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// SPEC §2 <c>csl:</c> and <c>locale:</c>: notes, the bibliography and source pages formatted by the brief's CSL
/// style. Expected texts are what <c>pandoc --citeproc</c> prints for the same items and style.
/// </summary>
public sealed class CslStyleTests : IDisposable
{
    private const string Sources = """
        - id: seed
          type: article-newspaper
          title: Beta
          author: [{ family: Adams, given: Bo }, { family: Cole, given: Cy }]
          container-title: The Daily
          issued: 2020-02-28
          text: ../seeds/seed.txt
        - id: zed
          type: book
          title: Alpha
          author: [{ family: Zimmer, given: Ann }]
        """;

    private readonly TestBrief _brief = new();

    public CslStyleTests()
    {
        _brief.Write("content/sources.yml", Sources);
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@zed, p. 3]. B [@zed, p. 3]. C [@zed, p. 5]. D [@seed]. F [see @zed, sec. 4, *passim*].\n");
    }

    public void Dispose() => _brief.Dispose();

    private string[] Notes(string page = "second/index.html") =>
        new HtmlParser().ParseDocument(_brief.ReadOutput(page)).QuerySelectorAll(".notes li .note-text").Select(n => n.TextContent).ToArray();

    private string[] Bibliography() =>
        new HtmlParser().ParseDocument(_brief.ReadOutput("sources/index.html")).QuerySelectorAll(".bibliography li")
            .Select(li => li.TextContent[..li.TextContent.IndexOf(" Cited", StringComparison.Ordinal)].Trim()).ToArray();

    private void Brief(string extra) => _brief.Write("content/brief.yml", "title: Test Brief\nsummary: A brief for tests.\nnav: [index, second]\n" + extra);

    [Fact]
    public void The_default_style_is_chicago_shortened_notes_with_locators_prefixes_and_suffixes()
    {
        Assert.True(_brief.Build().Succeeded);
        Assert.Equal(["Zimmer, Alpha, 3.", "Zimmer, Alpha, 5.", "Adams and Cole, “Beta.”", "See Zimmer, Alpha, sec. 4, passim."], Notes());
        var html = _brief.ReadOutput("second/index.html");
        Assert.Contains("See Zimmer, <i>Alpha</i>, sec. 4, <i>passim</i>.", html);
        Assert.Equal(["Adams, Bo, and Cy Cole. “Beta.” The Daily, February 28, 2020.", "Zimmer, Ann. Alpha."], Bibliography());
    }

    [Fact]
    public void A_full_note_style_gives_the_first_note_in_full_and_later_ones_short()
    {
        Brief("csl: chicago-notes-bibliography\n");
        Assert.True(_brief.Build().Succeeded, TestBrief.Lines(_brief.Check()));
        var notes = Notes();
        Assert.StartsWith("Ann Zimmer, Alpha", notes[0]);
        Assert.Equal("Zimmer, Alpha, 5.", notes[1]);
        Assert.Equal("Bo Adams and Cy Cole, “Beta,” The Daily, February 28, 2020.", notes[2]);
    }

    [Fact]
    public void An_author_date_style_formats_notes_and_bibliography_as_apa()
    {
        Brief("csl: apa\n");
        Assert.True(_brief.Build().Succeeded);
        Assert.Equal("(Zimmer, n.d., p. 3)", Notes()[0]);
        Assert.Equal("(Adams & Cole, 2020)", Notes()[2]);
        Assert.Equal(["Adams, B., & Cole, C. (2020, February 28). Beta. The Daily.", "Zimmer, A. (n.d.). Alpha."], Bibliography());
    }

    [Fact]
    public void In_an_author_date_style_a_bracketed_citation_is_its_parenthetical_in_the_text_each_item_linking_to_its_note()
    {
        Brief("csl: apa\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@zed, p. 3]. B [see @seed, ¶2; @zed, p. 5]. C [-@zed].\n");
        Assert.True(_brief.Build().Succeeded);
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var p = doc.QuerySelectorAll("p").First(e => e.TextContent.StartsWith("A (", StringComparison.Ordinal));
        // As pandoc --citeproc prints it with the same style.
        Assert.Equal("A (Zimmer, n.d., p. 3). B (see Adams & Cole, 2020, para. 2; Zimmer, n.d., p. 5). C (n.d.).", p.TextContent);
        Assert.Equal(["#note-1", "#note-2", "#note-3", "#note-4"], p.QuerySelectorAll(".cite-in-text a").Select(a => a.GetAttribute("href")).ToArray());
        Assert.Empty(p.QuerySelectorAll("sup.cite"));
        foreach (var a in doc.QuerySelectorAll(".backlinks a"))
        {
            Assert.NotNull(doc.GetElementById(a.GetAttribute("href")![1..]));
        }
    }

    [Fact]
    public void A_source_page_shows_its_entry_in_full_where_the_bibliography_substitutes_a_repeated_author()
    {
        _brief.Write("content/sources.yml", Sources + "\n- id: zed2\n  type: book\n  title: Gamma\n  author: [{ family: Zimmer, given: Ann }]\n");
        Brief("csl: modern-language-association\n");
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome [@seed, ¶1] [@zed2].\n");
        Assert.True(_brief.Build().Succeeded, TestBrief.Lines(_brief.Check()));
        Assert.Equal("———. Gamma.", Bibliography()[2]);
        var page = new HtmlParser().ParseDocument(_brief.ReadOutput("sources/zed2/index.html"));
        Assert.Equal("Zimmer, Ann. Gamma.", page.QuerySelector(".reference")!.TextContent);
    }

    [Fact]
    public void A_csl_file_in_the_root_is_used()
    {
        _brief.Write("styles/titles.csl", """
            <?xml version="1.0" encoding="utf-8"?>
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><title>Titles only</title><id>titles</id><updated>2020-01-01T00:00:00+00:00</updated></info>
              <citation><layout suffix="!"><text variable="title" text-case="uppercase"/></layout></citation>
              <bibliography><sort><key variable="title"/></sort><layout><text variable="title"/></layout></bibliography>
            </style>
            """);
        Brief("csl: styles/titles.csl\n");
        Assert.True(_brief.Build().Succeeded, TestBrief.Lines(_brief.Check()));
        Assert.Equal("ALPHA!", Notes()[0]);
        Assert.Equal(["Alpha", "Beta"], Bibliography());
    }

    [Fact]
    public void An_unknown_style_name_is_one_error_at_its_place_in_brief_yml()
    {
        Brief("csl: chicago\n");
        var result = _brief.Check();
        var d = TestBrief.Single(result, DiagnosticCodes.UnknownCslStyle);
        Assert.Equal(new Location("content/brief.yml", 4, 6), d.Location);
        Assert.Contains("chicago-shortened-notes-bibliography", d.Message);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void A_csl_file_that_is_not_a_style_is_one_error_at_its_place_in_brief_yml()
    {
        _brief.Write("bad.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\"><bibliography/>");
        Brief("csl: bad.csl\n");
        var result = _brief.Check();
        var d = TestBrief.Single(result, DiagnosticCodes.BadCslStyle);
        Assert.Equal(new Location("content/brief.yml", 4, 6), d.Location);
        Assert.Contains("(line ", d.Message);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void A_missing_csl_file_is_one_error()
    {
        Brief("csl: nowhere.csl\n");
        var result = _brief.Check();
        Assert.Equal(DiagnosticCodes.MissingFile, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_csl_file_outside_the_root_is_refused()
    {
        Brief("csl: ../outside.csl\n");
        Assert.Equal(DiagnosticCodes.OutsideRoot, Assert.Single(_brief.Check().Diagnostics).Code);
    }

    [Fact]
    public void The_locale_sets_terms_and_dates()
    {
        Brief("locale: de-DE\n");
        Assert.True(_brief.Build().Succeeded);
        Assert.Contains("28. Februar 2020", Bibliography()[0]);
    }

    [Fact]
    public void An_unknown_locale_is_an_error_at_its_place()
    {
        Brief("locale: xx-YY\n");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnknownCslLocale);
        Assert.Equal(new Location("content/brief.yml", 4, 9), d.Location);
    }

    [Fact]
    public void Markup_in_source_data_is_escaped_in_notes_and_bibliography()
    {
        _brief.Write("content/sources.yml", "- id: seed\n  type: book\n  title: \"<script>alert(1)</script> & <i>Ok</i>\"\n  text: ../seeds/seed.txt\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, ¶1, <b onclick=x>y</b>].\n");
        _brief.Build();
        foreach (var page in new[] { "second/index.html", "sources/index.html", "sources/seed/index.html", "print/index.html" })
        {
            var html = _brief.ReadOutput(page);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<b onclick", html);
            Assert.DoesNotContain(" style=\"", html);
        }

        // The text is kept, as text (title case applies to it like any title).
        Assert.Contains("&lt;Script&gt;Alert(1)&lt;/Script&gt; &amp;", _brief.ReadOutput("second/index.html"));
        Assert.Contains("&lt;b onclick=x&gt;y&lt;/b&gt;", _brief.ReadOutput("second/index.html"));
    }

    private const string InTextPage = "---\ntitle: Second\n---\n@zed says this. @zed [p. 33] says that. And [-@zed, p. 4] too. @seed [para. 3] disagrees.\n";

    [Fact]
    public void An_in_text_citation_names_the_author_before_its_note_mark_in_a_note_style()
    {
        _brief.Write("content/pages/second.md", InTextPage);
        Assert.True(_brief.Build().Succeeded);
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var p = doc.QuerySelectorAll("p").First(e => e.TextContent.Contains("says this", StringComparison.Ordinal));
        Assert.Equal("Zimmer[1] says this. Zimmer[2] says that. And [3] too. Adams and Cole[4] disagrees.", p.TextContent);
        // As pandoc --citeproc: the note leaves out the author the sentence already names.
        Assert.Equal(["Alpha.", "Alpha, 33.", "Alpha, 4.", "“Beta,” para. 3."], Notes());
    }

    [Fact]
    public void An_in_text_citation_in_an_author_date_style_is_author_then_parenthetical_linking_to_its_note()
    {
        Brief("csl: apa\n");
        _brief.Write("content/pages/second.md", InTextPage);
        Assert.True(_brief.Build().Succeeded);
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var p = doc.QuerySelectorAll("p").First(e => e.TextContent.Contains("says this", StringComparison.Ordinal));
        Assert.StartsWith("Zimmer (n.d.) says this. Zimmer (n.d., p. 33) says that.", p.TextContent);
        Assert.EndsWith("Adams & Cole (2020, para. 3) disagrees.", p.TextContent);
        var link = p.QuerySelector(".cite-in-text a")!;
        Assert.Equal("#note-1", link.GetAttribute("href"));
        Assert.Equal("cite-1-1", link.ParentElement!.Id);
        Assert.NotNull(doc.QuerySelector("#note-1 .backlinks a[href='#cite-1-1']"));
        Assert.Equal("(Zimmer, n.d.)", Notes()[0]);
    }

    [Fact]
    public void Note_positions_follow_the_page_s_notes_first_then_ibid_with_locator_then_subsequent()
    {
        _brief.Write("styles/positions.csl", """
            <?xml version="1.0" encoding="utf-8"?>
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><title>Positions</title><id>positions</id><updated>2020-01-01T00:00:00+00:00</updated></info>
              <citation>
                <layout suffix=".">
                  <choose>
                    <if position="ibid-with-locator"><group delimiter=", "><text term="ibid"/><text variable="locator"/></group></if>
                    <else-if position="ibid"><text term="ibid"/></else-if>
                    <else-if position="subsequent"><group delimiter=", "><text value="short"/><text variable="title"/><text variable="locator"/></group></else-if>
                    <else><group delimiter=", "><text value="first"/><text variable="title"/><text variable="locator"/></group></else>
                  </choose>
                </layout>
              </citation>
            </style>
            """);
        Brief("csl: styles/positions.csl\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@zed, p. 3]. B [@zed, p. 5]. C [@seed]. D [@zed, p. 5]. E [@zed, p. 7].\n");
        Assert.True(_brief.Build().Succeeded, TestBrief.Lines(_brief.Check()));
        // D shares note 2 (same source and locator); E follows note 3 on another source.
        Assert.Equal(["first, Alpha, 3.", "Ibid., 5.", "first, Beta.", "short, Alpha, 7."], Notes());
    }
}
