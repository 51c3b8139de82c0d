using System.Net;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BriefGen.Benchmarks.Corpus;

/// <summary>A generated source's paragraphs as a web page or a PDF, for the source readers to take apart again.</summary>
internal static class SourceFiles
{
    private const int LineChars = 88;
    private const int LinesPerPage = 42;
    private const double Top = 740;
    private const double Pitch = 14;
    private const double Size = 10;
    private const double Margin = 72;
    private const double Indent = 90;
    private const double Right = 540;

    /// <summary>An article page with a header and footer around it, as a news site has them: the reader keeps the paragraphs.</summary>
    public static string Html(string title, IReadOnlyList<string> paragraphs)
    {
        var html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title></head>\n<body><header><nav><a href=\"/\">Home</a></nav></header>\n<main><article>\n");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        return html.Append("</article></main>\n<footer><p>Published by the example archive.</p></footer></body></html>\n").ToString();
    }

    /// <summary>Letter pages of justified Helvetica lines: each paragraph's first line indented, a blank line between paragraphs.</summary>
    public static byte[] Pdf(IReadOnlyList<string> paragraphs)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder? page = null;
        var line = LinesPerPage;
        foreach (var paragraph in paragraphs)
        {
            var lines = Wrap(paragraph);
            if (line + lines.Count > LinesPerPage)
            {
                page = builder.AddPage(PageSize.Letter);
                line = 0;
            }

            for (var i = 0; i < lines.Count; i++, line++)
            {
                var left = i == 0 ? Indent : Margin;
                var y = Top - (line * Pitch);
                if (i == lines.Count - 1)
                {
                    page!.AddText(lines[i], Size, new PdfPoint(left, y), font);
                    continue;
                }

                // Justified, as a court opinion's lines are: every line but the last reaches the right margin.
                var words = lines[i].Split(' ');
                var widths = words.Select(w => Width(page!, w, font)).ToArray();
                var space = words.Length > 1 ? (Right - left - widths.Sum()) / (words.Length - 1) : 0;
                var x = left;
                for (var w = 0; w < words.Length; w++)
                {
                    page!.AddText(words[w], Size, new PdfPoint(x, y), font);
                    x += widths[w] + space;
                }
            }

            line++;
        }

        return builder.Build();
    }

    private static double Width(PdfPageBuilder page, string word, PdfDocumentBuilder.AddedFont font) =>
        page.MeasureText(word, Size, new PdfPoint(0, 0), font) is { Count: > 0 } letters ? letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X : 0;

    private static List<string> Wrap(string paragraph)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > LineChars)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(current.ToString());
        return lines;
    }
}
