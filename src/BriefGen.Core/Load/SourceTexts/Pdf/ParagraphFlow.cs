using System.Text;
using BriefGen.Model;

namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>
/// Builds paragraphs from lines in reading order. A line starts a new paragraph when it is indented
/// past the line before, opens a list item, changes font size, follows a short line (the end of a
/// paragraph) or a wide vertical gap; otherwise it continues the paragraph, across a page or column
/// break too. A word hyphenated at a line end is rejoined. Each paragraph remembers which pages its
/// characters stand on.
/// </summary>
internal sealed class ParagraphFlow(PdfStatistics stats)
{
    private readonly List<string> _paragraphs = [];
    private readonly List<List<(int Page, int Start)>> _pieces = [];
    private readonly StringBuilder _text = new();
    private readonly List<(int Page, int Start)> _currentPieces = [];
    private PdfLine? _last;

    private readonly List<PdfLine> _pendingFootnotes = [];

    /// <summary>Adds a line of the body text.</summary>
    public void Add(PdfLine line)
    {
        if (_last is null || StartsParagraph(_last, line, footnote: false))
        {
            Close();
            FlushFootnotes();
        }

        Append(line);
    }

    /// <summary>
    /// Adds a page's footnote lines. They wait for the body paragraph open at the page's end, so that a
    /// sentence running on to the next page stays whole, and follow it as paragraphs of their own.
    /// </summary>
    public void AddFootnotes(IEnumerable<PdfLine> lines) => _pendingFootnotes.AddRange(lines);

    private void FlushFootnotes()
    {
        PdfLine? prev = null;
        foreach (var line in _pendingFootnotes)
        {
            if (prev is null || StartsParagraph(prev, line, footnote: true))
            {
                Close();
            }

            Append(line);
            prev = line;
        }

        Close();
        _pendingFootnotes.Clear();
    }

    private void Append(PdfLine line)
    {
        if (_text.Length == 0)
        {
            _currentPieces.Add((line.Page, 0));
            _text.Append(line.Text);
        }
        else
        {
            var hyphenated = EndsHyphenated(_text) && line.Text.Length > 0 && (char.IsLower(line.Text[0]) || char.IsDigit(line.Text[0]));
            if (hyphenated && !stats.KeepsHyphen(LastWord(_text), FirstWord(line.Text)))
            {
                _text.Length--;
            }
            else if (!hyphenated)
            {
                _text.Append(' ');
            }

            if (_currentPieces[^1].Page != line.Page)
            {
                _currentPieces.Add((line.Page, _text.Length));
            }

            _text.Append(line.Text);
        }

        _last = line;
    }

    /// <summary>Ends the open paragraph, if any.</summary>
    private void Close()
    {
        if (_text.Length > 0)
        {
            _paragraphs.Add(_text.ToString());
            _pieces.Add([.. _currentPieces]);
        }

        _text.Clear();
        _currentPieces.Clear();
        _last = null;
    }

    /// <summary>The paragraphs, and for each page (by index) the spans of paragraph text on it.</summary>
    public (List<string> Paragraphs, List<List<TextSpan>> PageSpans) Finish(int pageCount)
    {
        Close();
        FlushFootnotes();
        var spans = Enumerable.Range(0, pageCount).Select(_ => new List<TextSpan>()).ToList();
        for (var p = 0; p < _paragraphs.Count; p++)
        {
            var pieces = _pieces[p];
            for (var k = 0; k < pieces.Count; k++)
            {
                var end = k + 1 < pieces.Count ? pieces[k + 1].Start : _paragraphs[p].Length;
                spans[pieces[k].Page].Add(new TextSpan(p, pieces[k].Start, end));
            }
        }

        return (_paragraphs, spans);
    }

    private bool StartsParagraph(PdfLine prev, PdfLine line, bool footnote)
    {
        if (line.StartsWithBullet || Math.Abs(line.Size - prev.Size) > Math.Max(1.0, prev.Size * 0.12))
        {
            return true;
        }

        var (left, _) = stats.Edges(line);
        var indented = line.TextLeft > left + (line.Size * 0.9) && line.TextLeft > prev.TextLeft + (line.Size * 0.9);
        if (prev.Text.Length >= 2 && prev.Text[^1] == '-' && char.IsLetter(prev.Text[^2]) && line.Text.Length > 0 && char.IsLower(line.Text[0]))
        {
            return indented; // a word broken at the line end goes on, however short the line
        }

        var (prevLeft, prevRight) = stats.Edges(prev);
        if (prev.Right < prevRight - Math.Max(prev.Size * 3, (prevRight - prevLeft) * 0.08))
        {
            return true; // a short line ends its paragraph
        }

        if (indented)
        {
            return true; // an indented first line
        }

        var samePlace = prev.Page == line.Page && prev.Column == line.Column;
        var pitch = footnote ? line.Size * 1.25 : Math.Max(stats.BodyPitch, line.Size * 1.1);
        return samePlace && prev.Baseline - line.Baseline > pitch * 1.7;
    }

    private static bool EndsHyphenated(StringBuilder text) =>
        text.Length >= 2 && text[^1] == '-' && char.IsLetterOrDigit(text[^2]);

    private static string LastWord(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '-' or ',' or '.'))
        {
            i--;
        }

        return text.ToString(i, text.Length - i);
    }

    private static string FirstWord(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-'))
        {
            i++;
        }

        return text[..i];
    }
}
