using BriefGen.Markdown;
using BriefGen.Markdown.Citations;
using Markdig.Syntax;

namespace BriefGen.Tests;

/// <summary>
/// SPEC §2 citations, read as Pandoc reads them: each form of Pandoc's manual ("Citation syntax"), of its
/// citation tests (test/markdown-citations.txt, test/command/*.md) and of its locator tests, parsed into items.
/// </summary>
public sealed class CitationSyntaxTests
{
    private static List<CitationInline> Citations(string markdown) =>
        [.. new MarkdownEngine().Parse(markdown).Descendants<CitationInline>()];

    private static CitationItem Only(string markdown) => Assert.Single(Assert.Single(Citations(markdown)).Items);

    private static CitationItem[] Items(string markdown) => [.. Assert.Single(Citations(markdown)).Items];

    // Pandoc's manual, "Citation syntax", and Pandoc's own tests: key, mode, prefix, locator term, value, suffix.
    [Theory]
    [InlineData("[@doe99]", "doe99", CitationMode.Normal, "", LocatorTerm.None, "", "")]
    [InlineData("[@smith04, p. 33]", "smith04", CitationMode.Normal, "", LocatorTerm.Page, "33", "")]
    [InlineData("[@a, ¶4]", "a", CitationMode.Normal, "", LocatorTerm.Paragraph, "4", "")]
    [InlineData("[see @doe99, pp. 33-35 and *passim*]", "doe99", CitationMode.Normal, "see", LocatorTerm.Page, "33-35", "and *passim*")]
    [InlineData("[see @item1 p. 34-35]", "item1", CitationMode.Normal, "see", LocatorTerm.Page, "34-35", "")]
    [InlineData("[see @item1, p. 12 and *passim*]", "item1", CitationMode.Normal, "see", LocatorTerm.Page, "12", "and *passim*")]
    [InlineData("[@item1 pp. 33, 35-37, and nowhere else]", "item1", CitationMode.Normal, "", LocatorTerm.Page, "33, 35-37", "and nowhere else")]
    [InlineData("[@item1 and nowhere else]", "item1", CitationMode.Normal, "", LocatorTerm.None, "", "and nowhere else")]
    [InlineData("[*see* @item1 p. **32**]", "item1", CitationMode.Normal, "*see*", LocatorTerm.Page, "32", "")]
    [InlineData("[-@smith04]", "smith04", CitationMode.SuppressAuthor, "", LocatorTerm.None, "", "")]
    [InlineData("[-@item2 p. 44]", "item2", CitationMode.SuppressAuthor, "", LocatorTerm.Page, "44", "")]
    [InlineData("@smith04 says blah.", "smith04", CitationMode.AuthorInText, "", LocatorTerm.None, "", "")]
    [InlineData("@smith04 [p. 33] says blah.", "smith04", CitationMode.AuthorInText, "", LocatorTerm.Page, "33", "")]
    [InlineData("@item1 [p. 30, with suffix] says blah.", "item1", CitationMode.AuthorInText, "", LocatorTerm.Page, "30", "with suffix")]
    [InlineData("@пункт3 [p. 12] and more", "пункт3", CitationMode.AuthorInText, "", LocatorTerm.Page, "12", "")]
    [InlineData("Smith says -@smith04.", "smith04", CitationMode.SuppressAuthor, "", LocatorTerm.None, "", "")]
    [InlineData("@Foo_bar.baz.", "Foo_bar.baz", CitationMode.AuthorInText, "", LocatorTerm.None, "", "")]
    [InlineData("[@Foo_bar.baz.]", "Foo_bar.baz", CitationMode.Normal, "", LocatorTerm.None, "", ".")]
    [InlineData("@{Foo_bar.baz.}", "Foo_bar.baz.", CitationMode.AuthorInText, "", LocatorTerm.None, "", "")]
    [InlineData("@Foo_bar--baz", "Foo_bar", CitationMode.AuthorInText, "", LocatorTerm.None, "", "")]
    [InlineData("[@{https://example.com/bib?name=foobar&date=2000}, p.  33]", "https://example.com/bib?name=foobar&date=2000", CitationMode.Normal, "", LocatorTerm.Page, "33", "")]
    [InlineData("@{https://openreview.net/forum?id=HkwoSDPgg}", "https://openreview.net/forum?id=HkwoSDPgg", CitationMode.AuthorInText, "", LocatorTerm.None, "", "")]
    [InlineData("[@smith{ii, A, D-Z}, with a suffix]", "smith", CitationMode.Normal, "", LocatorTerm.Unlabeled, "ii, A, D-Z", "with a suffix")]
    [InlineData("[@smith, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]", "smith", CitationMode.Normal, "", LocatorTerm.Page, "iv, vi-xi, (xv)-(xvii)", "with suffix here")]
    [InlineData("[@smith{}, 99 years later]", "smith", CitationMode.Normal, "", LocatorTerm.None, "", "99 years later")]
    [InlineData("[@item1, {pp. 3, 5}]", "item1", CitationMode.Normal, "", LocatorTerm.Page, "3, 5", "")]
    [InlineData("[@item1, p. 3 [n. 4]]", "item1", CitationMode.Normal, "", LocatorTerm.Page, "3", "[n. 4]")]
    [InlineData("[@Alhazen1572-qk, V.9]: \"competentius est\"", "Alhazen1572-qk", CitationMode.Normal, "", LocatorTerm.Verse, "9", "")]
    [InlineData("Wow![@legras_michel_2010]", "legras_michel_2010", CitationMode.Normal, "", LocatorTerm.None, "", "")]
    [InlineData("[@citekey, 89, and suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "89", "and suffix")]
    [InlineData("[@citekey, 123-79, and suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "123-79", "and suffix")]
    [InlineData("[@citekey, xi, will be entirely suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.None, "", "xi, will be entirely suffix")]
    [InlineData("[@citekey, p. xi, gives you a (page) locator xi]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "xi", "gives you a (page) locator xi")]
    [InlineData("[@citekey, pp. VII, 89, gives you a (pages) locator VII, 89]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "VII, 89", "gives you a (pages) locator VII, 89")]
    [InlineData("[@citekey, p. VI, VII, VIII-IX, explicit romans]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "VI, VII, VIII-IX", "explicit romans")]
    [InlineData("[@citekey, 4B.2a.i(3.4), and suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "4B.2a.i(3.4)", "and suffix")]
    [InlineData("[@citekey, p.3, and suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "3", "and suffix")]
    [InlineData("[@citekey, (13 entirely suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.None, "", "(13 entirely suffix")]
    [InlineData("[@citekey {35-89, 102}]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "35-89, 102", "")]
    [InlineData("[@citekey {abcdefg1234}]", "citekey", CitationMode.Normal, "", LocatorTerm.Unlabeled, "abcdefg1234", "")]
    [InlineData("[@citekey, {}]", "citekey", CitationMode.Normal, "", LocatorTerm.None, "", "")]
    [InlineData("[@citekey {} 123-35 numbers are suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.None, "", "123-35 numbers are suffix")]
    [InlineData("[@citekey {123-35} numbers not, but text is suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "123-35", "numbers not, but text is suffix")]
    [InlineData("[@citekey, { p. 9 }]", "citekey", CitationMode.Normal, "", LocatorTerm.Page, "9", "")]
    [InlineData("[@citekey, suffix]", "citekey", CitationMode.Normal, "", LocatorTerm.None, "", "suffix")]
    [InlineData("[@seed, ¶4, emphasis added]", "seed", CitationMode.Normal, "", LocatorTerm.Paragraph, "4", "emphasis added")]
    [InlineData("[@a, sec. 3]", "a", CitationMode.Normal, "", LocatorTerm.Section, "3", "")]
    [InlineData("[@a, §13]", "a", CitationMode.Normal, "", LocatorTerm.Section, "13", "")]
    [InlineData("[@a, chap. 2]", "a", CitationMode.Normal, "", LocatorTerm.Chapter, "2", "")]
    [InlineData("[@a, slip op. at 2]", "a", CitationMode.Normal, "", LocatorTerm.None, "", "slip op. at 2")]
    [InlineData("[@a, s.v. 3]", "a", CitationMode.Normal, "", LocatorTerm.SubVerbo, "3", "")]
    [InlineData("[@a, {s.v. gravity}]", "a", CitationMode.Normal, "", LocatorTerm.SubVerbo, "gravity", "")]
    [InlineData("[@a, sub verbo 3]", "a", CitationMode.Normal, "", LocatorTerm.SubVerbo, "3", "")]
    [InlineData("[@a, Chap. 4]", "a", CitationMode.Normal, "", LocatorTerm.Chapter, "4", "")]
    [InlineData("[@a,\np. 4]", "a", CitationMode.Normal, "", LocatorTerm.Page, "4", "")]
    public void Items_read_as_pandoc_reads_them(string markdown, string key, CitationMode mode, string prefix, LocatorTerm term, string value, string suffix)
    {
        var item = Items(markdown)[0];
        Assert.Equal((key, mode, prefix), (item.Key, item.Mode, item.Prefix));
        Assert.Equal((term, value), (item.Locator.Term, item.Locator.Value));
        Assert.Equal(suffix, item.Suffix);
    }

    [Fact]
    public void Several_items_are_separated_by_semicolons()
    {
        var items = Items("Blah blah [@doe99; @smith2000; @smith2004].");
        Assert.Equal(["doe99", "smith2000", "smith2004"], items.Select(i => i.Key));
        Assert.All(items, i => Assert.Equal(CitationMode.Normal, i.Mode));
    }

    [Fact]
    public void Each_item_has_its_own_prefix_locator_and_suffix()
    {
        var items = Items("Blah blah [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1].");
        Assert.Equal(("see", LocatorTerm.Page, "33-35", "and *passim*"), (items[0].Prefix, items[0].Locator.Term, items[0].Locator.Value, items[0].Suffix));
        Assert.Equal(("", LocatorTerm.Chapter, "1", ""), (items[1].Prefix, items[1].Locator.Term, items[1].Locator.Value, items[1].Suffix));
    }

    [Fact]
    public void Items_need_no_space_after_the_semicolon()
    {
        Assert.Equal(["item1", "item2"], Items("[@item1;@item2]").Select(i => i.Key));
    }

    [Fact]
    public void An_in_text_citation_may_continue_with_more_items_in_its_bracket()
    {
        var items = Items("@item1 [-@item2 p. 30; see also @пункт3] says blah.");
        Assert.Equal(["item1", "item2", "пункт3"], items.Select(i => i.Key));
        Assert.Equal([CitationMode.AuthorInText, CitationMode.SuppressAuthor, CitationMode.Normal], items.Select(i => i.Mode));
        Assert.Equal("30", items[1].Locator.Value);
        Assert.Equal(Signal.SeeAlso, items[2].Signal);
    }

    [Fact]
    public void An_in_text_locator_may_be_followed_by_more_items()
    {
        var items = Items("@item1 [p.12; see also @item2]");
        Assert.Equal(("item1", "12"), (items[0].Key, items[0].Locator.Value));
        Assert.Equal(("item2", "see also"), (items[1].Key, items[1].Prefix));
    }

    [Fact]
    public void An_in_text_key_with_a_bracketed_citation_joins_it()
    {
        Assert.Equal(["a1", "a2", "a3"], Items("@a1 [@a2;@a3]").Select(i => i.Key));
    }

    [Fact]
    public void An_in_text_key_followed_by_a_link_keeps_the_link()
    {
        var doc = new MarkdownEngine().Parse("@a [the text](https://example.org/)");
        Assert.Single(Assert.Single(doc.Descendants<CitationInline>()).Items);
        Assert.Single(doc.Descendants<Markdig.Syntax.Inlines.LinkInline>());
    }

    [Fact]
    public void An_in_text_key_followed_by_a_reference_link_keeps_the_link()
    {
        var doc = new MarkdownEngine().Parse("@a [the ruling] says.\n\n[the ruling]: https://example.org/");
        Assert.Equal("@a", Assert.Single(doc.Descendants<CitationInline>()).Source);
        Assert.Equal("https://example.org/", Assert.Single(doc.Descendants<Markdig.Syntax.Inlines.LinkInline>()).Url);
    }

    [Theory]
    [InlineData("Mail user@example.org today.")]
    [InlineData("[write to user@example.org]")]
    [InlineData("Text \\[@seed].")]
    [InlineData("Text \\@seed.")]
    [InlineData("Text [@ bad].")]
    [InlineData("Text @ bad.")]
    [InlineData("`[@seed]` and `@seed`")]
    [InlineData("Footnote[^1].\n\n[^1]: note.")]
    [InlineData("A dash - @ here and a minus -5.")]
    [InlineData("[a note [b] here]")]
    public void These_are_no_citations(string markdown) => Assert.Empty(Citations(markdown));

    [Theory]
    [InlineData("A [@seed;] trailing semicolon.", "@seed")]
    [InlineData("[@seed][ref]\n\n[ref]: https://example.org/", "@seed")]
    public void A_bracket_that_is_no_citation_may_hold_an_in_text_one(string markdown, string source)
    {
        var citation = Assert.Single(Citations(markdown));
        Assert.Equal(source, citation.Source);
        Assert.Equal(CitationMode.AuthorInText, citation.Items[0].Mode);
    }

    [Fact]
    public void A_bracket_followed_by_a_link_destination_is_a_link_whose_text_cites()
    {
        // Pandoc reads "@seed" in the link text as an in-text citation; it is moved after the link.
        var doc = new MarkdownEngine().Parse("[@seed](https://example.org/)");
        var citation = Assert.Single(doc.Descendants<CitationInline>());
        Assert.Equal(CitationMode.AuthorInText, citation.Items[0].Mode);
        Assert.True(citation.MovedOutOfLink);
    }

    [Fact]
    public void A_citation_in_link_text_is_moved_after_the_link()
    {
        var doc = new MarkdownEngine().Parse("[a link [@item1] in text](http://example.org/) and on.");
        var citation = Assert.Single(doc.Descendants<CitationInline>());
        Assert.True(citation.MovedOutOfLink);
        var link = Assert.IsType<Markdig.Syntax.Inlines.LinkInline>(citation.PreviousSibling);
        Assert.Empty(link.Descendants<CitationInline>());
        Assert.Equal("a link in text", string.Concat(link.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString())));
    }

    [Fact]
    public void A_nested_bracket_in_the_prefix_is_part_of_the_prefix()
    {
        var item = Only("[see [the ruling] @a, ¶2]");
        Assert.Equal(("a", "see [the ruling]"), (item.Key, item.Prefix));
    }

    [Fact]
    public void A_citation_inside_plain_brackets_is_read_on_its_own()
    {
        var citation = Assert.Single(Citations("[a note [@item1, ¶2] here]"));
        Assert.Equal("[@item1, ¶2]", citation.Source);
    }

    [Fact]
    public void Items_know_their_line_and_column()
    {
        var citation = Assert.Single(Citations("First line\nsecond [@a, ¶1;\n  @b]"));
        Assert.Equal([(1, 8), (2, 2)], citation.Items.Select(i => (i.Line, i.Column)));
    }

    [Fact]
    public void The_suffix_as_written_keeps_its_separating_comma()
    {
        var item = Only("[@seed, ¶4, emphasis added]");
        Assert.Equal(", emphasis added", item.SuffixAsWritten);
        Assert.Equal(" and *passim*", Only("[@a, pp. 33-35 and *passim*]").SuffixAsWritten);
    }

    // Every spelling of every term in Pandoc's manual, and CSL 1.0.2's further terms.
    [Theory]
    [InlineData("book 2", LocatorTerm.Book)]
    [InlineData("bk. 2", LocatorTerm.Book)]
    [InlineData("bks. 2-3", LocatorTerm.Book)]
    [InlineData("chapter 2", LocatorTerm.Chapter)]
    [InlineData("chap. 2", LocatorTerm.Chapter)]
    [InlineData("chaps. 2-3", LocatorTerm.Chapter)]
    [InlineData("column 2", LocatorTerm.Column)]
    [InlineData("col. 2", LocatorTerm.Column)]
    [InlineData("cols. 2-3", LocatorTerm.Column)]
    [InlineData("figure 2", LocatorTerm.Figure)]
    [InlineData("fig. 2", LocatorTerm.Figure)]
    [InlineData("figs. 2-3", LocatorTerm.Figure)]
    [InlineData("folio 2", LocatorTerm.Folio)]
    [InlineData("fol. 2", LocatorTerm.Folio)]
    [InlineData("fols. 2-3", LocatorTerm.Folio)]
    [InlineData("number 2", LocatorTerm.Issue)]
    [InlineData("no. 2", LocatorTerm.Issue)]
    [InlineData("nos. 2-3", LocatorTerm.Issue)]
    [InlineData("issue 2", LocatorTerm.Issue)]
    [InlineData("line 2", LocatorTerm.Line)]
    [InlineData("l. 2", LocatorTerm.Line)]
    [InlineData("ll. 2-3", LocatorTerm.Line)]
    [InlineData("note 2", LocatorTerm.Note)]
    [InlineData("n. 2", LocatorTerm.Note)]
    [InlineData("nn. 2-3", LocatorTerm.Note)]
    [InlineData("opus 2", LocatorTerm.Opus)]
    [InlineData("op. 2", LocatorTerm.Opus)]
    [InlineData("opp. 2-3", LocatorTerm.Opus)]
    [InlineData("page 2", LocatorTerm.Page)]
    [InlineData("pages 2-3", LocatorTerm.Page)]
    [InlineData("p. 2", LocatorTerm.Page)]
    [InlineData("pp. 2-3", LocatorTerm.Page)]
    [InlineData("pp. 2", LocatorTerm.Page)]
    [InlineData("2", LocatorTerm.Page)]
    [InlineData("paragraph 2", LocatorTerm.Paragraph)]
    [InlineData("paragraphs 2-3", LocatorTerm.Paragraph)]
    [InlineData("para. 2", LocatorTerm.Paragraph)]
    [InlineData("paras. 2-3", LocatorTerm.Paragraph)]
    [InlineData("para 2", LocatorTerm.Paragraph)]
    [InlineData("¶2", LocatorTerm.Paragraph)]
    [InlineData("¶¶2–3", LocatorTerm.Paragraph)]
    [InlineData("part 2", LocatorTerm.Part)]
    [InlineData("pt. 2", LocatorTerm.Part)]
    [InlineData("pts. 2-3", LocatorTerm.Part)]
    [InlineData("section 2", LocatorTerm.Section)]
    [InlineData("sec. 2", LocatorTerm.Section)]
    [InlineData("secs. 2-3", LocatorTerm.Section)]
    [InlineData("§ 2", LocatorTerm.Section)]
    [InlineData("§§ 2-3", LocatorTerm.Section)]
    [InlineData("sub verbo 2", LocatorTerm.SubVerbo)]
    [InlineData("s.v. 2", LocatorTerm.SubVerbo)]
    [InlineData("s.vv. 2-3", LocatorTerm.SubVerbo)]
    [InlineData("verse 2", LocatorTerm.Verse)]
    [InlineData("v. 2", LocatorTerm.Verse)]
    [InlineData("vv. 2-3", LocatorTerm.Verse)]
    [InlineData("volume 2", LocatorTerm.Volume)]
    [InlineData("vol. 2", LocatorTerm.Volume)]
    [InlineData("vols. 2-3", LocatorTerm.Volume)]
    [InlineData("art. 2", LocatorTerm.ArticleLocator)]
    [InlineData("canon 2", LocatorTerm.Canon)]
    [InlineData("app. 2", LocatorTerm.Appendix)]
    [InlineData("eq. 2", LocatorTerm.Equation)]
    [InlineData("r. 2", LocatorTerm.Rule)]
    [InlineData("sc. 2", LocatorTerm.Scene)]
    [InlineData("supp. 2", LocatorTerm.Supplement)]
    [InlineData("tbl. 2", LocatorTerm.Table)]
    [InlineData("title 2", LocatorTerm.TitleLocator)]
    [InlineData("act 2", LocatorTerm.Act)]
    [InlineData("loc. 2", LocatorTerm.Elocation)]
    [InlineData("version 2", LocatorTerm.Version)]
    [InlineData("PP. 2", LocatorTerm.Page)]
    public void Every_locator_term_is_read_in_pandocs_spellings(string locator, LocatorTerm term)
    {
        var item = Only($"[@a, {locator}]");
        Assert.Equal(term, item.Locator.Term);
        Assert.StartsWith("2", item.Locator.Value, StringComparison.Ordinal);
        Assert.Equal("", item.Suffix);
    }

    [Theory]
    [InlineData("¶4", "¶4", 4, 4)]
    [InlineData("¶ 4", "¶4", 4, 4)]
    [InlineData("¶¶4–6", "¶¶4–6", 4, 6)]
    [InlineData("¶¶4-6", "¶¶4–6", 4, 6)]
    [InlineData("¶¶4—6", "¶¶4–6", 4, 6)]
    [InlineData("¶¶4 – 6", "¶¶4–6", 4, 6)]
    [InlineData("¶¶4", "¶4", 4, 4)]
    [InlineData("para. 7", "¶7", 7, 7)]
    [InlineData("paras. 7–9", "¶¶7–9", 7, 9)]
    [InlineData("paragraph 13", "¶13", 13, 13)]
    [InlineData("para 13", "¶13", 13, 13)]
    public void Paragraph_locators_are_pinned_to_numbers(string locator, string display, int first, int last)
    {
        var l = Only($"[@a, {locator}]").Locator;
        Assert.True(l.IsPinned);
        Assert.Equal([new ParagraphRange(first, last)], l.Paragraphs);
        Assert.Equal(display, l.Display);
        Assert.Equal(LocatorKind.Paragraph, l.Kind);
    }

    [Theory]
    [InlineData("¶¶4, 6", "¶¶4, 6")]
    [InlineData("¶¶4 & 6", "¶¶4, 6")]
    [InlineData("¶¶4 and 6", "¶¶4, 6")]
    [InlineData("paras. 4, 6", "¶¶4, 6")]
    public void Paragraph_lists_name_each_paragraph(string locator, string display)
    {
        var l = Only($"[@a, {locator}]").Locator;
        Assert.Equal([new ParagraphRange(4, 4), new ParagraphRange(6, 6)], l.Paragraphs);
        Assert.Equal(display, l.Display);
        Assert.True(l.Covers(6));
        Assert.False(l.Covers(5));
        Assert.Equal(2, l.EachRange().Count());
    }

    [Theory]
    [InlineData("p. 12", "p. 12", "12", "12")]
    [InlineData("pp. 12–14", "pp. 12–14", "12", "14")]
    [InlineData("p. iv", "p. iv", "iv", "iv")]
    [InlineData("p. A-3", "p. A-3", "A-3", "A-3")]
    [InlineData("pp. vi-xi", "pp. vi–xi", "vi", "xi")]
    [InlineData("pp. 7", "p. 7", "7", "7")]
    [InlineData("page 12", "p. 12", "12", "12")]
    [InlineData("12", "p. 12", "12", "12")]
    public void Page_locators_are_pinned_to_labels(string locator, string display, string first, string last)
    {
        var l = Only($"[@a, {locator}]").Locator;
        Assert.True(l.IsPinned);
        Assert.Equal(new PageRange(first, last), l.Pages[0]);
        Assert.Equal(display, l.Display);
    }

    [Fact]
    public void Page_lists_name_each_range()
    {
        var l = Only("[@a, pp. 33-35, 38]").Locator;
        Assert.Equal([new PageRange("33", "35"), new PageRange("38", "38")], l.Pages);
        Assert.Equal("pp. 33–35, 38", l.Display);
    }

    [Theory]
    [InlineData("sec. 3", "sec. 3")]
    [InlineData("§13", "sec. 13")]
    [InlineData("§§ 3-4", "secs. 3-4")]
    [InlineData("chap. 2", "chap. 2")]
    [InlineData("chapters 2-3", "chaps. 2-3")]
    [InlineData("vol. 1", "vol. 1")]
    [InlineData("{ii, A, D-Z}", "ii, A, D-Z")]
    public void Other_locators_are_not_pinned_and_show_their_short_form(string locator, string display)
    {
        var l = Only($"[@a, {locator}]").Locator;
        Assert.False(l.IsPinned);
        Assert.Equal(LocatorKind.Text, l.Kind);
        Assert.Equal(display, l.Display);
    }

    [Theory]
    [InlineData("see", Signal.See)]
    [InlineData("See", Signal.See)]
    [InlineData("*see*", Signal.See)]
    [InlineData("see also", Signal.SeeAlso)]
    [InlineData("see generally", Signal.SeeGenerally)]
    [InlineData("cf.", Signal.Cf)]
    [InlineData("compare", Signal.Compare)]
    [InlineData("but see", Signal.ButSee)]
    [InlineData("but cf.", Signal.ButCf)]
    [InlineData("contra", Signal.Contra)]
    [InlineData("e.g.,", Signal.Eg)]
    [InlineData("see, e.g.,", Signal.SeeEg)]
    [InlineData("accord", Signal.Accord)]
    [InlineData("see the discussion in", Signal.See)]
    [InlineData("seen in", Signal.None)]
    [InlineData("as reported by", Signal.None)]
    public void A_prefix_may_lead_with_a_signal(string prefix, Signal signal)
    {
        var item = Only($"Text [{prefix} @a, ¶2].");
        Assert.Equal(prefix, item.Prefix);
        Assert.Equal(signal, item.Signal);
    }

    [Fact]
    public void An_item_without_a_prefix_has_no_signal() => Assert.Equal(Signal.None, Only("[@a, ¶2]").Signal);

    [Theory]
    [InlineData("[@a, ¶٣]", "no paragraph numbers in digits 0–9")]
    [InlineData("[@a, ¶99999999999]", "too large")]
    [InlineData("[@a, ¶0]", "numbered from 1")]
    [InlineData("[@a, ¶¶6–4]", "runs backwards")]
    [InlineData("[@a, ¶4x]", "'4x'")]
    [InlineData("[@a, ¶]", "no paragraph numbers")]
    [InlineData("[@a, para. x]", "no paragraph numbers")]
    [InlineData("[@a, p. a]", "no page numbers")]
    [InlineData("@a [¶٣]", "no paragraph numbers in digits 0–9")]
    public void Unreadable_paragraph_and_page_locators_are_problems(string markdown, string why)
    {
        var citation = Assert.Single(Citations(markdown));
        var problem = Assert.Single(citation.Problems);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
        Assert.False(citation.Items[0].Locator.IsPinned);
    }

    [Fact]
    public void A_problem_is_placed_at_the_locator()
    {
        var problem = Assert.Single(Assert.Single(Citations("Text [@a, ¶0].")).Problems);
        Assert.Equal((0, 11), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_locator_built_for_paragraphs_reads_as_one_written()
    {
        var written = Only("[@a, ¶¶2–3]").Locator;
        var built = Locator.ForParagraphs(2, 3);
        Assert.Equal((written.Term, written.Display, written.Start, written.End), (built.Term, built.Display, built.Start, built.End));
    }
}
