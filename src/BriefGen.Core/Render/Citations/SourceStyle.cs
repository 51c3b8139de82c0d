using System.Text;
using BriefGen.Markdown.Citations;
using BriefGen.Model;

namespace BriefGen.Render.Citations;

/// <summary>
/// Formats sources in Chicago style (notes and bibliography, 17th ed.), as HTML. Titles in
/// square brackets are descriptive titles of untitled items and are neither quoted nor italicized.
/// </summary>
public static class SourceStyle
{
    // Titles of parts (articles, chapters, pages) are quoted; titles of whole works are italic.
    private static readonly HashSet<string> QuotedTypes = new(StringComparer.Ordinal)
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "chapter", "entry", "entry-dictionary",
        "entry-encyclopedia", "paper-conference", "post", "post-weblog", "review", "review-book", "song", "speech",
        "webpage", "interview", "personal_communication",
    };

    /// <summary>A short note: <c>Author, "Short Title," ¶4.</c></summary>
    public static string ShortNote(Source source, CitationItem item)
    {
        var sb = new StringBuilder();
        if (item.Prefix.Length > 0)
        {
            sb.Append(Html.Escape(Capitalize(item.Prefix))).Append(' ');
        }

        var names = FamilyNames(source);
        if (names.Length > 0)
        {
            sb.Append(Html.Escape(names)).Append(", ");
        }

        var title = Title(source, source.Get("title-short") ?? source.Get("title") ?? source.Id);
        var locator = item.Locator.Display;
        var tail = new List<string>();
        if (locator.Length > 0)
        {
            tail.Add(Html.Escape(locator));
        }

        if (item.Suffix.Length > 0)
        {
            tail.Add(Html.Escape(item.Suffix));
        }

        // Chicago puts the comma inside closing quotation marks.
        if (tail.Count > 0)
        {
            sb.Append(title.EndsWith("”", StringComparison.Ordinal) ? title[..^1] + ",”" : title + ",");
            sb.Append(' ').Append(string.Join(", ", tail));
        }
        else
        {
            sb.Append(title.EndsWith("”", StringComparison.Ordinal) ? title[..^1] + ".”" : title);
        }

        var text = sb.ToString();
        return text.EndsWith('.') || text.EndsWith(".”", StringComparison.Ordinal) ? text : text + ".";
    }

    /// <summary>A full bibliography entry.</summary>
    public static string Bibliography(Source source)
    {
        var parts = new List<string>();
        var authors = Authors(source);
        if (authors.Length > 0)
        {
            parts.Add(Html.Escape(authors.TrimEnd('.')) + ".");
        }

        var title = Title(source, source.Get("title") ?? source.Id);
        if (source.Get("type") == "legal_case")
        {
            // Cases: Name, volume reporter page (court year).
            var reporter = string.Join(" ", new[] { source.Get("volume"), source.Get("container-title"), source.Get("page") }
                .Where(x => !string.IsNullOrEmpty(x)).Select(x => Html.Escape(x!)));
            var court = string.Join(" ", new[] { source.Get("authority"), (source.GetValue("issued") as PartialDate?)?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Where(x => !string.IsNullOrEmpty(x)).Select(x => Html.Escape(x!)));
            var line = title + (reporter.Length > 0 ? ", " + reporter : "") + (court.Length > 0 ? $" ({court})" : "");
            if (source.Get("number") is { } number)
            {
                line += ", No. " + Html.Escape(number);
            }

            parts.Add(line + ".");
        }
        else
        {
            parts.Add(title.EndsWith("”", StringComparison.Ordinal) ? title[..^1] + ".”" : title.TrimEnd('.') + ".");
            var container = new List<string>();
            if (source.Get("container-title") is { } c)
            {
                container.Add("<i>" + Html.Escape(c) + "</i>");
            }

            foreach (var key in new[] { "publisher", "publisher-place" })
            {
                if (source.Get(key) is { } v)
                {
                    container.Add(Html.Escape(v));
                }
            }

            if (source.GetValue("issued") is PartialDate issued)
            {
                container.Add(Html.Escape(issued.Display));
            }

            if (container.Count > 0)
            {
                parts.Add(string.Join(", ", container) + ".");
            }
        }

        if (source.GetValue("accessed") is PartialDate accessed)
        {
            parts.Add("Accessed " + Html.Escape(accessed.Display) + ".");
        }

        if (source.Get("URL") is { } url)
        {
            parts.Add($"<a href=\"{Html.Escape(url)}\">{Html.Escape(url)}</a>.");
        }

        return string.Join(" ", parts);
    }

    /// <summary>Bibliography order: first author's family name (or the title), then title, ordinal.</summary>
    public static string SortKey(Source source)
    {
        var lead = FirstNames(source).FirstOrDefault() ?? "";
        var title = (source.Get("title") ?? source.Id).TrimStart('[', '"', '“', '\'');
        return (lead.Length > 0 ? lead : title).ToUpperInvariant() + "\u0000" + title.ToUpperInvariant();
    }

    private static string Title(Source source, string title)
    {
        if (title.StartsWith('[') && title.EndsWith(']'))
        {
            return Html.Escape(title);
        }

        var type = source.Get("type") ?? "";
        return QuotedTypes.Contains(type) ? "“" + Html.Escape(title) + "”" : "<i>" + Html.Escape(title) + "</i>";
    }

    private static IEnumerable<string> FirstNames(Source source) =>
        Names(source).Select(n => Get(n, "family") ?? Get(n, "literal") ?? "").Where(n => n.Length > 0);

    private static string FamilyNames(Source source)
    {
        var names = FirstNames(source).ToList();
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            3 => $"{names[0]}, {names[1]}, and {names[2]}",
            _ => $"{names[0]} et al.",
        };
    }

    private static string Authors(Source source)
    {
        var names = Names(source).ToList();
        var formatted = names.Select((n, i) =>
        {
            if (Get(n, "literal") is { } literal)
            {
                return literal;
            }

            var family = Get(n, "family") ?? "";
            var given = Get(n, "given");
            return given is null ? family : i == 0 ? $"{family}, {given}" : $"{given} {family}";
        }).ToList();
        return formatted.Count switch
        {
            0 => "",
            1 => formatted[0],
            2 => $"{formatted[0]}, and {formatted[1]}",
            _ => string.Join(", ", formatted.Take(formatted.Count - 1)) + ", and " + formatted[^1],
        };
    }

    private static IEnumerable<IReadOnlyList<KeyValuePair<string, object>>> Names(Source source) =>
        (source.GetValue("author") ?? source.GetValue("editor")) is List<object> list
            ? list.OfType<IReadOnlyList<KeyValuePair<string, object>>>()
            : [];

    private static string? Get(IReadOnlyList<KeyValuePair<string, object>> name, string part) =>
        name.FirstOrDefault(kv => kv.Key == part).Value as string;

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Plain-text title for &lt;title&gt;, links and search.</summary>
    public static string PlainTitle(Source source) => source.Get("title") ?? source.Id;
}
