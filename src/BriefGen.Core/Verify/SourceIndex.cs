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
        var words = new List<Word>();
        var paragraphOf = new List<int>();
        _paragraphStarts = new int[text.Paragraphs.Count + 1];
        for (var p = 0; p < text.Paragraphs.Count; p++)
        {
            _paragraphStarts[p] = words.Count;
            foreach (var word in Words.Of(text.Paragraphs[p]))
            {
                if (!_positions.TryGetValue(word.Text, out var list))
                {
                    _positions[word.Text] = list = [];
                }

                list.Add(words.Count);
                words.Add(word);
                paragraphOf.Add(p);
            }
        }

        _paragraphStarts[text.Paragraphs.Count] = words.Count;
        AllWords = words;
        ParagraphOf = paragraphOf;
    }

    public SourceText Text { get; }

    public IReadOnlyList<Word> AllWords { get; }

    /// <summary>The 0-based paragraph each word stands in.</summary>
    public IReadOnlyList<int> ParagraphOf { get; }

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
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var p in Positions(words[0]))
        {
            if (p < lo)
            {
                continue;
            }

            if (p + words.Count > hi)
            {
                break;
            }

            var k = 1;
            while (k < words.Count && AllWords[p + k].Text == words[k])
            {
                k++;
            }

            if (k == words.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The original text of the words [Lo, Hi): the paragraphs they stand in, joined by blank lines.</summary>
    public string TextOf((int Lo, int Hi) range)
    {
        if (range.Hi <= range.Lo)
        {
            return "";
        }

        var first = ParagraphOf[range.Lo];
        var last = ParagraphOf[range.Hi - 1];
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
        var paragraph = ParagraphOf[from];
        while (to > from && ParagraphOf[to] != paragraph)
        {
            to--;
        }

        var text = Text.Paragraphs[paragraph];
        return text[AllWords[from].Start..AllWords[to].End].ReplaceLineEndings(" ");
    }
}
