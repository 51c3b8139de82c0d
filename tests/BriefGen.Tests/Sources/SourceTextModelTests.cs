using BriefGen.Model;

namespace BriefGen.Tests.Sources;

/// <summary>The page map of the source-text model: which pages a passage stands on, and which paragraphs a page range holds.</summary>
public sealed class SourceTextModelTests
{
    // ¶1 on page i; ¶2 from page i onto page 1 at offset 10; ¶3 on page 1; page 2 is blank; ¶4 on page 3.
    private static readonly SourceText Text = new("t.pdf", ["First paragraph.", "Runs on a across the page break.", "Third.", "Last."])
    {
        Pages =
        [
            new SourcePage(1, "i", [new TextSpan(0, 0, 16), new TextSpan(1, 0, 10)]),
            new SourcePage(2, "1", [new TextSpan(1, 10, 32), new TextSpan(2, 0, 6)]),
            new SourcePage(3, "2", []),
            new SourcePage(4, "3", [new TextSpan(3, 0, 5)]),
        ],
    };

    [Fact]
    public void A_paragraph_across_a_page_break_stands_on_both_pages()
    {
        Assert.Equal(["i", "1"], Text.PagesOf(1).Select(p => p.Label));
        Assert.Equal(["i"], Text.PagesOf(new TextSpan(1, 0, 9)).Select(p => p.Label));
        Assert.Equal(["1"], Text.PagesOf(new TextSpan(1, 10, 20)).Select(p => p.Label));
        Assert.Equal("i", Text.PageAt(1, 9)!.Label);
        Assert.Equal("1", Text.PageAt(1, 10)!.Label);
    }

    [Fact]
    public void A_passage_over_several_paragraphs_names_each_page_once_in_order()
    {
        Assert.Equal(["i", "1"], Text.PagesOf(0, 3, 2, 4).Select(p => p.Label));
        Assert.Equal(["1", "3"], Text.PagesOf(2, 0, 3, 5).Select(p => p.Label));
    }

    [Fact]
    public void A_page_range_holds_the_paragraphs_with_text_on_it()
    {
        Assert.Equal([1, 2], Text.ParagraphsOnPages("1", "1"));
        Assert.Equal([1, 2, 3], Text.ParagraphsOnPages("1", "3"));
        Assert.Equal([], Text.ParagraphsOnPages("2", "2"));
        Assert.Null(Text.ParagraphsOnPages("3", "1"));
        Assert.Null(Text.ParagraphsOnPages("ix", "ix"));
    }

    [Fact]
    public void Labels_are_found_whatever_their_case_and_a_passage_is_checked_against_pages()
    {
        Assert.Equal(1, Text.FindPageLabel("I")!.Number);
        Assert.Null(Text.FindPageLabel("4"));
        Assert.True(Text.IsOnPages(1, 0, 1, 32, "i", "1"));
        Assert.False(Text.IsOnPages(1, 0, 1, 32, "1", "1"));
        Assert.True(Text.IsOnPages(1, 12, 2, 6, "1", "1"));
    }

    [Fact]
    public void A_text_without_pages_answers_with_none()
    {
        var plain = new SourceText("t.txt", ["One.", "Two."]);
        Assert.False(plain.HasPages);
        Assert.Empty(plain.PagesOf(0));
        Assert.Null(plain.PageAt(0, 0));
        Assert.Null(plain.ParagraphsOnPages("1", "1"));
    }

    [Fact]
    public void Each_word_of_the_index_stands_in_its_own_paragraph_past_paragraphs_without_words()
    {
        // ¶2 and ¶4 hold no word: the words after them stand in the paragraphs that follow, not in them.
        var index = new BriefGen.Verify.SourceIndex(new SourceText("t.txt", ["One two.", "* * *", "—", "Three.", "§", "Four five six."]));
        var paragraphs = Enumerable.Range(0, index.AllWords.Count).Select(index.ParagraphOf);
        Assert.Equal([0, 0, 3, 5, 5, 5], paragraphs);
        Assert.Equal("Three", index.Passage(2, 4)); // Words 2 to 4, cut where ¶4 ends.
    }
}
