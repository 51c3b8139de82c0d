using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BriefGen.Tests.Sources;

/// <summary>Small PDFs made in tests with PdfPig's builder: pages of Helvetica lines, and page labels added by an incremental update.</summary>
internal static partial class TestPdf
{
    public const double Top = 720;
    public const double Pitch = 16;

    /// <summary>A PDF whose pages hold these lines, each line at the left margin, one below the other; null for a page without text.</summary>
    public static byte[] Pages(params string[]?[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.Letter);
            if (lines is null)
            {
                page.DrawRectangle(new PdfPoint(100, 100), 200, 200); // a drawing, as a scanned page would have an image: no text
                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 11, new PdfPoint(72, Top - (i * Pitch)), font);
            }
        }

        return builder.Build();
    }

    /// <summary>A one-page PDF with two columns of lines beside each other.</summary>
    public static byte[] TwoColumns(string[] left, string[] right, string? title = null)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        var top = Top;
        if (title is not null)
        {
            page.AddText(title, 14, new PdfPoint(150, top + 30), font);
        }

        for (var i = 0; i < left.Length; i++)
        {
            page.AddText(left[i], 10, new PdfPoint(54, top - (i * 13)), font);
        }

        for (var i = 0; i < right.Length; i++)
        {
            page.AddText(right[i], 10, new PdfPoint(320, top - (i * 13)), font);
        }

        return builder.Build();
    }

    /// <summary>
    /// The PDF with a <c>/PageLabels</c> number tree in its catalog (<paramref name="nums"/> is the <c>/Nums</c> array's
    /// content, such as <c>0 &lt;&lt;/S /r&gt;&gt; 2 &lt;&lt;/S /D&gt;&gt;</c>), added as an incremental update that replaces the catalog.
    /// </summary>
    public static byte[] WithPageLabels(byte[] pdf, string nums)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var catalog = Catalog().Match(text);
        Assert.True(catalog.Success, "the builder's catalog was not found");
        var number = catalog.Groups["n"].Value;
        var pages = catalog.Groups["pages"].Value;
        var size = Regex.Matches(text, @"/Size (\d+)")[^1].Groups[1].Value;
        var prev = Regex.Matches(text, @"startxref\s+(\d+)")[^1].Groups[1].Value;

        var update = new StringBuilder("\n");
        var objectAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n<< /Type /Catalog /Pages {pages} 0 R /PageLabels << /Nums [{nums}] >> >>\nendobj\n");
        var xrefAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n0 1\n0000000000 65535 f \n{number} 1\n{objectAt:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {number} 0 R /Prev {prev} >>\nstartxref\n{xrefAt}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"(?<n>\d+) 0 obj\s*<<\s*/Type\s*/Catalog\s*/Pages\s*(?<pages>\d+) 0 R", RegexOptions.Singleline)]
    private static partial Regex Catalog();
}
