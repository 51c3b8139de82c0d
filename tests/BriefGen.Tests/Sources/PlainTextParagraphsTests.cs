using BriefGen.Load.SourceTexts;

namespace BriefGen.Tests.Sources;

/// <summary>SPEC §3: a plain text's paragraphs are its blocks separated by blank lines, each line kept, trailing space trimmed.</summary>
public sealed class PlainTextParagraphsTests
{
    [Theory]
    [InlineData("One.\n\nTwo.", new[] { "One.", "Two." })]
    [InlineData("One.\r\n\r\nTwo.\r\n", new[] { "One.", "Two." })]
    [InlineData("First line  \nsecond line\t\n\n\n\nNext.", new[] { "First line\nsecond line", "Next." })]
    [InlineData("\n\n  \n\t\nOnly.\n \n", new[] { "Only." })]
    [InlineData("  Indented stays.\n\u00A0\nAfter a no-break space line.", new[] { "  Indented stays.", "After a no-break space line." })]
    [InlineData("A lone\rreturn stays inside.\r\r\nEnds trimmed.\r", new[] { "A lone\rreturn stays inside.\nEnds trimmed." })]
    [InlineData("", new string[0])]
    [InlineData(" \r\n\t", new string[0])]
    public void Paragraphs_are_the_blocks_between_blank_lines(string text, string[] expected) =>
        Assert.Equal(expected, PlainTextReader.Parse(text, "seeds/t.txt").Paragraphs);

    /// <summary>Random texts of words, spaces, tabs, line ends and no-break spaces, against the rule stated line by line.</summary>
    [Fact]
    public void Any_text_splits_as_the_rule_says()
    {
        var random = new Random(20261204);
        string[] pieces = ["word", "Ünï", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "\u00A0", "\u2003", "."];
        for (var n = 0; n < 2000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(ByTheRule(text), PlainTextReader.Parse(text, "seeds/t.txt").Paragraphs);
        }
    }

    private static List<string> ByTheRule(string text)
    {
        var paragraphs = new List<string>();
        var block = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.Length > 0)
            {
                block.Add(line);
                continue;
            }

            if (block.Count > 0)
            {
                paragraphs.Add(string.Join('\n', block));
                block.Clear();
            }
        }

        if (block.Count > 0)
        {
            paragraphs.Add(string.Join('\n', block));
        }

        return paragraphs;
    }
}
