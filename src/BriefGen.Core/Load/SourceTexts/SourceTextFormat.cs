using System.Globalization;
using System.Text;
using BriefGen.Model;

namespace BriefGen.Load.SourceTexts;

/// <summary>
/// The disk cache's file format for an extracted text: a version line, the pages (label and spans), then
/// each paragraph with its length. Written and read by hand (no reflection, for Native AOT).
/// </summary>
internal static class SourceTextFormat
{
    private const string Header = "briefgen-source-text 1";

    public static string Write(SourceText text)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"pages {text.Pages.Count}\n");
        foreach (var page in text.Pages)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{page.Spans.Count} {Escape(page.Label)}\n");
            foreach (var span in page.Spans)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{span.Paragraph} {span.Start} {span.End}\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"paragraphs {text.Paragraphs.Count}\n");
        foreach (var paragraph in text.Paragraphs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{paragraph.Length}\n").Append(paragraph).Append('\n');
        }

        sb.Append("end\n");
        return sb.ToString();
    }

    /// <summary>The text a cache file holds, or null when it is not one this version wrote whole.</summary>
    public static SourceText? Parse(string content, string path)
    {
        var at = 0;
        if (Line() != Header || Count("pages") is not { } pageCount)
        {
            return null;
        }

        var pages = new List<SourcePage>();
        for (var p = 0; p < pageCount; p++)
        {
            var head = Line()?.Split(' ', 2);
            if (head is not { Length: 2 } || !int.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var spanCount))
            {
                return null;
            }

            var spans = new List<TextSpan>();
            for (var s = 0; s < spanCount; s++)
            {
                var parts = Line()?.Split(' ');
                if (parts is not { Length: 3 } || !Int(parts[0], out var para) || !Int(parts[1], out var start) || !Int(parts[2], out var end))
                {
                    return null;
                }

                spans.Add(new TextSpan(para, start, end));
            }

            pages.Add(new SourcePage(p + 1, Unescape(head[1]), spans));
        }

        if (Count("paragraphs") is not { } paragraphCount)
        {
            return null;
        }

        var paragraphs = new List<string>();
        for (var i = 0; i < paragraphCount; i++)
        {
            if (!Int(Line(), out var length) || at + length + 1 > content.Length || content[at + length] != '\n')
            {
                return null;
            }

            paragraphs.Add(content.Substring(at, length));
            at += length + 1;
        }

        return Line() == "end" && at == content.Length ? new SourceText(path, paragraphs) { Pages = pages } : null;

        string? Line()
        {
            var nl = content.IndexOf('\n', at);
            if (nl < 0)
            {
                return null;
            }

            var line = content[at..nl];
            at = nl + 1;
            return line;
        }

        int? Count(string word)
        {
            var parts = Line()?.Split(' ');
            return parts is { Length: 2 } && parts[0] == word && Int(parts[1], out var n) ? n : null;
        }
    }

    private static bool Int(string? s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string label)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < label.Length; i++)
        {
            if (label[i] == '\\' && i + 1 < label.Length)
            {
                sb.Append(label[++i] == 'n' ? '\n' : label[i]);
            }
            else
            {
                sb.Append(label[i]);
            }
        }

        return sb.ToString();
    }
}
