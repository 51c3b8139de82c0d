using System.Xml.Linq;
using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Feed;

/// <summary>SPEC §5: /feed.xml, an Atom feed of the pages by date, when site_url is set.</summary>
public sealed class AtomFeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly TestBrief _brief = new();

    public AtomFeedTests()
    {
        _brief.Write("content/brief.yml", """
            title: Test Brief
            subtitle: Pages for the feed
            summary: A brief for tests.
            site_url: https://example.org/brief/
            authors: [{ name: Ada Okafor }]
            license: CC-BY-4.0
            nav: [index, second]
            """);
        _brief.Write("content/pages/index.md", "---\ntitle: Home\ndate: 2020-03-01\n---\nWelcome to the brief [@seed, ¶1].\n");
        _brief.Write("content/pages/second.md", "---\ntitle: Second & Last\nsummary: What the court held [@seed, ¶1].\ndate: 2020-03-02\nupdated: 2020-03-05\ntags: [courts]\n---\nSome text.\n");
    }

    public void Dispose() => _brief.Dispose();

    private XDocument Feed(long? epoch = null)
    {
        var result = new Builder(_brief.Options(strict: true) with { SourceDateEpoch = epoch }).Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        return XDocument.Parse(_brief.ReadOutput("feed.xml"));
    }

    [Fact]
    public void There_is_no_feed_without_site_url()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.DoesNotContain("feed.xml", result.Written);
        Assert.False(File.Exists(Path.Combine(_brief.OutDir, "feed.xml")));
        Assert.DoesNotContain("application/atom+xml", _brief.ReadOutput("index.html"));
    }

    [Fact]
    public void The_feed_is_atom_with_the_briefs_title_author_and_links()
    {
        var feed = Feed().Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://example.org/brief/", feed.Element(Atom + "id")!.Value);
        Assert.Equal("Test Brief", feed.Element(Atom + "title")!.Value);
        Assert.Equal("Pages for the feed", feed.Element(Atom + "subtitle")!.Value);
        Assert.Equal("Ada Okafor", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("CC-BY-4.0", feed.Element(Atom + "rights")!.Value);
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("https://example.org/brief/feed.xml", (string?)self.Attribute("href"));
        Assert.Empty(AtomRules.Violations(feed));
    }

    [Fact]
    public void A_brief_without_authors_is_the_feeds_author_so_the_feed_stays_valid()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nsite_url: https://example.org/brief/\nnav: [index, second]\n");
        var feed = Feed().Root!;
        Assert.Equal("Test Brief", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Empty(AtomRules.Violations(feed));
    }

    [Fact]
    public void Entries_are_newest_first_with_their_front_matter_dates()
    {
        var feed = Feed().Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["Second & Last", "Home"], entries.Select(e => e.Element(Atom + "title")!.Value).ToArray());
        var second = entries[0];
        Assert.Equal("https://example.org/brief/second/", second.Element(Atom + "id")!.Value);
        Assert.Equal("2020-03-02T00:00:00Z", second.Element(Atom + "published")!.Value);
        Assert.Equal("2020-03-05T00:00:00Z", second.Element(Atom + "updated")!.Value);
        Assert.Equal("What the court held.", second.Element(Atom + "summary")!.Value);
        Assert.Equal("courts", (string?)second.Element(Atom + "category")!.Attribute("term"));
        Assert.Equal("2020-03-01T00:00:00Z", entries[1].Element(Atom + "updated")!.Value);
        Assert.Equal("2020-03-05T00:00:00Z", feed.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void A_page_without_dates_is_dated_by_source_date_epoch_and_the_feed_is_the_same_bytes_each_build()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome to the brief [@seed, ¶1].\n");
        var home = Feed(epoch: 1583712000).Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == "Home");
        Assert.Equal("2020-03-09T00:00:00Z", home.Element(Atom + "updated")!.Value);
        Assert.Null(home.Element(Atom + "published"));
        var first = _brief.ReadOutput("feed.xml");
        Feed(epoch: 1583712000);
        Assert.Equal(first, _brief.ReadOutput("feed.xml"));
    }

    [Fact]
    public void Every_page_head_points_to_the_feed()
    {
        Feed();
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Brief\" href=\"https://example.org/brief/feed.xml\">", _brief.ReadOutput("second/index.html"));
    }

    [Fact]
    public void A_page_shows_its_date_and_when_it_was_updated()
    {
        Feed();
        Assert.Contains("<p class=\"page-dates\"><time datetime=\"2020-03-02\">March 2, 2020</time>; updated <time datetime=\"2020-03-05\">March 5, 2020</time></p>",
            _brief.ReadOutput("second/index.html"));
    }

    [Fact]
    public void A_front_matter_date_that_is_no_date_is_one_error_at_its_value_and_the_page_stays()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\nupdated: March 5\n---\nSome text.\n");
        var result = _brief.Check();
        var d = TestBrief.Single(result, DiagnosticCodes.BadDate);
        Assert.Equal(new Location("content/pages/second.md", 3, 10), d.Location);
        Assert.DoesNotContain(result.Diagnostics, x => x.Code is DiagnosticCodes.UnknownNavPage);
    }
}

/// <summary>The RFC 4287 rules a feed reader relies on, checked element by element (§4.1.1, §4.1.2, §4.2).</summary>
public static class AtomRules
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IReadOnlyList<string> Violations(XElement feed)
    {
        var found = new List<string>();
        void Exactly(XElement e, string name, string where)
        {
            if (e.Elements(Atom + name).Count() != 1)
            {
                found.Add($"{where} must have exactly one atom:{name}");
            }
        }

        void Stamps(XElement e, string where)
        {
            foreach (var name in new[] { "updated", "published" })
            {
                foreach (var stamp in e.Elements(Atom + name))
                {
                    if (!System.Text.RegularExpressions.Regex.IsMatch(stamp.Value, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"))
                    {
                        found.Add($"{where} atom:{name} '{stamp.Value}' is not an RFC 3339 date-time");
                    }
                }
            }
        }

        void AbsoluteId(XElement e, string where)
        {
            if (e.Element(Atom + "id") is { } id && !Uri.TryCreate(id.Value, UriKind.Absolute, out _))
            {
                found.Add($"{where} atom:id '{id.Value}' is not an absolute IRI");
            }
        }

        foreach (var name in new[] { "id", "title", "updated" })
        {
            Exactly(feed, name, "feed");
        }

        Stamps(feed, "feed");
        AbsoluteId(feed, "feed");
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name") is not null);
        foreach (var (entry, i) in feed.Elements(Atom + "entry").Select((e, i) => (e, i)))
        {
            var where = $"entry {i + 1}";
            foreach (var name in new[] { "id", "title", "updated" })
            {
                Exactly(entry, name, where);
            }

            Stamps(entry, where);
            AbsoluteId(entry, where);
            if (!feedHasAuthor && !entry.Elements(Atom + "author").Any())
            {
                found.Add($"{where} has no author and neither has the feed");
            }

            if (entry.Element(Atom + "content") is null && !entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"))
            {
                found.Add($"{where} has neither content nor an alternate link");
            }
        }

        return found;
    }
}
