using BriefGen.Load.SourceTexts;
using BriefGen.Tests.Support;
using BriefGen.Verify;
using BriefGen.Verify.Text;

namespace BriefGen.Tests.Verify;

/// <summary>SPEC §3's rules for running text: sentences, quotations, numbers, alterations and speakers.</summary>
public sealed class TextRulesTests
{
    private const char C = Sentences.CitationMark;

    private static readonly SourceIndex Seed = new(SourceTextReaders.Default.Read(FixtureBriefs.MppSeed, "seed").Read.Text!);

    private static List<string> SentencesOf(string text) => Sentences.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void A_sentence_ends_at_a_full_stop_before_a_capital() =>
        Assert.Equal(["The court ruled.", "It was 2-1."], SentencesOf("The court ruled. It was 2-1."));

    [Fact]
    public void A_citation_after_the_full_stop_belongs_to_the_sentence_before() =>
        Assert.Equal([$"The court ruled. {C}", "It was 2-1."], SentencesOf($"The court ruled. {C} It was 2-1."));

    [Fact]
    public void A_citation_before_the_full_stop_belongs_to_its_sentence() =>
        Assert.Equal([$"The court ruled {C}.", $"It was 2-1 {C}."], SentencesOf($"The court ruled {C}. It was 2-1 {C}."));

    [Theory]
    [InlineData("The U.S. Court of Appeals ruled.")]
    [InlineData("Mr. Morgan spoke at 5 p.m. on Friday.")]
    [InlineData("In Innovation Law Lab v. Wolf the court ruled.")]
    [InlineData("Judge William A. Fletcher wrote it.")]
    public void Abbreviations_and_initials_end_no_sentence(string text) => Assert.Single(SentencesOf(text));

    [Fact]
    public void A_lower_case_word_after_a_full_stop_continues_the_sentence() =>
        Assert.Single(SentencesOf("It was about 1.5 million. and more"));

    [Fact]
    public void Question_and_exclamation_marks_end_sentences_and_closing_quotes_stay() =>
        Assert.Equal(["He asked, “Are you afraid?”", "Nobody answered!", "Then?"], SentencesOf("He asked, “Are you afraid?” Nobody answered! Then?"));

    [Fact]
    public void Curly_and_straight_quotations_are_found_with_nested_single_quotes()
    {
        var quotes = RunningQuotes.Find("The judge said “that is to say, ‘Are you afraid?’” and then \"another one\" here.");
        Assert.Equal(["that is to say, ‘Are you afraid?’", "another one"], quotes.Select(q => q.Text));
    }

    [Fact]
    public void A_curly_opening_quote_may_close_with_a_straight_one() =>
        Assert.Equal(["Are you afraid?"], RunningQuotes.Find("He asked “Are you afraid?\" twice.").Select(q => q.Text));

    [Fact]
    public void An_unclosed_quotation_quotes_nothing() => Assert.Empty(RunningQuotes.Find("He said “this never closes."));

    [Fact]
    public void Apostrophes_and_inch_marks_are_no_quotations() => Assert.Empty(RunningQuotes.Find("The court’s ruling, a 5' wall."));

    [Theory]
    [InlineData("More than 470,000 people crossed.", "470,000")]
    [InlineData("a 71 percent drop", "71")]
    [InlineData("a 71% drop", "71")]
    [InlineData("ruled 2-1 on Friday", "2-1")]
    [InlineData("ruled 2–1 on Friday", "2–1")]
    [InlineData("a 20-day delay", "20")]
    [InlineData("about 1.5 million", "1.5")]
    [InlineData("in 2020.", "2020")]
    public void Numbers_are_read_with_their_separators(string text, string value) =>
        Assert.Equal([value], Numbers.Find(text).Select(n => n.Value));

    [Theory]
    [InlineData("the H1N1 virus")]
    [InlineData("during COVID-19")]
    [InlineData("no numbers at all")]
    public void Digits_inside_words_are_no_numbers(string text) => Assert.Empty(Numbers.Find(text));

    [Fact]
    public void An_alteration_of_case_matches_the_source_word()
    {
        // ¶2: "The program — officially known as the Migrant Protection Protocols …"
        var range = Seed.Paragraphs(1, 1);
        Assert.True(QuoteMatcher.Match("“[T]he program — officially known as the Migrant Protection Protocols”", Seed, range).Found);
        Assert.True(QuoteMatcher.Match("“[t]he program — officially known as the Migrant Protection Protocol[s]”", Seed, range).Found);
    }

    [Fact]
    public void An_alteration_still_needs_the_letters_outside_the_brackets()
    {
        var match = QuoteMatcher.Match("“[T]he programme — officially known”", Seed, Seed.Paragraphs(1, 1));
        Assert.False(match.Found);
        Assert.Contains("“programme”", match.Problem);
    }

    [Fact]
    public void Sic_and_insertions_are_skipped() =>
        Assert.True(QuoteMatcher.Match("“The program [sic] — officially known as [the] the Migrant Protection Protocols”", Seed, Seed.Paragraphs(1, 1)).Found);

    [Fact]
    public void Words_quoted_from_the_wrong_paragraph_are_found_elsewhere()
    {
        const string quote = "“You’re not even asking the key question with respect to refoulement”";
        Assert.False(QuoteMatcher.Match(quote, Seed, Seed.Paragraphs(1, 1)).Found);
        var anywhere = QuoteMatcher.FindAnywhere(quote, Seed);
        Assert.NotNull(anywhere);
        Assert.Equal(33, Seed.ParagraphOf(anywhere.Words.First));
    }

    [Fact]
    public void Quote_words_count_without_insertions_and_elisions() =>
        Assert.Equal(4, QuoteWords.Count("“[The] court … ruled on [sic] Friday”"));

    [Fact]
    public void A_person_is_named_by_full_name_alias_or_surname()
    {
        var names = SpeakerNames.Of("Mark Morgan", ["Acting Commissioner Morgan"], person: true).Select(n => string.Join(' ', n)).ToList();
        Assert.Equal(["acting commissioner morgan", "mark morgan", "morgan"], names);
    }

    [Fact]
    public void An_organization_is_named_by_name_or_alias_only() =>
        Assert.Equal(["u s department of justice", "justice department"],
            SpeakerNames.Of("U.S. Department of Justice", ["Justice Department"], person: false).Select(n => string.Join(' ', n)));

    [Fact]
    public void The_index_finds_a_name_in_a_paragraph_range()
    {
        var fletcher = SpeakerNames.Of("William Fletcher", [], person: true);
        var (lo, hi) = Seed.Paragraphs(31, 33);
        Assert.Contains(fletcher, n => Seed.Contains(n, lo, hi));
    }
}
