using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BriefGen.Csl.Tests;

/// <summary>
/// Differential test against Pandoc's citeproc: the same references (<c>Data/differential-references.json</c>)
/// and citations, each built-in style, compared after whitespace and markup-spelling normalization.
/// Cases where Pandoc 2.17 departs from the style are listed, each with the style rule that decides it,
/// in <c>Data/pandoc-departures.txt</c>; they must still differ (a stale entry fails).
/// Skips without pandoc; fails under CI=true without it.
/// </summary>
public sealed partial class PandocDifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<string> Styles() => new(CslStyle.BuiltInNames);

    [Theory]
    [MemberData(nameof(Styles))]
    public void Style_output_matches_pandoc_citeproc(string styleName)
    {
        var pandoc = FindPandoc();
        if (pandoc is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("pandoc is required under CI (apt-get install -y pandoc), but it is not on PATH");
            Assert.Skip("pandoc is not installed (apt-get install -y pandoc); the differential test needs it");
        }
        var dataDir = Path.Combine(AppContext.BaseDirectory, "Data");
        var refsPath = Path.Combine(dataDir, "differential-references.json");
        var items = CslItemReader.Read(File.ReadAllText(refsPath));
        var style = CslStyle.BuiltIn(styleName);
        var citations = Citations(items);

        var ours = new CslProcessor(style, CslLocale.BuiltIn("en-US"), items);
        var ourCites = ours.FormatCitations(citations).Select(r => Normalize(r.Text.ToHtml())).ToList();
        var ourBib = ours.FormatBibliography().ToDictionary(e => e.Id, e => Normalize(e.Text.ToHtml()), StringComparer.Ordinal);

        var (theirCites, theirBib) = RunPandoc(pandoc, style, styleName, refsPath, citations);
        var departures = Departures(dataDir, styleName);
        var failures = new List<string>();
        var compared = 0;
        var identical = 0;
        void Compare(string where, string mine, string? theirs)
        {
            compared++;
            var listed = departures.Contains(where);
            var same = mine == theirs;
            if (same) identical++;
            if (!same && !listed) failures.Add($"{where}\n  ours:   {mine}\n  pandoc: {theirs}");
            if (same && listed) failures.Add($"{where} is listed in pandoc-departures.txt but now matches pandoc: remove it");
        }
        var kind = style.IsNoteStyle ? "note" : "cite";
        for (var k = 0; k < citations.Count; k++)
            Compare($"{kind}:{k + 1}", ourCites[k], theirCites.GetValueOrDefault(k + 1));
        foreach (var (id, text) in ourBib) Compare("bib:" + id, text, theirBib.GetValueOrDefault(id));
        output.WriteLine($"{styleName}: {identical} of {compared} outputs identical to pandoc; {departures.Count} listed departures");
        Assert.True(failures.Count == 0, $"{styleName}: {failures.Count} differences from pandoc --citeproc:\n" + string.Join("\n", failures));
    }

    /// <summary>Every item once (first), every item again (subsequent), then locators: same locator twice (ibid), another locator (ibid with locator), and an author-suppressed cite.</summary>
    internal static List<CslCitation> Citations(IReadOnlyList<CslItem> items)
    {
        var list = new List<CslCitation>();
        foreach (var i in items) list.Add(new CslCitation([new CslCitationItem(i.Id)]));
        foreach (var i in items) list.Add(new CslCitation([new CslCitationItem(i.Id)]));
        var a = items[0].Id;
        var b = items[12].Id;
        list.Add(new CslCitation([new CslCitationItem(a) { Locator = "12" }]));
        list.Add(new CslCitation([new CslCitationItem(a) { Locator = "12" }]));
        list.Add(new CslCitation([new CslCitationItem(a) { Locator = "15-18" }]));
        list.Add(new CslCitation([new CslCitationItem(b) { Locator = "3", Label = "chapter" }]));
        list.Add(new CslCitation([new CslCitationItem(items[16].Id), new CslCitationItem(items[17].Id)]));
        list.Add(new CslCitation([new CslCitationItem(items.First(i => i.Type == "legal_case").Id) { Locator = "4-6", Label = "paragraph" }]));
        list.Add(new CslCitation([new CslCitationItem(items[1].Id) { Locator = "2-3", Label = "section" }]));
        for (var k = 0; k < list.Count; k++) list[k] = list[k] with { NoteNumber = k + 1 };
        return list;
    }

    private static string Markdown(CslCitationItem c) =>
        "@" + c.Id + (c.Locator is null ? "" : ", " + c.Label switch { "chapter" => "chap. ", "paragraph" => "para. ", "section" => "sec. ", _ => "p. " } + c.Locator);

    private static (Dictionary<int, string> Cites, Dictionary<string, string> Bib) RunPandoc(string pandoc, CslStyle style,
        string styleName, string refsPath, List<CslCitation> citations)
    {
        var dir = Directory.CreateTempSubdirectory("briefgen-csl-diff-");
        try
        {
            var csl = Path.Combine(dir.FullName, styleName + ".csl");
            File.WriteAllText(csl, CslStyle.BuiltInXml(styleName));
            var md = new StringBuilder();
            for (var k = 0; k < citations.Count; k++)
                md.Append('C').Append(k + 1).Append(" [").Append(string.Join("; ", citations[k].Items.Select(Markdown))).Append("] ZZ\n\n");
            var mdPath = Path.Combine(dir.FullName, "doc.md");
            File.WriteAllText(mdPath, md.ToString());
            var psi = new ProcessStartInfo(pandoc)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                ArgumentList = { "--citeproc", "--csl", csl, "--bibliography", refsPath, "-M", "lang=en-US", "-t", "html", "--wrap=none", mdPath },
            };
            using var p = Process.Start(psi)!;
            var html = p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "pandoc failed: " + err);
            var cites = new Dictionary<int, string>();
            if (style.IsNoteStyle)
                foreach (Match m in FootnoteRx().Matches(html))
                    cites[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = Normalize(m.Groups[2].Value);
            else
                foreach (Match m in InTextRx().Matches(html))
                    cites[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = Normalize(SpanRx().Replace(m.Groups[2].Value, "$1"));
            var bib = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in BibRx().Matches(html)) bib[m.Groups[1].Value] = Normalize(m.Groups[2].Value);
            return (cites, bib);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static HashSet<string> Departures(string dataDir, string style) =>
        File.ReadAllLines(Path.Combine(dataDir, "pandoc-departures.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 3 && f[0] == style)
            .Select(f => f[1]).ToHashSet(StringComparer.Ordinal);

    /// <summary>One spelling for both outputs: Pandoc's em/strong/smallcaps as i/b/small-caps span, no links, entities decoded, whitespace collapsed.</summary>
    internal static string Normalize(string html)
    {
        var s = html.Replace("<em>", "<i>", StringComparison.Ordinal).Replace("</em>", "</i>", StringComparison.Ordinal)
            .Replace("<strong>", "<b>", StringComparison.Ordinal).Replace("</strong>", "</b>", StringComparison.Ordinal)
            .Replace("<span class=\"smallcaps\">", "<span style=\"font-variant:small-caps;\">", StringComparison.Ordinal);
        s = LinkRx().Replace(s, "");
        while (BareSpanRx().IsMatch(s)) s = BareSpanRx().Replace(s, "$1");
        s = WebUtility.HtmlDecode(s).Replace('\u00A0', ' ');
        return WhitespaceRx().Replace(s, " ").Trim();
    }

    private static string? FindPandoc()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var f = Path.Combine(dir, "pandoc");
            if (File.Exists(f)) return f;
        }
        return null;
    }

    [GeneratedRegex("<li id=\"fn(\\d+)\"[^>]*><p>(.*?)<a href=\"#fnref\\d+\" class=\"footnote-back\"", RegexOptions.Singleline)]
    private static partial Regex FootnoteRx();

    [GeneratedRegex("<p>C(\\d+) (.*?) ZZ</p>", RegexOptions.Singleline)]
    private static partial Regex InTextRx();

    [GeneratedRegex("^<span class=\"citation\" data-cites=\"[^\"]*\">(.*)</span>$", RegexOptions.Singleline)]
    private static partial Regex SpanRx();

    [GeneratedRegex("<div id=\"ref-([^\"]+)\" class=\"csl-entry\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex BibRx();

    [GeneratedRegex("</?a\\b[^>]*>")]
    private static partial Regex LinkRx();

    [GeneratedRegex("<span>((?:(?!<span)(?!</span>).)*)</span>", RegexOptions.Singleline)]
    private static partial Regex BareSpanRx();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespaceRx();
}
