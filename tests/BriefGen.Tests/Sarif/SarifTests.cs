using System.Text.Json;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Sarif;

/// <summary><c>check --sarif FILE</c> and <c>build --sarif FILE</c>: the run's diagnostics as SARIF 2.1.0, for GitHub code scanning.</summary>
public sealed class SarifTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private string SarifFile => Path.Combine(_brief.Root, "out", "briefgen.sarif");

    private JsonElement Read()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SarifFile));
        var log = doc.RootElement.Clone();
        SarifShape.AssertValid(log);
        return log;
    }

    private static (string Path, int Line, int Column, string Level, string Code, string Message) Parse(string line)
    {
        var m = System.Text.RegularExpressions.Regex.Match(line, @"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<level>error|warning) (?<code>BG\d{4}): (?<message>.*)$");
        Assert.True(m.Success, line);
        return (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["level"].Value, m.Groups["code"].Value, m.Groups["message"].Value);
    }

    private void WriteFaultyBrief()
    {
        _brief.Write("content/pages/second.md", """
            ---
            title: Second Page
            ---
            The ruling [[no-such-thing]] was <b>bold</b>.

            > “The policy is valid in part.”
            > — [[judge]], in the ruling [@seed, ¶1]
            """);
        _brief.Write("content/entities.yml", "- id: judge\n  name: The Judge\n  kind: person\n");
    }

    [Fact]
    public void Check_sarif_holds_every_diagnostic_at_the_same_file_line_and_column_as_the_console()
    {
        WriteFaultyBrief();
        var run = Tool.Dotnet(["check", "--root", _brief.Root, "--sarif", SarifFile]);
        Assert.Equal(1, run.ExitCode);
        var console = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        Assert.Contains(console, d => d.Code == "BG0201");
        Assert.Contains(console, d => d.Code == "BG0301");
        Assert.Contains(console, d => d.Code == "BG0012");

        var runLog = Read().GetProperty("runs")[0];
        var results = runLog.GetProperty("results").EnumerateArray().Select(r =>
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = physical.GetProperty("region");
            return (Path: physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                Line: region.GetProperty("startLine").GetInt32(), Column: region.GetProperty("startColumn").GetInt32(),
                Level: r.GetProperty("level").GetString()!, Code: r.GetProperty("ruleId").GetString()!,
                Message: r.GetProperty("message").GetProperty("text").GetString()!);
        }).ToList();
        Assert.Equal(console, results);

        // Every result's file is where the root-relative URI says.
        var root = new Uri(runLog.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!);
        Assert.Equal(Path.GetFullPath(_brief.Root) + Path.DirectorySeparatorChar, root.LocalPath);
        Assert.All(results, r => Assert.True(File.Exists(new Uri(root, r.Path).LocalPath), r.Path));
    }

    [Fact]
    public void There_is_one_rule_per_code_used_described_as_docs_diagnostics_md_describes_it()
    {
        WriteFaultyBrief();
        Tool.Dotnet(["check", "--root", _brief.Root, "--sarif", SarifFile]);
        var driver = Read().GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("BriefGen", driver.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", driver.GetProperty("version").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        Assert.Equal(["BG0012", "BG0201", "BG0301"], rules.Keys);
        Assert.Equal("[[id]] names nothing", rules["BG0301"].GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("error", rules["BG0301"].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("warning", rules["BG0012"].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.StartsWith("raw HTML in Markdown while allow_html is false", rules["BG0012"].GetProperty("shortDescription").GetProperty("text").GetString());
    }

    [Fact]
    public void Under_strict_every_result_is_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nText <b>x</b>.\n");
        var run = Tool.Dotnet(["check", "--strict", "--root", _brief.Root, "--sarif", SarifFile]);
        Assert.Equal(1, run.ExitCode);
        var results = Read().GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count); // <b> and </b>
        Assert.All(results, r => Assert.Equal("error", r.GetProperty("level").GetString()));
        Assert.All(results, r => Assert.Equal("BG0012", r.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void A_clean_build_writes_a_log_with_no_results_and_the_site()
    {
        var run = Tool.Dotnet(["build", "--root", _brief.Root, "--sarif", SarifFile]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var log = Read().GetProperty("runs")[0];
        Assert.Equal(0, log.GetProperty("results").GetArrayLength());
        Assert.Equal(0, log.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "index.html")));
    }

    [Fact]
    public void A_file_name_with_a_space_is_escaped_in_its_uri()
    {
        _brief.Write("content/pages/my page.md", "---\ntitle: Mine\n---\nText.\n");
        Tool.Dotnet(["check", "--root", _brief.Root, "--sarif", SarifFile]);
        var uris = Read().GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).ToList();
        Assert.Contains("content/pages/my%20page.md", uris);
    }

    [Fact]
    public void The_log_is_the_same_bytes_for_the_same_input()
    {
        WriteFaultyBrief();
        Tool.Dotnet(["check", "--root", _brief.Root, "--sarif", SarifFile]);
        var first = File.ReadAllBytes(SarifFile);
        Tool.Dotnet(["check", "--root", _brief.Root, "--sarif", SarifFile], new Dictionary<string, string> { ["LC_ALL"] = "de_DE.UTF-8", ["TZ"] = "Asia/Tokyo" });
        Assert.Equal(first, File.ReadAllBytes(SarifFile));
    }
}
