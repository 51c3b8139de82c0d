using BriefGen.Markdown.Citations;
using BriefGen.Model;

namespace BriefGen.Verify;

/// <summary>
/// A source text indexed once for verification: its words in order, which paragraph each stands in,
/// and where each distinct word occurs, so a quote is found without rescanning the text.
/// </summary>
public sealed class SourceIndex
{
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);
    private readonly int[] _paragraphStarts;

    public SourceIndex(SourceText text)
    {
        Text = text;
        // About one word in six characters of English prose: sized once, the list seldom grows.
        var chars = 0;
        foreach (var paragraph in text.Paragraphs)
        {
            chars += paragraph.Length;
        }

        var words = new List<Word>(chars / 6 + 16);
        _paragraphStarts = new int[text.Paragraphs.Count + 1];

        // Each distinct word is made into a string once, and every occurrence shares it: a source of a hundred
        // thousand words has a few thousand distinct ones.
        var distinct = _positions.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[128];
        for (var p = 0; p < text.Paragraphs.Count; p++)
        {
            _paragraphStarts[p] = words.Count;
            var paragraph = text.Paragraphs[p];
            var i = 0;
            while (Words.Next(paragraph, ref i, out var start))
            {
                var lower = i - start <= buffer.Length ? buffer[..(i - start)] : new char[i - start];
                paragraph.AsSpan(start, i - start).ToLowerInvariant(lower);
                if (!distinct.TryGetValue(lower, out var word, out var list))
                {
                    word = new string(lower);
                    _positions[word] = list = [];
                }

                list.Add(words.Count);
                words.Add(new Word(word, start, i));
            }
        }

        _paragraphStarts[text.Paragraphs.Count] = words.Count;
        AllWords = words;
    }

    public SourceText Text { get; }

    public IReadOnlyList<Word> AllWords { get; }

    /// <summary>The 0-based paragraph word <paramref name="word"/> stands in.</summary>
    public int ParagraphOf(int word)
    {
        // The last paragraph starting at or before the word; empty paragraphs share a start with the next.
        var i = Array.BinarySearch(_paragraphStarts, 0, Text.Paragraphs.Count, word);
        if (i < 0)
        {
            return ~i - 1;
        }

        while (i + 1 < Text.Paragraphs.Count && _paragraphStarts[i + 1] == word)
        {
            i++;
        }

        return i;
    }

    /// <summary>The words a locator covers, as [Lo, Hi): the cited paragraphs, or the whole text without a paragraph locator.</summary>
    public (int Lo, int Hi) Range(Locator locator)
    {
        if (!locator.IsParagraphs || locator.End > Text.Paragraphs.Count)
        {
            return (0, AllWords.Count);
        }

        return (_paragraphStarts[locator.Start - 1], _paragraphStarts[locator.End]);
    }

    /// <summary>The words of paragraphs <paramref name="first"/> to <paramref name="last"/> (0-based, inclusive, clamped), as [Lo, Hi).</summary>
    public (int Lo, int Hi) Paragraphs(int first, int last)
    {
        first = Math.Clamp(first, 0, Text.Paragraphs.Count);
        last = Math.Clamp(last, first - 1, Text.Paragraphs.Count - 1);
        return (_paragraphStarts[first], _paragraphStarts[last + 1]);
    }

    /// <summary>Whether <paramref name="words"/> (lowercase) stand consecutively somewhere in [lo, hi).</summary>
    public bool Contains(IReadOnlyList<string> words, int lo, int hi)
    {
        if (words.Count == 0 || !_positions.TryGetValue(words[0], out var starts))
        {
            return false;
        }

        // The first occurrence at or after lo, found by halving: the positions are in order.
        var i = starts.BinarySearch(lo);
        for (i = i < 0 ? ~i : i; i < starts.Count; i++)
        {
            var p = starts[i];
            if (p + words.Count > hi)
            {
                break;
            }

            if (StandsAt(words, p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every position where <paramref name="words"/> (lowercase) stand consecutively, in order.</summary>
    public List<int> Occurrences(IReadOnlyList<string> words)
    {
        var found = new List<int>();
        if (words.Count > 0 && _positions.TryGetValue(words[0], out var starts))
        {
            foreach (var p in starts)
            {
                if (p + words.Count <= AllWords.Count && StandsAt(words, p))
                {
                    found.Add(p);
                }
            }
        }

        return found;
    }

    private bool StandsAt(IReadOnlyList<string> words, int p)
    {
        var k = 1;
        while (k < words.Count && AllWords[p + k].Text == words[k])
        {
            k++;
        }

        return k == words.Count;
    }

    /// <summary>The original text of the words [Lo, Hi): the paragraphs they stand in, joined by blank lines.</summary>
    public string TextOf((int Lo, int Hi) range)
    {
        if (range.Hi <= range.Lo)
        {
            return "";
        }

        var first = ParagraphOf(range.Lo);
        var last = ParagraphOf(range.Hi - 1);
        return first == 0 && last == Text.Paragraphs.Count - 1 && range.Lo == 0
            ? _whole ??= string.Join("\n\n", Text.Paragraphs)
            : string.Join("\n\n", Text.Paragraphs.Skip(first).Take(last - first + 1));
    }

    private string? _whole;

    /// <summary>Where a word occurs, in order.</summary>
    public IReadOnlyList<int> Positions(string word) => _positions.TryGetValue(word, out var list) ? list : [];

    /// <summary>The original text from word <paramref name="from"/> to word <paramref name="to"/> (inclusive), within one paragraph.</summary>
    public string Passage(int from, int to)
    {
        from = Math.Clamp(from, 0, AllWords.Count - 1);
        to = Math.Clamp(to, from, AllWords.Count - 1);
        var paragraph = ParagraphOf(from);
        while (to > from && ParagraphOf(to) != paragraph)
        {
            to--;
        }

        var text = Text.Paragraphs[paragraph];
        return text[AllWords[from].Start..AllWords[to].End].ReplaceLineEndings(" ");
    }
}
