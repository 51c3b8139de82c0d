using System.Globalization;

namespace BriefGen.Verify;

/// <summary>A word of a text: its lowercase form and where it stands in the original.</summary>
public readonly record struct Word(string Text, int Start, int End);

/// <summary>
/// Splits text into words as quote matching sees them (SPEC §3): runs of letters and digits, compared
/// without case. Punctuation, quotes of either style, apostrophes, dashes and white space separate words.
/// </summary>
public static class Words
{
    public static List<Word> Of(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (Next(text, ref i, out var start))
        {
            words.Add(new Word(Lower(text, start, i), start, i));
        }

        return words;
    }

    /// <summary>The next word of <paramref name="text"/> from <paramref name="i"/>: true with it as [start, i), false at the end.</summary>
    public static bool Next(string text, ref int i, out int start)
    {
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>text[start..end] in lower case, made in one string (sources have hundreds of thousands of words).</summary>
    private static string Lower(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (span, s) => s.text.AsSpan(s.start, span.Length).ToLowerInvariant(span));

    /// <summary>Whether a character belongs to a word: a letter, a digit or a combining mark.</summary>
    /// <remarks>ASCII, most of a text, is told by one comparison: no ASCII character is a combining mark.</remarks>
    public static bool IsWordChar(char c) =>
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c)
            : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
