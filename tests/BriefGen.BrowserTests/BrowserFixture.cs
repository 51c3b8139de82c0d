using BriefGen.Build;
using Microsoft.Playwright;

namespace BriefGen.BrowserTests;

/// <summary>
/// Builds the MPP brief with base URL /repo/, serves it from 127.0.0.1 and starts Debian's Chromium
/// through Playwright (never a downloaded browser). Without Chromium the tests skip on a developer
/// machine and fail under CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public string SiteDir { get; } = Path.Combine(Path.GetTempPath(), "briefgen-browser-" + Guid.NewGuid().ToString("N"));

    public SiteServer? Server { get; private set; }

    public IBrowser? Browser { get; private set; }

    public string? Unavailable { get; private set; }

    public IReadOnlyList<string> SitePaths { get; private set; } = [];

    public static string RepoRoot { get; } = FindRoot();

    public static string ArtifactsDir { get; } = Path.Combine(RepoRoot, "TestResults", "screenshots");

    /// <summary>The brief under test: the MPP fixture under tests/, not the repository's content/, so a fork stays green.</summary>
    public static string BriefRoot { get; } = Path.Combine(RepoRoot, "tests", "BriefGen.Tests", "Fixtures", "Briefs", "mpp");

    public async ValueTask InitializeAsync()
    {
        var result = new Builder(new BuildOptions { Root = BriefRoot, OutDir = SiteDir, BaseUrl = "/repo/", Strict = true }).Build();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the MPP fixture brief did not build:\n" + string.Join("\n", result.Diagnostics));
        }

        SitePaths = result.Written.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Server = new SiteServer(SiteDir, "/repo/");

        if (!File.Exists(Chromium))
        {
            Unavailable = $"Chromium is not installed at {Chromium} (apt-get install chromium)";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The browser, or a skip (a failure under CI) when there is none.</summary>
    public IBrowser Require()
    {
        if (Browser is not null)
        {
            return Browser;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"browser tests must run under CI: {Unavailable}");
        }

        Assert.Skip(Unavailable ?? "no browser");
        throw new InvalidOperationException("unreachable");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Server?.Dispose();
        if (Directory.Exists(SiteDir))
        {
            Directory.Delete(SiteDir, true);
        }
    }

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BriefGen.sln")))
        {
            dir = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dir));
        }

        return dir ?? throw new InvalidOperationException("BriefGen.sln not found");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
