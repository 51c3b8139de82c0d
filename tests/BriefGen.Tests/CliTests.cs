using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §4: commands, exit codes, diagnostics and the summary line, run as a user runs them.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void Build_exits_0_writes_the_site_and_prints_one_summary_line()
    {
        var run = Tool.Dotnet(["build", "--root", _brief.Root]);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "index.html")));
        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^Built into .*: 2 pages, \d+ citations, quotes \d+/\d+ verified, figures \d+/\d+ verified, 0 errors, 0 warnings in \d+ ms$", line);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Broken_yaml_exits_1_with_a_located_error_and_keeps_the_old_site()
    {
        Assert.Equal(0, Tool.Dotnet(["build", "--root", _brief.Root]).ExitCode);
        var before = Tool.Tree(_brief.OutDir);
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second\n");

        var run = Tool.Dotnet(["build", "--root", _brief.Root]);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^content/brief\.yml\(3,1\): error BG0001: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.StartsWith("Failed: ", run.Stdout);
        var after = Tool.Tree(_brief.OutDir);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void Check_reports_without_writing()
    {
        var run = Tool.Dotnet(["check", "--root", _brief.Root, "--strict"]);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Checked: 2 pages", run.Stdout);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Theory]
    [InlineData("build", "--no-such-flag")]
    [InlineData("frobnicate")]
    [InlineData("build", "--root")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = Tool.Dotnet(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("briefgen --help", run.Stderr);
    }

    [Fact]
    public void A_missing_root_is_a_usage_error()
    {
        var run = Tool.Dotnet(["build", "--root", Path.Combine(_brief.Root, "nowhere")]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr);
    }

    [Fact]
    public void Quiet_prints_only_diagnostics()
    {
        var run = Tool.Dotnet(["build", "--root", _brief.Root, "--quiet"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Out_and_base_url_flags_are_honoured()
    {
        var outDir = Path.Combine(_brief.Root, "public");
        var run = Tool.Dotnet(["build", "--root", _brief.Root, "--out", outDir, "--base-url", "/repo/"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("href=\"/repo/assets/site.css\"", File.ReadAllText(Path.Combine(outDir, "index.html")));
    }

    [Fact]
    public void Under_github_actions_diagnostics_are_also_annotations()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText <b>bold</b>.\n");
        var run = Tool.Dotnet(["build", "--root", _brief.Root], new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("::warning file=content/pages/second.md,line=4,col=6,title=BG0012::raw HTML", run.Stdout);
    }
}
