using Microsoft.Playwright;

namespace BriefGen.BrowserTests;

/// <summary>What a reader does with the brief in a real browser, served as GitHub Pages would under /repo/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderTests(BrowserFixture site)
{
    private async Task<IPage> Open(string path, int width = 1280, bool javaScript = true)
    {
        var context = await site.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server!.Url(path));
        return page;
    }

    [Fact]
    public async Task Clicking_a_citation_mark_goes_to_its_note()
    {
        var page = await Open("the-ruling/");
        var mark = page.Locator("sup.cite a").First;
        var target = await mark.GetAttributeAsync("href");
        await mark.ClickAsync();
        Assert.EndsWith(target!, page.Url);
        Assert.True(await page.Locator(target!).IsVisibleAsync());
        // Chicago writes a paragraph locator "para. 4".
        Assert.Matches(@"para\. \d+", await page.Locator(target + " .note-text").InnerTextAsync());
    }

    [Fact]
    public async Task Focusing_a_mark_shows_its_note_and_escape_closes_it()
    {
        var page = await Open("the-ruling/");
        var mark = page.Locator("sup.cite a").First;
        await mark.FocusAsync();
        var popover = page.Locator(".note-popover");
        await popover.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("¶", await popover.InnerTextAsync());
        Assert.Equal("note-popover", await mark.GetAttributeAsync("aria-describedby"));

        await page.Keyboard.PressAsync("Escape");
        await popover.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await page.Locator(".note-popover").CountAsync());
    }

    [Fact]
    public async Task Hovering_a_mark_shows_a_popover_that_can_itself_be_hovered()
    {
        var page = await Open("government-position/");
        var mark = page.Locator("sup.cite a").First;
        await mark.HoverAsync();
        var popover = page.Locator(".note-popover");
        await popover.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await popover.HoverAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.True(await popover.IsVisibleAsync());
    }

    [Fact]
    public async Task A_back_link_returns_to_the_mark()
    {
        var page = await Open("the-ruling/");
        var back = page.Locator(".notes .backlinks a").First;
        var mark = (await back.GetAttributeAsync("href"))!;
        await back.ClickAsync();
        Assert.EndsWith(mark, page.Url);
        Assert.True(await page.Locator(mark).IsVisibleAsync());
        Assert.True(await page.Locator(mark).EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }"));
    }

    [Fact]
    public async Task Mentioned_in_lands_on_the_section_that_links_the_entity()
    {
        var page = await Open("entities/mark-morgan/");
        var links = page.Locator(".mentioned-in a");
        Assert.True(await links.CountAsync() > 0);
        var href = (await links.First.GetAttributeAsync("href"))!;
        await links.First.ClickAsync();
        await page.WaitForURLAsync("**" + href);
        var hash = new Uri(page.Url).Fragment;
        if (hash.Length > 1)
        {
            var heading = page.Locator(hash);
            Assert.Equal("H2", await heading.EvaluateAsync<string>("e => e.tagName"));
            var section = await heading.InnerTextAsync();
            var linksInSection = await page.EvaluateAsync<bool>(
                "id => { let n = document.getElementById(id).nextElementSibling; while (n && !/^H[12]$/.test(n.tagName)) { if (n.querySelector('a[href$=\"/entities/mark-morgan/\"]')) return true; n = n.nextElementSibling; } return false; }",
                hash[1..]);
            Assert.True(linksInSection, $"no link to Mark Morgan in section '{section}'");
        }
    }

    [Fact]
    public async Task Search_finds_refoulement()
    {
        var page = await Open("search/");
        await page.FillAsync("#search-input", "refoulement");
        var results = page.Locator("#search-results li");
        await results.First.WaitForAsync();
        Assert.True(await results.CountAsync() >= 3);
        Assert.Contains("results for", await page.Locator("#search-status").InnerTextAsync());
        var first = (await results.First.Locator("a").GetAttributeAsync("href"))!;
        Assert.StartsWith("/repo/", first);
    }

    [Fact]
    public async Task The_brief_reads_without_javascript()
    {
        var page = await Open("government-position/", javaScript: false);
        Assert.True(await page.Locator("figure.quote-box").CountAsync() > 0);
        Assert.True(await page.Locator(".notes li").CountAsync() > 0);
        var mark = page.Locator("sup.cite a").First;
        var href = await mark.GetAttributeAsync("href");
        await mark.ClickAsync();
        Assert.EndsWith(href!, page.Url);
    }

    [Fact]
    public async Task Every_page_loads_without_console_errors_or_failed_requests()
    {
        var context = await site.Require().NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add($"{page.Url}: console error: {m.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add($"{page.Url}: page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"{page.Url}: request failed: {r.Url}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.EndsWith("/repo/404.html", StringComparison.Ordinal))
            {
                problems.Add($"{page.Url}: {r.Status} for {r.Url}");
            }
        };

        foreach (var path in site.SitePaths.Where(p => p != "404.html"))
        {
            await page.GotoAsync(site.Server!.Url(path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.True(site.SitePaths.Count > 30, $"only {site.SitePaths.Count} pages");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_missing_path_gets_the_404_page_with_working_links()
    {
        var context = await site.Require().NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.Server!.Url("no/such/page/"));
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        await page.Locator("main a").First.ClickAsync();
        await page.WaitForURLAsync(site.Server.Url());
        Assert.Contains("Remain in Mexico", await page.TitleAsync());
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Screenshots_of_every_page_kind(int width)
    {
        Directory.CreateDirectory(BrowserFixture.ArtifactsDir);
        foreach (var (name, path) in PageKinds.All)
        {
            var page = await Open(path, width);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways at {width} px");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ArtifactsDir, $"{name}-{width}.png"),
                FullPage = false,
            });
            await page.Context.CloseAsync();
        }

        Assert.True(File.Exists(Path.Combine(BrowserFixture.ArtifactsDir, $"home-{width}.png")));
    }
}

/// <summary>One page of each kind the site has.</summary>
public static class PageKinds
{
    public static readonly (string Name, string Path)[] All =
    [
        ("home", ""), ("page", "government-position/"), ("entities", "entities/"), ("entity", "entities/mark-morgan/"),
        ("timeline", "timeline/"), ("quotes", "quotes/"), ("figures", "figures/"), ("sources", "sources/"),
        ("source", "sources/seed/"), ("search", "search/"), ("print", "print/"), ("not-found", "404.html"),
    ];
}
