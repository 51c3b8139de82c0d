using System.Text;
using System.Text.Json;

namespace BriefGen.Csl.Tests;

/// <summary>Runs a fixture the way the CSL test suite's runners do and prints the result in its form.</summary>
public static class FixtureRunner
{
    public static string Run(Fixture f)
    {
        var style = CslStyle.Parse(f.Csl);
        var locale = CslLocale.BuiltIn(style.DefaultLocale ?? "en-US");
        var items = CslItemReader.Read(f.Input);
        var p = new CslProcessor(style, locale, items);
        if (f.Mode == "bibliography")
        {
            if (f.Get("CITATION-ITEMS") is { } ci) p.FormatCitations(ReadCitationItems(ci));
            var sb = new StringBuilder("<div class=\"csl-bib-body\">\n");
            foreach (var e in p.FormatBibliography())
                sb.Append("  <div class=\"csl-entry\">").Append(e.Text.ToTestSuiteHtml()).Append("</div>\n");
            sb.Append("</div>");
            return sb.ToString();
        }
        if (f.Get("CITATIONS") is { } citations) return RunCitations(style, locale, items, citations);
        var list = f.Get("CITATION-ITEMS") is { } cis
            ? ReadCitationItems(cis)
            : [new CslCitation(items.Select(i => new CslCitationItem(i.Id)).ToArray())];
        return string.Join("\n", p.FormatCitations(list).Select(r => r.Text.ToTestSuiteHtml()));
    }

    private static IReadOnlyList<CslCitation> ReadCitationItems(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select((c, k) => new CslCitation(c.EnumerateArray().Select(ReadCite).ToArray())
        { NoteNumber = k + 1 }).ToArray();
    }

    private static CslCitationItem ReadCite(JsonElement e)
    {
        string? S(string n) => e.TryGetProperty(n, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
        bool B(string n) => e.TryGetProperty(n, out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.Number && v.GetRawText() != "0");
        return new CslCitationItem(S("id") ?? "")
        {
            Locator = S("locator"), Label = S("label") ?? "page", Prefix = S("prefix"), Suffix = S("suffix"),
            SuppressAuthor = B("suppress-author"), AuthorOnly = B("author-only"),
        };
    }

    /// <summary>CITATIONS: a sequence of edits; each inserts or replaces a citation between pre and post; print the final state, ">>" for those the last edit changed.</summary>
    private static string RunCitations(CslStyle style, CslLocale locale, IReadOnlyList<CslItem> items, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var defs = new Dictionary<string, (CslCitation Cit, int Note)>(StringComparer.Ordinal);
        List<string> order = [];
        Dictionary<string, string> previous = new(StringComparer.Ordinal);
        Dictionary<string, string> current = new(StringComparer.Ordinal);
        foreach (var step in doc.RootElement.EnumerateArray())
        {
            var arr = step.EnumerateArray().ToArray();
            var c = arr[0];
            var id = c.GetProperty("citationID").GetString()!;
            var note = c.TryGetProperty("properties", out var props) && props.TryGetProperty("noteIndex", out var ni) && ni.TryGetInt32(out var n) ? n : 0;
            var cites = c.GetProperty("citationItems").EnumerateArray().Select(ReadCite).ToArray();
            defs[id] = (new CslCitation(cites) { NoteNumber = note }, note);
            var pre = arr.Length > 1 ? arr[1].EnumerateArray().Select(x => x[0].GetString()!).ToList() : [];
            var post = arr.Length > 2 ? arr[2].EnumerateArray().Select(x => x[0].GetString()!).ToList() : [];
            if (arr.Length > 1)
            {
                foreach (var x in arr[1].EnumerateArray().Concat(arr[2].EnumerateArray()))
                    if (defs.TryGetValue(x[0].GetString()!, out var d) && x.GetArrayLength() > 1 && x[1].TryGetInt32(out var nn))
                        defs[x[0].GetString()!] = (d.Cit with { NoteNumber = nn }, nn);
            }
            order = [.. pre, id, .. post];
            var p = new CslProcessor(style, locale, items);
            var results = p.FormatCitations(order.Select(o => defs[o].Cit with { NoteNumber = defs[o].Note == 0 ? null : defs[o].Note }).ToArray());
            previous = current;
            current = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < order.Count; k++) current[order[k]] = results[k].Text.ToTestSuiteHtml();
            current["__last"] = id;
        }
        var sb = new List<string>();
        for (var k = 0; k < order.Count; k++)
        {
            var text = current[order[k]];
            var changed = order[k] == current["__last"] || !previous.TryGetValue(order[k], out var old) || old != text;
            sb.Add((changed ? ">>" : "..") + "[" + k + "] " + text);
        }
        return string.Join("\n", sb);
    }

    /// <summary>Line ends, trailing spaces, and the indentation citeproc-js puts between display blocks (whitespace between two tags) do not count.</summary>
    public static string Normalize(string s)
    {
        var t = string.Join("\n", s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n').Select(l => l.TrimEnd()));
        return System.Text.RegularExpressions.Regex.Replace(t, @"(<div class=""csl-(?:block|left-margin|right-inline|indent)"">|</div>)\s+(?=<div class=""csl-(?:block|left-margin|right-inline|indent)"">|</div>)|(<div class=""csl-entry"">)\s+(?=<div)", "$1$2");
    }
}
