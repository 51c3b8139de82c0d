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
}
