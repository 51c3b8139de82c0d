using System.Diagnostics;

namespace BriefGen.Csl.Tests;

/// <summary>The API as BriefGen calls it, on the MPP brief's sources: notes in order with locators, the bibliography, author-suppressed and in-text cites.</summary>
public sealed class ProcessorTests(ITestOutputHelper output)
{
    internal static IReadOnlyList<CslItem> MppSources() =>
    [
        new CslItemBuilder("seed", "article-newspaper")
            .Set("title", "[News report on the Ninth Circuit's 2-1 ruling halting the Remain in Mexico policy]")
            .Set("title-short", "[Report on the MPP ruling]").Build(),
        new CslItemBuilder("innovation-law-lab-v-wolf", "legal_case")
            .Set("title", "Innovation Law Lab v. Wolf").Set("authority", "United States Court of Appeals for the Ninth Circuit")
            .Set("number", "19-15716").SetDate("issued", CslDate.Parse("2020-02-28")!).Set("container-title", "F.3d")
            .Set("volume", "951").Set("page", "1073")
            .Set("URL", "https://cdn.ca9.uscourts.gov/datastore/general/2020/02/28/19-15716_opinion.pdf").Build(),
        new CslItemBuilder("liptak-2020", "article-newspaper")
            .SetNames("author", [new CslName { Family = "Liptak", Given = "Adam" }])
            .Set("title", "Supreme Court allows 'remain in Mexico' policy to continue")
            .Set("container-title", "The New York Times").SetDate("issued", CslDate.Parse("2020-03-11")!).Build(),
    ];

    private static CslCitation Note(params CslCitationItem[] items) => new(items);

    [Fact]
    public void Chicago_shortened_notes_follow_first_subsequent_and_ibid()
    {
        var p = new CslProcessor(CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn("en-US"), MppSources());
        var notes = p.FormatCitations([
            Note(new CslCitationItem("liptak-2020")),
            Note(new CslCitationItem("innovation-law-lab-v-wolf") { Locator = "4", Label = "paragraph" }),
            Note(new CslCitationItem("innovation-law-lab-v-wolf") { Locator = "4", Label = "paragraph" }),
            Note(new CslCitationItem("innovation-law-lab-v-wolf") { Locator = "12", Label = "paragraph" }),
            Note(new CslCitationItem("liptak-2020") { Prefix = "see ", Locator = "2" }),
        ]);
        foreach (var n in notes) output.WriteLine(n.Text.ToPlainText());
        Assert.Equal([CslPosition.First, CslPosition.First, CslPosition.Ibid, CslPosition.IbidWithLocator, CslPosition.Subsequent],
            notes.Select(n => n.Positions[0]));
        Assert.Equal("Liptak, “Supreme Court Allows ‘Remain in Mexico’ Policy to Continue.”", notes[0].Text.ToPlainText());
        Assert.Equal("see Liptak, “Supreme Court Allows ‘Remain in Mexico’ Policy to Continue,” 2.", notes[4].Text.ToPlainText());
        Assert.StartsWith("<i>Innovation Law Lab v. Wolf</i>", notes[1].Text.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("¶ 4", notes[1].Text.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chicago_bibliography_is_sorted_with_links_and_escaped_html()
    {
        var p = new CslProcessor(CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn("en-US"), MppSources());
        var bib = p.FormatBibliography();
        foreach (var e in bib) output.WriteLine(e.Text.ToHtml());
        // Sorted by author, else title; a leading bracket does not count.
        Assert.Equal(["innovation-law-lab-v-wolf", "liptak-2020", "seed"], bib.Select(e => e.Id));
        var liptak = bib[1].Text;
        Assert.Equal("Liptak, Adam. “Supreme Court Allows ‘Remain in Mexico’ Policy to Continue.” <i>The New York Times</i>, March 11, 2020.", liptak.ToHtml());
        Assert.Contains("<a href=\"https://cdn.ca9.uscourts.gov/datastore/general/2020/02/28/19-15716_opinion.pdf\">", bib[0].Text.ToHtml(), StringComparison.Ordinal);
        Assert.Equal("<i>[News Report on the Ninth Circuit’s 2-1 Ruling Halting the Remain in Mexico Policy]</i>.", bib[2].Text.ToHtml());
    }

    [Fact]
    public void Apa_in_text_author_only_and_suppressed_author()
    {
        var p = new CslProcessor(CslStyle.BuiltIn("apa"), CslLocale.BuiltIn("en-US"), MppSources());
        var r = p.FormatCitations([
            new CslCitation([new CslCitationItem("liptak-2020")]),
            new CslCitation([new CslCitationItem("liptak-2020") { AuthorOnly = true }]),
            new CslCitation([new CslCitationItem("liptak-2020") { SuppressAuthor = true, Locator = "33" }]),
        ]);
        Assert.Equal("(Liptak, 2020)", r[0].Text.ToPlainText());
        Assert.Equal("Liptak", r[1].Text.ToPlainText());
        Assert.Equal("(2020, p. 33)", r[2].Text.ToPlainText());
    }

    [Fact]
    public void Measure_dll_size_and_time_for_the_mpp_notes_and_bibliography()
    {
        var dll = typeof(CslProcessor).Assembly.Location;
        output.WriteLine($"BriefGen.Csl.dll: {new FileInfo(dll).Length / 1024} KiB ({dll})");
        var sw = Stopwatch.StartNew();
        var style = CslStyle.BuiltIn(CslStyle.DefaultName);
        var locale = CslLocale.BuiltIn("en-US");
        var parse = sw.Elapsed;
        var p = new CslProcessor(style, locale, MppSources());
        var notes = p.FormatCitations(Enumerable.Range(0, 40).Select(k => Note(new CslCitationItem(k % 2 == 0 ? "seed" : "innovation-law-lab-v-wolf") { Locator = (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Label = "paragraph" })).ToArray());
        var bib = p.FormatBibliography();
        var total = sw.Elapsed;
        output.WriteLine($"style+locale parse: {parse.TotalMilliseconds:F0} ms; 40 notes + {bib.Count}-entry bibliography: {(total - parse).TotalMilliseconds:F0} ms (first run, JIT)");
        sw.Restart();
        var again = new CslProcessor(CslStyle.BuiltIn(CslStyle.DefaultName), CslLocale.BuiltIn("en-US"), MppSources());
        again.FormatCitations(Enumerable.Range(0, 40).Select(k => Note(new CslCitationItem("seed") { Locator = "1", Label = "paragraph" })).ToArray());
        again.FormatBibliography();
        output.WriteLine($"second run (parse, 40 notes, bibliography): {sw.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(40, notes.Count);
        Assert.Equal(3, bib.Count);
    }
}
