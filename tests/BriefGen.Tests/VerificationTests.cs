using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Load.SourceTexts;
using BriefGen.Markdown.Citations;
using BriefGen.Tests.Support;
using BriefGen.Verify;

namespace BriefGen.Tests;

/// <summary>SPEC §3 matching rules, on the seed report's real quirks, and the verification diagnostics.</summary>
public sealed class VerificationTests : IDisposable
{
    private static readonly SourceIndex Seed = new(SourceTextReaders.Default.Read(FixtureBriefs.MppSeed, "seed").Read.Text!);

    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private static QuoteMatch Match(string quote, int from, int? to = null) =>
        QuoteMatcher.Match(quote, Seed, Seed.Range(Locator.ForParagraphs(from, to ?? from)));

    [Fact]
    public void The_seed_has_34_paragraphs() => Assert.Equal(34, Seed.Text.Paragraphs.Count);

    [Theory]
    // ¶34 mixes a curly opening quote with a straight closing one: ‘Are you afraid?'”
    [InlineData("“You’re not even asking the key question with respect to refoulement, that is to say, ‘Are you afraid?’”", 34)]
    [InlineData("\"You're not even asking the key question with respect to refoulement, that is to say, 'Are you afraid?'\"", 34)]
    // ¶2's en dashes separate words like any punctuation.
    [InlineData("The program — officially known as the Migrant Protection Protocols, or MPP — called for pushing asylum seekers back into Mexico", 2)]
    // ¶14's missing space: "Approximately59,000".
    [InlineData("Approximately59,000 migrants from countries including Cuba", 14)]
    // ¶18's unbalanced quotation marks.
    [InlineData("MPP is saying, ‘That’s done. That’s a lie now. You can’t. You’re not going to be allowed into this country even if you bring a kid.’", 18)]
    [InlineData("So don’t mortgage your home. Don’t pay the cartels.", 18)]
    public void Real_quirks_of_the_seed_match(string quote, int paragraph) => Assert.True(Match(quote, paragraph).Found, Match(quote, paragraph).Problem);

    [Theory]
    [InlineData("“It used to be, you come here with a kid … So don’t mortgage your home.”")]
    [InlineData("“It used to be, you come here with a kid ... Don’t risk your life.”")]
    [InlineData("“It used to be […] that was your passport into the United States.”")]
    public void Elisions_pass_when_the_parts_keep_their_order(string quote) => Assert.True(Match(quote, 18).Found);

    [Fact]
    public void An_elision_out_of_order_fails_and_says_so()
    {
        var match = Match("“Don’t pay the cartels … It used to be, you come here with a kid”", 18);
        Assert.False(match.Found);
        Assert.Contains("order", match.Problem);
    }

    [Fact]
    public void Editorial_insertions_are_skipped()
    {
        Assert.True(Match("“[The policy] is invalid in its entirety due to its inconsistency with [federal law] … [and] should be enjoined in its entirety.”", 4).Found);
        Assert.True(Match("“[MPP and other measures are] critical to averting a further crisis”", 23).Found);
    }

    [Fact]
    public void Case_and_quote_styles_do_not_matter() => Assert.True(Match("ESSENTIALLY FUTILE AT THIS POINT", 20).Found);

    [Fact]
    public void A_one_word_change_fails_and_shows_the_first_difference()
    {
        var match = Match("“You’re not even asking the main question with respect to refoulement”", 34);
        Assert.False(match.Found);
        Assert.Contains("the quote has “main” where the source has “key”", match.Problem);
        Assert.Contains("closest passage: “You’re not even asking the key question with respect to refoulement”", match.Problem);
    }

    [Fact]
    public void Words_must_be_consecutive() => Assert.False(Match("not asking the key question", 34).Found);

    [Fact]
    public void Words_must_be_in_the_cited_paragraph() => Assert.False(Match("essentially futile at this point", 21).Found);

    [Fact]
    public void A_quote_may_span_a_cited_range() =>
        Assert.True(Match("telling the cartels and this vulnerable population the game has changed.” “It used to be, you come here with a kid", 17, 18).Found);

    [Theory]
    [InlineData("59,000", 14, true)]
    [InlineData("9,000", 14, false)]
    [InlineData("470,000", 2, true)]
    [InlineData("2-1", 4, true)]
    [InlineData("2,000-mile", 23, true)]
    [InlineData("71 percent", 15, true)]
    [InlineData("144,000", 15, true)]
    [InlineData("44,000", 15, false)]
    [InlineData("470,000", 3, false)]
    public void Figures_are_found_with_no_digit_beside_them(string value, int paragraph, bool found) =>
        Assert.Equal(found, FigureMatcher.Contains(Seed.Text.Paragraphs[paragraph - 1], value));

    [Fact]
    public void Figures_normalize_dashes_and_spaces() => Assert.True(FigureMatcher.Contains("ruled 2–1  on Friday", "2-1"));

    private void Page(string body) => _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n" + body);

    private void Speaker() => _brief.Write("content/entities.yml", "- id: judge\n  name: The Judge\n  kind: person\n  role: Circuit judge\n");

    [Fact]
    public void A_verified_quote_box_renders_as_a_figure_with_speaker_role_and_status()
    {
        Speaker();
        Page("Intro.\n\n> “You’re not even asking the key question.”\n> — [[judge]], at the hearing [@seed, ¶3]\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Equal((1, 1), (result.Stats.Quotes, result.Stats.QuotesVerified));
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        var figure = doc.QuerySelector("figure.quote-box")!;
        Assert.Equal("“You’re not even asking the key question.”", figure.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Equal("/entities/judge/", figure.QuerySelector("figcaption a.xref")!.GetAttribute("href"));
        Assert.Equal("Circuit judge", figure.QuerySelector(".speaker-role")!.TextContent);
        Assert.NotNull(figure.QuerySelector("figcaption sup.cite"));
        var status = figure.QuerySelector(".quote-status.verified")!;
        Assert.Equal("Verified against ¶3 of [Test report]", status.TextContent);
        Assert.Equal("/sources/seed/#p3", status.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_one_word_misquote_fails_at_the_quote_line_with_the_closest_passage()
    {
        Speaker();
        Page("Intro.\n\n> “You’re not even asking the right question.”\n> — [[judge]], at the hearing [@seed, ¶3]\n");
        var result = _brief.Build();
        var d = TestBrief.Single(result, DiagnosticCodes.Misquote);
        Assert.Equal(new Location("content/pages/second.md", 6, 1), d.Location);
        Assert.Contains("not in ¶3 of 'seed'", d.Message);
        Assert.Contains("“right” where the source has “key”", d.Message);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void An_attribution_without_a_citation_fails_at_its_line()
    {
        Speaker();
        Page("Intro.\n\n> “You’re not even asking the key question.”\n> — [[judge]], at the hearing\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.BadAttribution);
        Assert.Equal(new Location("content/pages/second.md", 7, 3), d.Location);
        Assert.Contains("citation", d.Message);
    }

    [Fact]
    public void An_attribution_without_a_speaker_link_fails()
    {
        Page("Intro.\n\n> “You’re not even asking the key question.”\n> — the judge [@seed, ¶3]\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.BadAttribution);
        Assert.Contains("speaker", d.Message);
    }

    [Fact]
    public void A_speaker_must_be_an_entity()
    {
        Page("Intro.\n\n> “You’re not even asking the key question.”\n> — [[index]] [@seed, ¶3]\n");
        Assert.Contains(_brief.Build().Diagnostics, d => d.Code == DiagnosticCodes.BadAttribution && d.Message.Contains("entity"));
    }

    [Fact]
    public void A_blockquote_without_an_em_dash_attribution_is_a_plain_blockquote()
    {
        Page("> Just a quotation, unattributed.\n> - with a hyphen line\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        Assert.Null(doc.QuerySelector("figure.quote-box"));
        Assert.NotNull(doc.QuerySelector("blockquote"));
    }

    [Fact]
    public void An_attribution_may_stand_in_its_own_paragraph()
    {
        Speaker();
        Page("> “You’re not even asking the key question.”\n>\n> — [[judge]] [@seed, ¶3]\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        Assert.Single(doc.QuerySelectorAll("figure.quote-box blockquote p"));
    }

    [Fact]
    public void A_quote_citing_a_source_without_text_is_an_unverifiable_warning_and_an_error_under_strict()
    {
        Speaker();
        _brief.Write("content/sources.yml", "- id: seed\n  type: article-newspaper\n  title: \"[Test report]\"\n  text: ../seeds/seed.txt\n- id: other\n  type: report\n  title: Other\n");
        Page("> “Anything at all.”\n> — [[judge]] [@other, p. 2]\n\nAnd [@seed, ¶1].\n");
        var result = _brief.Build();
        var d = TestBrief.Single(result, DiagnosticCodes.UnverifiableQuote);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.True(result.Succeeded);
        Assert.Contains("Not verifiable", _brief.ReadOutput("second/index.html"));
        Assert.False(_brief.Build(strict: true).Succeeded);
    }

    [Fact]
    public void A_wrong_figure_fails_at_the_figure()
    {
        _brief.Write("content/figures.yml", "- id: ok\n  value: \"470,000\"\n  label: crossed\n  cite: \"[@seed, ¶2]\"\n- id: wrong\n  value: \"47,000\"\n  label: crossed\n  cite: \"[@seed, ¶2]\"\n");
        var result = _brief.Build();
        var d = TestBrief.Single(result, DiagnosticCodes.FigureNotFound);
        Assert.Equal(new Location("content/figures.yml", 5, 3), d.Location);
        Assert.Contains("“47,000”", d.Message);
        Assert.Equal((2, 1), (result.Stats.Figures, result.Stats.FiguresVerified));
    }

    [Fact]
    public void Figures_appear_on_the_home_page_and_the_figures_page_with_their_citation()
    {
        _brief.Write("content/figures.yml", "- id: families\n  value: \"470,000\"\n  label: parents and children crossed\n  cite: \"[@seed, ¶2]\"\n");
        Page("[[families]] crossed.\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        foreach (var page in new[] { "index.html", "figures/index.html" })
        {
            var doc = new HtmlParser().ParseDocument(_brief.ReadOutput(page));
            var figure = doc.GetElementById("families")!;
            Assert.Equal("470,000", figure.QuerySelector(".figure-value")!.TextContent);
            Assert.Contains("parents and children crossed", figure.QuerySelector(".figure-label")!.TextContent);
            var mark = figure.QuerySelector("sup.cite a")!;
            Assert.NotNull(doc.GetElementById(mark.GetAttribute("href")![1..]));
        }
    }

    [Fact]
    public void The_quotes_page_groups_quotes_by_speaker_and_links_to_their_use()
    {
        _brief.Write("content/entities.yml", "- id: judge\n  name: The Judge\n  kind: person\n- id: court\n  name: A Court\n  kind: court\n");
        Page("> “You’re not even asking the key question.”\n> — [[judge]] [@seed, ¶3]\n\n> “is invalid in its entirety.”\n> — [[court]] [@seed, ¶1]\n\n> “the key question”\n> — [[judge]] [@seed, ¶3]\n");
        Assert.True(_brief.Build().Succeeded);
        var doc = new HtmlParser().ParseDocument(_brief.ReadOutput("quotes/index.html"));
        Assert.Equal(["A Court", "The Judge"], doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToArray());
        var links = doc.QuerySelectorAll(".quote-meta > a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/second/#quote-2", "/second/#quote-1", "/second/#quote-3"], links);
        var second = new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html"));
        Assert.Equal(["quote-1", "quote-2", "quote-3"], second.QuerySelectorAll("figure.quote-box").Select(f => f.Id).ToArray());
    }
}
