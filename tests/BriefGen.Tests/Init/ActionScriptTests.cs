using BriefGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Tests.Init;

/// <summary>
/// The reusable action (action.yml) as far as it runs outside GitHub: its steps are
/// .github/action/run.sh, run here with the environment GitHub gives an action, against the
/// packed tool and a brief made by init.
/// </summary>
[Collection(PackedToolCollection.Name)]
public sealed class ActionScriptTests(PackedTool tool)
{
    private static readonly string Script = Path.Combine(Repo.Root, ".github", "action", "run.sh");

    private (Tool.Run Run, string Brief, Dictionary<string, string> Outputs) RunAction(Dictionary<string, string> inputs, Action<string>? edit = null, string repository = "octo/water-brief")
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/bash"))
        {
            Assert.Skip("the action's script needs bash");
        }

        var work = tool.NewFolder("action");
        var brief = Path.Combine(work, "repo");
        Assert.Equal(0, tool.Run(["init", brief]).ExitCode);
        edit?.Invoke(brief);

        var outputs = Path.Combine(work, "github-output");
        var env = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_ACTION_PATH"] = Repo.Root,
            ["GITHUB_REPOSITORY"] = repository,
            ["GITHUB_OUTPUT"] = outputs,
            ["RUNNER_TEMP"] = Path.Combine(work, "runner-temp"),
            ["NUGET_PACKAGES"] = Path.Combine(work, "nuget-packages"),
            ["BRIEFGEN_ROOT"] = "repo",
        };
        foreach (var (k, v) in inputs)
        {
            env[k] = v;
        }

        Directory.CreateDirectory(env["RUNNER_TEMP"]);
        var run = Tool.Start("bash", [Script], env, workingDir: work, timeout: PackedTool.Slow);
        var values = File.Exists(outputs)
            ? File.ReadAllLines(outputs).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1])
            : [];
        return (run, brief, values);
    }

    private Dictionary<string, string> FromPackage(Dictionary<string, string>? more = null)
    {
        var inputs = new Dictionary<string, string> { ["BRIEFGEN_VERSION"] = tool.Version, ["BRIEFGEN_PACKAGE_SOURCE"] = tool.Artifacts };
        foreach (var (k, v) in more ?? [])
        {
            inputs[k] = v;
        }

        return inputs;
    }

    [Fact]
    public void The_action_installs_the_version_asked_for_and_builds_for_the_repositorys_pages_path()
    {
        var (run, brief, outputs) = RunAction(FromPackage());
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"Installing BriefGen {tool.Version}", run.Stdout);
        Assert.Contains("briefgen build --root repo --base-url /water-brief/ --strict", run.Stdout);
        Assert.Equal("repo/_site", outputs["site"]);
        Assert.Equal("/water-brief/", outputs["base-url"]);
        Assert.Contains("href=\"/water-brief/assets/site.css\"", File.ReadAllText(Path.Combine(brief, "_site/index.html")));
    }

    [Fact]
    public void A_user_site_repository_is_built_at_the_root_and_base_url_overrides_it()
    {
        var user = RunAction(FromPackage(), repository: "Octo/octo.github.io");
        Assert.True(user.Run.ExitCode == 0, user.Run.Stdout + user.Run.Stderr);
        Assert.Equal("/", user.Outputs["base-url"]);

        var given = RunAction(FromPackage(new() { ["BRIEFGEN_BASE_URL"] = "/docs/brief/" }));
        Assert.True(given.Run.ExitCode == 0, given.Run.Stdout + given.Run.Stderr);
        Assert.Equal("/docs/brief/", given.Outputs["base-url"]);
        Assert.Contains("href=\"/docs/brief/assets/site.css\"", File.ReadAllText(Path.Combine(given.Brief, "_site/index.html")));
    }

    [Fact]
    public void The_action_fails_on_a_misquote_and_prints_it_as_an_annotation_on_its_line()
    {
        var (run, _, _) = RunAction(FromPackage(), brief =>
        {
            var index = Path.Combine(brief, "content/pages/index.md");
            File.WriteAllText(index, File.ReadAllText(index).Replace("is a library for nobody", "is a library for no one", StringComparison.Ordinal));
        });
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"::error file=content/pages/index\.md,line=\d+,col=\d+,title=BG0201::misquote", run.Stdout);
    }

    [Fact]
    public void Strict_false_lets_warnings_through_and_strict_true_stops_them()
    {
        void AddDraftPage(string brief) => Assert.Equal(0, tool.Run(["new", "page", "background", "--root", brief]).ExitCode);

        var lenient = RunAction(FromPackage(new() { ["BRIEFGEN_STRICT"] = "false" }), AddDraftPage);
        Assert.True(lenient.Run.ExitCode == 0, lenient.Run.Stdout + lenient.Run.Stderr);
        Assert.Contains("::warning file=content/pages/background.md,line=5,col=1,title=BG0602::", lenient.Run.Stdout);

        var strict = RunAction(FromPackage(), AddDraftPage);
        Assert.Equal(1, strict.Run.ExitCode);
        Assert.Contains("::error file=content/pages/background.md,line=5,col=1,title=BG0602::", strict.Run.Stdout);

        var wrong = RunAction(FromPackage(new() { ["BRIEFGEN_STRICT"] = "yes" }));
        Assert.Equal(2, wrong.Run.ExitCode);
        Assert.Contains("strict must be true or false", wrong.Run.Stdout);
    }

    [Fact]
    public void Without_a_version_the_action_packs_the_tool_from_its_own_source()
    {
        var (run, brief, _) = RunAction([]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"Packing BriefGen from {Repo.Root}", run.Stdout);
        Assert.True(File.Exists(Path.Combine(brief, "_site/index.html")));
    }

    [Fact]
    public void Action_yml_is_composite_with_the_four_inputs_and_runs_the_script()
    {
        var stream = new YamlStream();
        var text = File.ReadAllText(Path.Combine(Repo.Root, "action.yml"));
        stream.Load(new StringReader(text));
        var action = (YamlMappingNode)stream.Documents[0].RootNode;
        var inputs = (YamlMappingNode)action["inputs"];
        Assert.Equal(["version", "root", "strict", "base-url"], inputs.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("true", inputs["strict"]["default"].ToString());
        Assert.Equal("composite", action["runs"]["using"].ToString());

        var steps = ((YamlSequenceNode)action["runs"]["steps"]).Cast<YamlMappingNode>().ToList();
        var script = steps.Single(s => s.Children.ContainsKey("run"));
        Assert.Equal("bash \"$GITHUB_ACTION_PATH/.github/action/run.sh\"", script["run"].ToString());
        var env = (YamlMappingNode)script["env"];
        foreach (var (variable, input) in new[] { ("BRIEFGEN_VERSION", "version"), ("BRIEFGEN_ROOT", "root"), ("BRIEFGEN_STRICT", "strict"), ("BRIEFGEN_BASE_URL", "base-url") })
        {
            Assert.Equal($"${{{{ inputs.{input} }}}}", env[variable].ToString());
        }

        Assert.Contains(steps, s => s.Children.TryGetValue("uses", out var u) && u.ToString() == "actions/setup-dotnet@v4");
    }
}
