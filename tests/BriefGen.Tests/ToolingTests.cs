using BriefGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Tests;

/// <summary>The tool as shipped: help, version, colour, the packed dotnet tool, and the GitHub workflows.</summary>
public sealed class ToolingTests
{
    [Fact]
    public void Help_shows_every_command_with_examples()
    {
        var run = Tool.Dotnet(["--help"]);
        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "build", "check", "serve", "new", "init", "Examples:", "briefgen build --strict --base-url" })
        {
            Assert.Contains(word, run.Stdout);
        }
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var run = Tool.Dotnet(["--version"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout.Trim());
    }

    [Fact]
    public void Diagnostics_have_no_colour_codes_when_not_on_a_terminal_or_with_no_color()
    {
        using var brief = new TestBrief();
        brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText <b>x</b>.\n");
        foreach (var env in new[] { new Dictionary<string, string>(), new Dictionary<string, string> { ["NO_COLOR"] = "1" } })
        {
            var run = Tool.Dotnet(["check", "--root", brief.Root], env);
            Assert.Contains("warning BG0012", run.Stderr);
            Assert.DoesNotContain("\u001b[", run.Stderr);
        }
    }

    [Fact]
    public void Both_workflows_parse_and_use_the_official_actions()
    {
        var ci = Load(".github/workflows/ci.yml");
        var pages = Load(".github/workflows/pages.yml");
        var ciText = File.ReadAllText(Path.Combine(Repo.Root, ".github/workflows/ci.yml"));
        var pagesText = File.ReadAllText(Path.Combine(Repo.Root, ".github/workflows/pages.yml"));

        var ciOn = (YamlMappingNode)ci["on"];
        Assert.True(ciOn.Children.ContainsKey("push") && ciOn.Children.ContainsKey("pull_request"));
        Assert.Contains("actions/setup-dotnet@v4", ciText);
        Assert.Contains("global-json-file: global.json", ciText);
        Assert.Contains("bash .ci/run", ciText);

        foreach (var action in new[] { "actions/configure-pages@v5", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4" })
        {
            Assert.Contains(action, pagesText);
        }

        Assert.Contains("--strict", pagesText);
        Assert.Contains("steps.pages.outputs.base_path", pagesText);
        var permissions = (YamlMappingNode)pages["permissions"];
        Assert.Equal("write", permissions["pages"].ToString());
        Assert.Equal("write", permissions["id-token"].ToString());

        // Every action is pinned to a version (or is this repository's own, ./).
        foreach (var text in new[] { ciText, pagesText })
        {
            foreach (var line in text.Split('\n').Where(l => l.Contains("uses:", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')))
            {
                Assert.Matches(@"uses: ([\w-]+/[\w-]+@v\d+|\./)$", line.Trim().TrimStart('-').Trim());
            }
        }

        // CI also runs the reusable action on a brief made by init.
        var actionJob = (YamlMappingNode)((YamlMappingNode)ci["jobs"])["action"];
        var steps = ((YamlSequenceNode)actionJob["steps"]).Cast<YamlMappingNode>().ToList();
        Assert.Contains(steps, s => s.Children.TryGetValue("run", out var r) && r.ToString().Contains("-- init sample-brief", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Children.TryGetValue("uses", out var u) && u.ToString() == "./" && s["with"]["root"].ToString() == "sample-brief");
    }

    [Fact]
    public void The_release_workflow_packs_for_nuget_and_publishes_native_binaries_on_native_runners()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, ".github/workflows/release.yml"));
        var release = Load(".github/workflows/release.yml");
        Assert.Equal("v*", ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)release["on"])["push"])["tags"])[0].ToString());

        var jobs = (YamlMappingNode)release["jobs"];
        var package = string.Join("\n", ((YamlSequenceNode)jobs["package"]["steps"]).Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()));
        Assert.Contains("dotnet pack src/BriefGen -c Release", package);
        Assert.Contains("-p:Version=${GITHUB_REF_NAME#v}", package);
        Assert.Contains("dotnet nuget push", package);
        Assert.Contains("secrets.NUGET_API_KEY", text);

        var matrix = ((YamlSequenceNode)jobs["binaries"]["strategy"]["matrix"]["include"]).Cast<YamlMappingNode>()
            .ToDictionary(m => m["rid"].ToString(), m => m["os"].ToString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["linux-x64"] = "ubuntu-latest",
            ["linux-arm64"] = "ubuntu-24.04-arm",
            ["osx-arm64"] = "macos-14",
            ["win-x64"] = "windows-latest",
        }, matrix);
        Assert.Contains("-p:PublishAot=true", text);
        Assert.Contains("gh release upload", text);

        foreach (var line in text.Split('\n').Where(l => l.Contains("uses:", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')))
        {
            Assert.Matches(@"uses: [\w-]+/[\w-]+@v\d+$", line.Trim().TrimStart('-').Trim());
        }
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, path))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
