using BriefGen.Markdown;

namespace BriefGen.Tests;

/// <summary>Text put on one line for search entries, descriptions and comparisons.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("one", "one")]
    [InlineData("  one  two\n\nthree\t", "one two three")]
    [InlineData("a\u00A0b\u2003\u2003c\u3000", "a b c")] // No-break, em and ideographic spaces are white space too.
    [InlineData("a\u200Bb", "a\u200Bb")] // A zero-width space is not.
    public void White_space_runs_become_one_space_and_the_ends_none(string text, string expected) =>
        Assert.Equal(expected, PlainText.Squash(text));

    [Fact]
    public void Squashing_is_splitting_at_white_space_and_joining_with_spaces()
    {
        // The definition it replaces, over strings drawn from letters and every kind of white space.
        char[] alphabet = ['a', 'b', '.', ' ', '\t', '\n', '\r', '\f', '\v', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\u200B', '\uFEFF'];
        var random = new Random(16);
        for (var n = 0; n < 5000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), PlainText.Squash(text));
        }
    }
}
