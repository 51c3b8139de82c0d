using BriefGen.Diagnostics;
using BriefGen.Model;
using UglyToad.PdfPig;

namespace BriefGen.Load.SourceTexts.Pdf;

/// <summary>
/// <c>.pdf</c>: the text layer of each page (PdfPig) in reading order, without running headers, footers
/// and repeated margin stamps; paragraphs numbered across the whole document, footnotes after the
/// paragraph they interrupt; pages labelled as the PDF labels them. A PDF without a text layer (a scan)
/// is refused rather than read as nothing.
/// </summary>
public sealed class PdfReader : ISourceTextReader
{
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public string CacheKey => "pdf-1";

    public bool IsCached => true;

    public SourceTextRead Read(byte[] bytes, string path)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            return Read(document, path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SourceTextRead.Fail(DiagnosticCodes.PdfUnreadable,
                $"is not a PDF BriefGen can read ({e.Message.TrimEnd('.')}); check the file, or give a text copy (.txt)");
        }
    }

    private static SourceTextRead Read(PdfDocument document, string path)
    {
        var labels = PageLabels.Of(document);
        var pages = new List<List<PdfLine>>();
        var heights = new List<double>();
        var anyText = false;
        for (var n = 1; n <= document.NumberOfPages; n++)
        {
            var page = document.GetPage(n);
            anyText |= page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value));
            pages.Add(PageLayout.Lines(page, n - 1));
            heights.Add(page.Height);
        }

        if (!anyText)
        {
            return SourceTextRead.Fail(DiagnosticCodes.PdfNoTextLayer,
                "has no text layer: scanned? provide a text copy (a .txt of the text, or the PDF after OCR)");
        }

        pages = RunningLines.Remove(pages);
        var stats = new PdfStatistics(pages);
        var flow = new ParagraphFlow(stats);
        for (var p = 0; p < pages.Count; p++)
        {
            var footnoteStart = FootnoteStart(pages[p], stats, heights[p]);
            foreach (var line in pages[p].Take(footnoteStart))
            {
                flow.Add(line);
            }

            flow.AddFootnotes(pages[p].Skip(footnoteStart));
        }

        var (paragraphs, spans) = flow.Finish(pages.Count);
        var sourcePages = spans.Select((s, i) => new SourcePage(i + 1, labels[i], s)).ToList();
        return SourceTextRead.Ok(new SourceText(path, paragraphs) { Pages = sourcePages });
    }

    /// <summary>
    /// The index of the first footnote line of a page: the trailing lines set smaller than the body, or,
    /// in a double-spaced document, single-spaced, below a gap; <c>lines.Count</c> when there are none.
    /// </summary>
    private static int FootnoteStart(List<PdfLine> lines, PdfStatistics stats, double pageHeight)
    {
        var k = lines.Count;
        while (k > 0 && IsFootnoteLike(k - 1))
        {
            k--;
        }

        if (k == lines.Count || k == 0 || lines[k].Top > pageHeight * 0.6 || lines[k].Column != lines[^1].Column)
        {
            return lines.Count;
        }

        return k;

        bool IsFootnoteLike(int i)
        {
            var line = lines[i];
            if (line.Size < stats.BodySize * 0.9)
            {
                return true;
            }

            if (!stats.IsSpaced)
            {
                return false;
            }

            var tight = stats.BodyPitch * 0.75;
            var below = i + 1 < lines.Count ? line.Baseline - lines[i + 1].Baseline : double.NaN;
            var above = i > 0 ? lines[i - 1].Baseline - line.Baseline : double.NaN;
            return i + 1 < lines.Count ? below > 0 && below < tight : above > 0 && above < tight;
        }
    }
}
