using System.Globalization;
using System.Text;
using BriefGen.Csl;
using BriefGen.Model;

namespace BriefGen.Render.Data;

/// <summary>
/// "Cite this brief": the brief itself as a CSL item (a report: title, authors, date, the site's URL), and the same
/// facts as BibTeX (<c>/cite.bib</c>) and RIS (<c>/cite.ris</c>) for reference managers. Only what brief.yml says
/// goes in: nothing is invented.
/// </summary>
public static class BriefCitation
{
    public const string BibTeXPath = "cite.bib";

    public const string RisPath = "cite.ris";

    public static CslItem Item(BriefInfo brief, string? siteUrl)
    {
        var builder = new CslItemBuilder("this-brief", "report").Set("title", brief.Title).Set("URL", siteUrl).Set("language", brief.Language);
        builder.SetNames("author", brief.Authors.Select(a => Name(a.Name)));
        if (brief.Date is { } date)
        {
            builder.SetDate("issued", CslDate.Of(date.Year, date.Month, date.Day));
        }

        return builder.Build();
    }

    /// <summary>A personal name as family and given names: the last word is the family name, as reference managers read "Jane Doe".</summary>
    public static CslName Name(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? new CslName { Literal = trimmed } : new CslName { Given = trimmed[..space].TrimEnd(), Family = trimmed[(space + 1)..] };
    }

    /// <summary>The brief as one BibTeX <c>@techreport</c> entry (UTF-8, LF line ends).</summary>
    public static byte[] BibTeX(BriefInfo brief, string? siteUrl)
    {
        var fields = new List<(string Key, string Value)> { ("title", Braced(brief.Title)) };
        if (brief.Authors.Count > 0)
        {
            fields.Add(("author", string.Join(" and ", brief.Authors.Select(a => Name(a.Name)).Select(n => n.Literal is { } l ? "{" + Escape(l) + "}" : Escape(n.Family!) + ", " + Escape(n.Given!)))));
        }

        if (brief.Date is { } date)
        {
            fields.Add(("year", date.Year.ToString(CultureInfo.InvariantCulture)));
            if (date.Month is { } m)
            {
                fields.Add(("month", MonthNames[m - 1]));
            }

            fields.Add(("date", date.Iso));
        }

        if (siteUrl is not null)
        {
            fields.Add(("url", siteUrl));
        }

        if (brief.License is { } license)
        {
            fields.Add(("note", "License: " + Escape(license)));
        }

        var sb = new StringBuilder();
        sb.Append("@techreport{").Append(Key(brief)).Append(",\n");
        for (var i = 0; i < fields.Count; i++)
        {
            var (key, value) = fields[i];
            sb.Append("  ").Append(key).Append(" = ").Append(key == "month" ? value : "{" + value + "}").Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        sb.Append("}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The brief as one RIS record (type RPRT; CRLF line ends, as the RIS format specifies).</summary>
    public static byte[] Ris(BriefInfo brief, string? siteUrl)
    {
        var sb = new StringBuilder();
        void Tag(string tag, string value) => sb.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");
        Tag("TY", "RPRT");
        Tag("TI", brief.Title);
        foreach (var author in brief.Authors)
        {
            var n = Name(author.Name);
            Tag("AU", n.Literal ?? n.Family + ", " + n.Given);
        }

        if (brief.Date is { } date)
        {
            Tag("PY", date.Year.ToString("D4", CultureInfo.InvariantCulture));
            Tag("DA", date.Iso.Replace('-', '/'));
        }

        if (siteUrl is not null)
        {
            Tag("UR", siteUrl);
        }

        Tag("LA", brief.Language);
        sb.Append("ER  - \r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Highwire's date form for <c>citation_publication_date</c>: 2020/03/02, at the known precision.</summary>
    public static string? HighwireDate(BriefInfo brief) => brief.Date?.Iso.Replace('-', '/');

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static string Key(BriefInfo brief)
    {
        var lead = brief.Authors.Count > 0 ? Name(brief.Authors[0].Name) is var n && n.Family is { } f ? f : n.Literal! : brief.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "brief";
        var key = new string(lead.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return (key.Length > 0 ? key : "brief") + (brief.Date is { } d ? d.Year.ToString(CultureInfo.InvariantCulture) : "");
    }

    // Braces keep a title's capitals as written (BibTeX styles would lowercase them).
    private static string Braced(string title) => "{" + Escape(title) + "}";

    private static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in OneLine(text))
        {
            sb.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '^' => @"\^{}",
                '~' => @"\~{}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string OneLine(string text) => Markdown.PlainText.Squash(text);
}
