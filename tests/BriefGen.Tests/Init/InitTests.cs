using BriefGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Tests.Init;

/// <summary><c>briefgen init [DIR] [--title T]</c>: a brief of its own that builds with --strict as it is.</summary>
public sealed class InitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "briefgen-init-" + Guid.NewGuid().ToString("N"));

    private string Brief => Path.Combine(_dir, "my-brief");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static readonly string[] Files =
    [
        ".github/workflows/briefgen.yml", ".gitignore", "content/brief.yml", "content/entities.yml", "content/figures.yml",
        "content/pages/index.md", "content/sources.yml", "content/timeline.yml", "seeds/sample-source.txt",
    ];

    [Fact]
    public void Init_writes_content_seeds_gitignore_and_a_workflow()
    {
        var run = Tool.Dotnet(["init", Brief]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Created a brief in", run.Stdout);
        Assert.Equal(Files, Tool.Tree(Brief).Keys);
    }

    [Fact]
    public void The_new_brief_builds_with_strict_and_verifies_its_sample_quote_and_figures()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        var build = Tool.Dotnet(["build", "--strict", "--root", Brief]);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        Assert.Equal("", build.Stderr);
        Assert.Contains("quotes 2/2 verified, figures 2/2 verified, 0 errors, 0 warnings", build.Stdout);
        var home = File.ReadAllText(Path.Combine(Brief, "_site/index.html"));
        Assert.Contains("A library that is closed when people are free is a library for nobody.", home);
        Assert.Contains("starting in March", home);
    }

    [Fact]
    public void Init_in_the_current_folder_titles_the_brief_from_the_folder_name()
    {
        Directory.CreateDirectory(Brief);
        var run = Tool.Dotnet(["init"], workingDir: Brief);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("title: \"My brief\"", File.ReadAllText(Path.Combine(Brief, "content/brief.yml")));
    }

    [Fact]
    public void A_title_with_yaml_punctuation_is_quoted_and_shown_as_written()
    {
        const string title = "Water: \"who\" pays? #1 {{version}}";
        Assert.Equal(0, Tool.Dotnet(["init", Brief, "--title", title]).ExitCode);
        Assert.Equal(0, Tool.Dotnet(["build", "--strict", "--root", Brief]).ExitCode);
        Assert.Contains("<title>Water: &quot;who&quot; pays? #1 {{version}}", File.ReadAllText(Path.Combine(Brief, "_site/index.html")));
    }

    [Fact]
    public void Init_refuses_a_folder_that_already_holds_a_brief_and_changes_nothing()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        File.WriteAllText(Path.Combine(Brief, "content/brief.yml"), "title: Mine\n");
        var before = Tool.Tree(Brief);

        var run = Tool.Dotnet(["init", Brief]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already holds content/", run.Stderr);
        Assert.Contains("nothing was changed", run.Stderr);
        Assert.Equal(before.Keys, Tool.Tree(Brief).Keys);
        Assert.Equal("title: Mine\n", File.ReadAllText(Path.Combine(Brief, "content/brief.yml")));
    }

    [Fact]
    public void Init_refuses_to_overwrite_a_single_existing_file()
    {
        Directory.CreateDirectory(Brief);
        File.WriteAllText(Path.Combine(Brief, ".gitignore"), "bin/\n");
        var run = Tool.Dotnet(["init", Brief]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(".gitignore", run.Stderr);
        Assert.Equal(["/.gitignore"], Tool.Tree(Brief).Keys.Select(k => "/" + k));
        Assert.Equal("bin/\n", File.ReadAllText(Path.Combine(Brief, ".gitignore")));
    }

    [Fact]
    public void Init_keeps_other_files_of_an_existing_repository()
    {
        Directory.CreateDirectory(Brief);
        File.WriteAllText(Path.Combine(Brief, "README.md"), "# Mine\n");
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        Assert.Equal("# Mine\n", File.ReadAllText(Path.Combine(Brief, "README.md")));
        Assert.Equal(0, Tool.Dotnet(["build", "--strict", "--root", Brief]).ExitCode);
    }

    [Fact]
    public void Gitignore_leaves_out_the_site_and_the_cache()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        var lines = File.ReadAllLines(Path.Combine(Brief, ".gitignore"));
        Assert.Contains("_site/", lines);
        Assert.Contains(".briefgen/", lines);
    }

    [Fact]
    public void The_sample_source_says_it_was_written_for_the_sample_and_may_be_published()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        var text = File.ReadAllText(Path.Combine(Brief, "seeds/sample-source.txt"));
        Assert.StartsWith("This text was written for the sample brief that briefgen init creates.", text);
        Assert.Contains("public domain (CC0 1.0)", text);
        Assert.Contains("publish_text: true", File.ReadAllText(Path.Combine(Brief, "content/sources.yml")));
    }

    [Fact]
    public void The_workflow_checks_pull_requests_and_deploys_main_through_the_action_without_source_code()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        var text = File.ReadAllText(Path.Combine(Brief, ".github/workflows/briefgen.yml"));
        Assert.DoesNotContain("src/", text);
        Assert.DoesNotContain("dotnet run", text);
        Assert.DoesNotMatch(@"(?<!\$)\{\{", text);

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var workflow = (YamlMappingNode)stream.Documents[0].RootNode;
        var on = (YamlMappingNode)workflow["on"];
        Assert.True(on.Children.ContainsKey("pull_request"));
        Assert.Equal("main", ((YamlSequenceNode)((YamlMappingNode)on["push"])["branches"])[0].ToString());

        var jobs = (YamlMappingNode)workflow["jobs"];
        Assert.Equal("github.event_name == 'pull_request'", jobs["check"]["if"].ToString());
        var deploy = (YamlMappingNode)jobs["deploy"];
        Assert.Equal("build", deploy["needs"].ToString());
        Assert.Equal("write", deploy["permissions"]["pages"].ToString());
        Assert.Equal("write", deploy["permissions"]["id-token"].ToString());

        var version = Tool.Dotnet(["--version"]).Stdout.Trim().Split('+')[0];
        foreach (var job in new[] { "check", "build" })
        {
            var step = ((YamlSequenceNode)jobs[job]["steps"]).Cast<YamlMappingNode>()
                .Single(s => s.Children.TryGetValue("uses", out var u) && u.ToString().StartsWith("briefgen/briefgen@v", StringComparison.Ordinal));
            Assert.Equal("briefgen/briefgen@v" + version.Split('.')[0], step["uses"].ToString());
            Assert.Equal(version, step["with"]["version"].ToString());
            Assert.Equal("true", step["with"]["strict"].ToString());
        }

        Assert.Contains("base-url: ${{ steps.pages.outputs.base_path }}/", text);
        foreach (var line in text.Split('\n').Where(l => l.Contains("uses:", StringComparison.Ordinal)))
        {
            Assert.Matches(@"uses: [\w-]+/[\w-]+@v\d+$", line.Trim().TrimStart('-').Trim());
        }
    }

    [Fact]
    public void New_page_in_an_initialised_brief_cites_its_source_and_warns_until_written()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        var run = Tool.Dotnet(["new", "page", "background", "--root", Brief]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("[@sample-report, ¶1]", File.ReadAllText(Path.Combine(Brief, "content/pages/background.md")));

        var check = Tool.Dotnet(["check", "--root", Brief]);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("content/pages/background.md(5,1): warning BG0602", check.Stderr);
        var strict = Tool.Dotnet(["check", "--strict", "--root", Brief]);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error BG0602", strict.Stderr);
    }

    [Fact]
    public void New_page_refuses_the_id_of_an_entity_of_an_initialised_brief()
    {
        Assert.Equal(0, Tool.Dotnet(["init", Brief]).ExitCode);
        var run = Tool.Dotnet(["new", "page", "ada-okafor", "--root", Brief]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the id 'ada-okafor' is already used by the entity at content/entities.yml(2,3)", run.Stderr);
    }

    [Fact]
    public void Init_into_a_path_that_is_a_file_is_a_usage_error()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Brief, "");
        var run = Tool.Dotnet(["init", Brief]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a file", run.Stderr);
    }
}
