using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Util;

namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>
/// The lines of one PDF page in reading order. Words (PdfPig's default word extractor) are grouped
/// by baseline; columns are found as gutters — vertical bands of white space that most lines leave
/// empty — and read left to right between the lines that span them (a title across two columns).
/// This works on the baselines of words rather than on page segmentation, which splits the double-spaced,
/// wide-gapped lines of court opinions into separate blocks.
/// </summary>
internal static class PageLayout
{

    /// <summary>Characters that open a list item rather than text.</summary>
    public static bool IsBullet(string word) =>
        word.Length == 1 && (word[0] is '•' or '◦' or '▪' or '▫' or '●' or '■' or '□' or '‣' or '⁃' or '·' or '∙' || (word[0] >= '\uE000' && word[0] <= '\uF8FF'));

    public static List<PdfLine> Lines(Page page, int pageIndex)
    {
        var words = new List<PdfWord>();
        // PdfPig's default extractor splits at the space characters a PDF draws as well as at gaps: tightly
        // justified lines have gaps narrower than some letters' spacing, which only the spaces reveal.
        foreach (var word in DefaultWordExtractor.Instance.GetWords(page.Letters))
        {
            if (word.TextOrientation != TextOrientation.Horizontal || string.IsNullOrWhiteSpace(word.Text))
            {
                continue; // rotated text is a margin stamp or a label, not running text
            }

            var box = word.BoundingBox;
            var baseline = Median(word.Letters.Select(l => l.StartBaseLine.Y));
            var size = Median(word.Letters.Select(l => l.PointSize > 0 ? l.PointSize : l.BoundingBox.Height));
            words.Add(new PdfWord(word.Text.Trim(), box.Left, box.Right, baseline, Math.Max(box.Top, baseline + (size * 0.7)), Math.Max(size, 1)));
        }

        words = DropMarkers(words);
        var rows = Rows(words);
        var gutters = Gutters(rows);
        return InReadingOrder(rows, gutters, pageIndex);
    }

    /// <summary>Drops footnote reference marks: small raised digits or asterisks set against a word of the line.</summary>
    private static List<PdfWord> DropMarkers(List<PdfWord> words)
    {
        if (words.Count == 0)
        {
            return words;
        }

        var body = Median(words.Select(w => w.Size));
        return words.Where(w => !IsMarker(w)).ToList();

        bool IsMarker(PdfWord w) =>
            w.Size < body * 0.8 && w.Text.All(c => char.IsDigit(c) || c is '*' or '†' or '‡') &&
            words.Exists(o => o != w && o.Size >= body * 0.8 && w.Baseline - o.Baseline > o.Size * 0.15 && w.Baseline - o.Baseline < o.Size * 0.8 &&
                              (Math.Abs(w.Left - o.Right) < o.Size * 0.6 || Math.Abs(o.Left - w.Right) < o.Size * 0.6));
    }

    /// <summary>Words grouped by baseline, top of the page first, each row's words left to right.</summary>
    private static List<List<PdfWord>> Rows(List<PdfWord> words)
    {
        var rows = new List<List<PdfWord>>();
        foreach (var word in words.OrderByDescending(w => w.Baseline).ThenBy(w => w.Left))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row is not null && Math.Abs(row[0].Baseline - word.Baseline) <= Math.Min(row[0].Size, word.Size) * 0.35)
            {
                row.Add(word);
            }
            else
            {
                rows.Add([word]);
            }
        }

        foreach (var row in rows)
        {
            row.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return rows;
    }

    /// <summary>The x positions of column gutters: bands most rows leave empty, with many rows wholly on each side.</summary>
    private static List<double> Gutters(List<List<PdfWord>> rows)
    {
        if (rows.Count < 6)
        {
            return [];
        }

        var spans = rows.Select(Coverage).ToList();
        var minX = Math.Floor(rows.Min(r => r[0].Left));
        var maxX = Math.Ceiling(rows.Max(r => r[^1].Right));
        var gutters = new List<double>();
        double? runStart = null;
        for (var x = minX; x <= maxX + 1; x++)
        {
            var candidate = x <= maxX && IsGutterAt(x);
            if (candidate)
            {
                runStart ??= x;
            }
            else if (runStart is { } s)
            {
                if (x - s >= 6)
                {
                    gutters.Add((s + x - 1) / 2);
                }

                runStart = null;
            }
        }

        return gutters;

        bool IsGutterAt(double x)
        {
            int crossing = 0, left = 0, right = 0;
            foreach (var row in spans)
            {
                if (row.Exists(s => s.Left <= x && x <= s.Right))
                {
                    crossing++;
                }
                else if (row[^1].Right < x)
                {
                    left++;
                }
                else if (row[0].Left > x)
                {
                    right++;
                }
                else
                {
                    left++;
                    right++;
                }
            }

            return crossing <= Math.Max(1, rows.Count * 0.1) && left >= rows.Count * 0.25 && right >= rows.Count * 0.25 &&
                   spans.Count(r => r[^1].Right < x) < rows.Count * 0.9 && spans.Count(r => r[0].Left > x) < rows.Count * 0.9;
        }
    }

    /// <summary>The stretches of a row covered by words and the small gaps between them.</summary>
    private static List<(double Left, double Right)> Coverage(List<PdfWord> row)
    {
        var spans = new List<(double Left, double Right)>();
        foreach (var w in row)
        {
            if (spans.Count > 0 && w.Left - spans[^1].Right <= w.Size * 1.0)
            {
                spans[^1] = (spans[^1].Left, Math.Max(spans[^1].Right, w.Right));
            }
            else
            {
                spans.Add((w.Left, w.Right));
            }
        }

        return spans;
    }

    private static List<PdfLine> InReadingOrder(List<List<PdfWord>> rows, List<double> gutters, int page)
    {
        var lines = new List<PdfLine>();
        var section = new List<PdfLine>[gutters.Count + 1];
        for (var i = 0; i < section.Length; i++)
        {
            section[i] = [];
        }

        foreach (var row in rows)
        {
            var spans = Coverage(row);
            var spanning = gutters.Count > 0 && spans.Exists(s => gutters.Exists(g => s.Left < g && g < s.Right));
            if (spanning)
            {
                Flush();
                lines.AddRange(Split(row, page, -1));
                continue;
            }

            foreach (var group in row.GroupBy(w => gutters.Count(g => g < w.Left)).OrderBy(g => g.Key))
            {
                section[group.Key].AddRange(Split([.. group], page, gutters.Count == 0 ? 0 : group.Key));
            }
        }

        Flush();
        return lines;

        void Flush()
        {
            foreach (var column in section)
            {
                lines.AddRange(column);
                column.Clear();
            }
        }
    }

    /// <summary>A row's words in one column as lines: one line, unless a gap wider than four letters splits it (a stamp beside the text).</summary>
    private static IEnumerable<PdfLine> Split(List<PdfWord> words, int page, int column)
    {
        var start = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            if (i == words.Count || words[i].Left - words[i - 1].Right > Math.Max(words[i].Size, words[i - 1].Size) * 4)
            {
                yield return Line(words.GetRange(start, i - start), page, column);
                start = i;
            }
        }
    }

    private static PdfLine Line(List<PdfWord> words, int page, int column)
    {
        var textWords = words.Count > 1 && IsBullet(words[0].Text) ? words.Skip(1).ToList() : words;
        return new PdfLine(page, column, words[0].Left, textWords[0].Left, words.Max(w => w.Right), Median(words.Select(w => w.Baseline)),
            words.Max(w => w.Top), Median(textWords.Select(w => w.Size)), string.Join(' ', textWords.Select(w => w.Text)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
