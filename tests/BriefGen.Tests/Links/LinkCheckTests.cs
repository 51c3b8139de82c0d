using BriefGen.Diagnostics;
using BriefGen.Links;
using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Links;

/// <summary><c>check --links</c>: external addresses asked with bounded concurrency, timeouts and a cache, against a server on 127.0.0.1 only.</summary>
public sealed class LinkCheckTests : IDisposable
{
    private static readonly LinkCheckOptions Fast = new() { Timeout = TimeSpan.FromMilliseconds(500), Concurrency = 4 };

    private readonly LocalHttpServer _server = new(new Dictionary<string, LocalHttpServer.Route>
    {
        ["/ok"] = new(200),
        ["/missing"] = new(404),
        ["/gone"] = new(410),
        ["/slow"] = new(200, Never: true),
        ["/moved"] = new(302, Location: "/ok"),
        ["/moved-away"] = new(301, Location: "/missing"),
        ["/no-head"] = new(200, HeadStatus: 405),
        ["/busy"] = new(429),
        ["/a"] = new(200, Delay: TimeSpan.FromMilliseconds(150)),
        ["/b"] = new(200, Delay: TimeSpan.FromMilliseconds(150)),
        ["/c"] = new(200, Delay: TimeSpan.FromMilliseconds(150)),
        ["/d"] = new(200, Delay: TimeSpan.FromMilliseconds(150)),
        ["/e"] = new(200, Delay: TimeSpan.FromMilliseconds(150)),
        ["/f"] = new(200, Delay: TimeSpan.FromMilliseconds(150)),
    });

    private readonly TestBrief _brief = new();

    public void Dispose()
    {
        _server.Dispose();
        _brief.Dispose();
    }

    private static ExternalLink Link(string url, int line) => new(url, new Location("content/pages/index.md", line, 1));

    private async Task<(IReadOnlyList<Diagnostic> Found, ExternalLinkCheck Check)> CheckAsync(IReadOnlyList<ExternalLink> links, LinkCheckOptions? options = null, TimeProvider? clock = null)
    {
        var bag = new DiagnosticBag();
        var check = new ExternalLinkCheck(options ?? Fast, clock);
        await check.RunAsync(links, ExternalLinkCheck.CacheFile(_brief.Root), bag, TestContext.Current.CancellationToken);
        return (bag.Sorted(), check);
    }

    [Fact]
    public async Task A_live_address_gives_nothing_and_a_404_or_410_is_a_dead_link_warning_where_it_is_written()
    {
        var (found, _) = await CheckAsync([Link(_server.Url("/ok"), 3), Link(_server.Url("/missing"), 4), Link(_server.Url("/gone"), 5)]);
        Assert.Equal(
        [
            $"content/pages/index.md(4,1): warning BG0600: dead link: {_server.Url("/missing")} answered 404 Not Found",
            $"content/pages/index.md(5,1): warning BG0600: dead link: {_server.Url("/gone")} answered 410 Gone",
        ], found.Select(d => d.ToString()));
    }

    [Fact]
    public async Task An_address_that_does_not_answer_in_time_is_unreachable_and_the_check_does_not_wait_for_it()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (found, _) = await CheckAsync([Link(_server.Url("/slow"), 7)]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var d = Assert.Single(found);
        Assert.Equal($"content/pages/index.md(7,1): warning BG0601: link could not be checked: {_server.Url("/slow")}: no answer within 0.5 s", d.ToString());
        Assert.Equal(1, _server.Requests("/slow"));
    }

    [Fact]
    public async Task A_refused_connection_is_unreachable()
    {
        var url = $"http://127.0.0.1:{LocalHttpServer.ClosedPort()}/x";
        var (found, _) = await CheckAsync([Link(url, 2)]);
        Assert.Equal($"content/pages/index.md(2,1): warning BG0601: link could not be checked: {url}: connection refused", Assert.Single(found).ToString());
    }

    [Fact]
    public async Task Redirects_are_followed_and_judged_by_where_they_end()
    {
        var (found, _) = await CheckAsync([Link(_server.Url("/moved"), 1), Link(_server.Url("/moved-away"), 2)]);
        var d = Assert.Single(found);
        Assert.Equal(DiagnosticCodes.DeadExternalLink, d.Code);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal(1, _server.Requests("/ok"));
    }

    [Fact]
    public async Task A_server_that_refuses_head_is_asked_with_get_and_429_is_not_reported()
    {
        var (found, _) = await CheckAsync([Link(_server.Url("/no-head"), 1), Link(_server.Url("/busy"), 2)]);
        Assert.Empty(found);
        Assert.Equal(2, _server.Requests("/no-head"));
    }

    [Fact]
    public async Task An_address_written_twice_is_asked_once_and_reported_at_both_places()
    {
        var (found, check) = await CheckAsync([Link(_server.Url("/missing"), 3), Link(_server.Url("/missing"), 9)]);
        Assert.Equal([3, 9], found.Select(d => d.Location.Line));
        Assert.Equal(1, check.Asked);
        Assert.Equal(2, _server.Requests("/missing")); // HEAD, then GET to confirm the error
    }

    [Fact]
    public async Task No_more_requests_are_in_flight_than_the_concurrency_allows()
    {
        var links = "abcdef".Select((c, i) => Link(_server.Url("/" + c), i + 1)).ToList();
        var (found, _) = await CheckAsync(links, Fast with { Concurrency = 2, Timeout = TimeSpan.FromSeconds(5) });
        Assert.Empty(found);
        Assert.InRange(_server.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task Live_results_are_cached_under_the_root_and_dead_ones_are_asked_again()
    {
        var clock = new SetClock(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        IReadOnlyList<ExternalLink> links = [Link(_server.Url("/ok"), 1), Link(_server.Url("/missing"), 2)];
        await CheckAsync(links, clock: clock);
        var cache = File.ReadAllText(Path.Combine(_brief.Root, ".briefgen", "links.json"));
        Assert.Contains("\"checked\": \"2026-01-05T12:00:00Z\"", cache, StringComparison.Ordinal);
        Assert.True(cache.IndexOf("/missing", StringComparison.Ordinal) < cache.IndexOf("/ok", StringComparison.Ordinal), "entries are sorted");

        clock.Now = clock.Now.AddDays(1);
        var (again, check) = await CheckAsync(links, clock: clock);
        Assert.Single(again);
        Assert.Equal(1, check.Asked);
        Assert.Equal(1, _server.Requests("/ok"));
        Assert.Equal(4, _server.Requests("/missing")); // asked again: HEAD and GET, twice

        clock.Now = clock.Now.AddDays(8);
        await CheckAsync(links, clock: clock);
        Assert.Equal(2, _server.Requests("/ok"));
    }

    [Fact]
    public async Task A_damaged_cache_is_an_empty_one()
    {
        _brief.Write(".briefgen/links.json", "{ not json");
        var (found, check) = await CheckAsync([Link(_server.Url("/ok"), 1)]);
        Assert.Empty(found);
        Assert.Equal(1, check.Asked);
    }

    [Fact]
    public void The_addresses_are_sources_urls_and_http_links_in_pages_at_their_line_and_column()
    {
        _brief.Write("content/sources.yml", $"""
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              URL: {_server.Url("/ok")}
              text: ../seeds/seed.txt
            """);
        _brief.Write("content/pages/index.md", $"""
            ---
            title: Home
            ---
            Welcome [@seed, ¶1]. See [the report]({_server.Url("/missing")}) and <{_server.Url("/gone")}>.

            Also [a reference][ref], [[second]], [a page](second/) and <mailto:someone@example.org>.

            [ref]: {_server.Url("/moved")}
            """);
        var content = new ContentLoader(new RootPaths(_brief.Root), new DiagnosticBag()).Load()!;
        var links = ExternalLinks.Collect(content, new RootPaths(_brief.Root), new MarkdownEngine());
        Assert.Equal(
        [
            $"content/pages/index.md(4,26) {_server.Url("/missing")}",
            $"content/pages/index.md(4,{26 + _server.Url("/missing").Length + 19}) {_server.Url("/gone")}",
            $"content/pages/index.md(6,6) {_server.Url("/moved")}",
            $"content/sources.yml(4,8) {_server.Url("/ok")}",
        ], links.Select(l => $"{l.At} {l.Url}"));
    }

    [Fact]
    public void Check_links_on_the_command_line_warns_of_a_dead_link_and_strict_fails()
    {
        _brief.Write("content/pages/second.md", $"---\ntitle: Second Page\n---\nSee [this]({_server.Url("/missing")}) and [that]({_server.Url("/ok")}).\n");
        var run = Tool.Dotnet(["check", "--links", "--root", _brief.Root]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"content/pages/second.md(4,5): warning BG0600: dead link: {_server.Url("/missing")} answered 404 Not Found", run.Stderr);
        Assert.DoesNotContain("/ok", run.Stderr);
        Assert.True(File.Exists(Path.Combine(_brief.Root, ".briefgen", "links.json")));

        var strict = Tool.Dotnet(["check", "--links", "--strict", "--root", _brief.Root]);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error BG0600", strict.Stderr);

        var without = Tool.Dotnet(["check", "--strict", "--root", _brief.Root]);
        Assert.Equal(0, without.ExitCode);
    }

    [Fact]
    public void Build_does_not_take_links()
    {
        var run = Tool.Dotnet(["build", "--links", "--root", _brief.Root]);
        Assert.Equal(2, run.ExitCode);
    }

    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
