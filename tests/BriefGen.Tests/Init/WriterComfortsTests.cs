using System.Xml.Linq;
using AngleSharp.Html.Parser;
using BriefGen.Tests.Feed;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Init;

/// <summary>
/// End to end, as a writer does it: init a brief, add an image with a caption, tags, dates and site_url,
/// build it --strict with the tool, and find the figure, the tag pages and the feed in the site.
/// </summary>
public sealed class WriterComfortsTests : IDisposable
{
    private readonly string _brief = Path.Combine(Path.GetTempPath(), "briefgen-comforts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_brief))
        {
            Directory.Delete(_brief, true);
        }
    }

    [Fact]
    public void An_initialised_brief_with_an_image_tags_and_site_url_builds_strict_with_all_three()
    {
        Assert.Equal(0, Tool.Dotnet(["init", _brief, "--title", "Water rights"]).ExitCode);
        File.AppendAllText(Path.Combine(_brief, "content/brief.yml"), "site_url: https://example.org/water/\n");
        Directory.CreateDirectory(Path.Combine(_brief, "content/images"));
        File.WriteAllBytes(Path.Combine(_brief, "content/images/vote.png"), TestImages.Png(40, 30));
        var index = Path.Combine(_brief, "content/pages/index.md");
        var text = File.ReadAllText(index);
        text = text.Replace("---\ntitle:", "---\ndate: 2026-01-15\ntags: [council, water]\ntitle:", StringComparison.Ordinal)
               + "\n![Bar chart of the council's vote, five to two](../images/vote.png \"How the council voted\")\n";
        File.WriteAllText(index, text);

        var run = Tool.Dotnet(["build", "--strict", "--root", _brief, "--base-url", "/water/"],
            new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1768435200" });
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("0 errors, 0 warnings", run.Stdout);

        var site = Path.Combine(_brief, "_site");
        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        var figure = home.QuerySelector("main figure.image")!;
        Assert.Equal("/water/images/vote.png", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("How the council voted", figure.QuerySelector("figcaption")!.TextContent);
        Assert.True(File.Exists(Path.Combine(site, "images", "vote.png")));

        Assert.True(File.Exists(Path.Combine(site, "tags", "index.html")));
        var tag = File.ReadAllText(Path.Combine(site, "tags", "water", "index.html"));
        Assert.Contains("<a href=\"/water/\">Water rights</a>", tag);

        Assert.Contains("href=\"https://example.org/water/feed.xml\"", File.ReadAllText(Path.Combine(site, "index.html")));
        var feed = XDocument.Parse(File.ReadAllText(Path.Combine(site, "feed.xml"))).Root!;
        Assert.Empty(AtomRules.Violations(feed));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Elements(atom + "entry"));
        Assert.Equal("https://example.org/water/", entry.Element(atom + "id")!.Value);
        Assert.Equal("2026-01-15T00:00:00Z", entry.Element(atom + "published")!.Value);
    }
}
