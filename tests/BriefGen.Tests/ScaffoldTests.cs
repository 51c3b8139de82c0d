using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary><c>briefgen new page ID</c>.</summary>
public sealed class ScaffoldTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void New_page_scaffolds_a_page_that_builds_and_warns_of_its_placeholder()
    {
        var run = Tool.Dotnet(["new", "page", "effects", "--root", _brief.Root, "--title", "Effects: on the border"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Created content/pages/effects.md", run.Stdout.Trim());
        var text = File.ReadAllText(Path.Combine(_brief.Root, "content/pages/effects.md"));
        Assert.StartsWith("---\ntitle: \"Effects: on the border\"\n", text);
        Assert.Contains("[@seed, ¶1]", text);

        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var placeholder = TestBrief.Single(result, "BG0602");
        Assert.Equal("content/pages/effects.md(5,1): warning BG0602: page 'effects' still holds the scaffold's placeholder text; " +
                     "write the page, then delete the line '[//]: # (briefgen-placeholder: …)'", placeholder.ToString());
        var html = _brief.ReadOutput("effects/index.html");
        Assert.Contains("Effects: on the border", html);
        Assert.DoesNotContain("briefgen-placeholder", html);
    }

    [Fact]
    public void A_scaffolded_page_fails_strict_until_its_placeholder_line_is_deleted()
    {
        Assert.Equal(0, Tool.Dotnet(["new", "page", "effects", "--root", _brief.Root]).ExitCode);
        Assert.False(_brief.Build(strict: true).Succeeded);

        var file = Path.Combine(_brief.Root, "content/pages/effects.md");
        var written = string.Join("\n", File.ReadAllLines(file).Where(l => !l.StartsWith("[//]: # (briefgen-placeholder", StringComparison.Ordinal)));
        File.WriteAllText(file, written + "\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
    }

    [Fact]
    public void The_placeholder_marker_inside_a_code_block_is_only_text()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nThe marker looks like this:\n\n```\n[//]: # (briefgen-placeholder: x)\n```\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
    }

    [Theory]
    [InlineData("seed", "source")]
    [InlineData("chair", "entity")]
    [InlineData("the-vote", "figure")]
    [InlineData("vote-day", "timeline event")]
    [InlineData("later", "page")]
    public void New_page_refuses_an_id_used_anywhere_in_the_brief(string id, string kind)
    {
        _brief.Write("content/entities.yml", "- id: chair\n  name: The Chair\n  kind: person\n");
        _brief.Write("content/figures.yml", "- id: the-vote\n  value: \"2-1\"\n  label: the vote\n  cite: \"[@seed, ¶1]\"\n");
        _brief.Write("content/timeline.yml", "- id: vote-day\n  date: 2020-02\n  title: The vote\n");
        _brief.Write("content/pages/draft.md", "---\ntitle: Later\nid: later\ndraft: true\n---\nText.\n");

        var run = Tool.Dotnet(["new", "page", id, "--root", _brief.Root]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the id '{id}' is already used by the {kind} at content/", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_brief.Root, "content/pages", id + ".md")));
    }

    [Fact]
    public void New_page_refuses_an_existing_id()
    {
        var before = File.ReadAllText(Path.Combine(_brief.Root, "content/pages/second.md"));
        var run = Tool.Dotnet(["new", "page", "second", "--root", _brief.Root]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already exists", run.Stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_brief.Root, "content/pages/second.md")));
    }

    [Theory]
    [InlineData("Bad_Id")]
    [InlineData("-dash")]
    [InlineData("index")]
    [InlineData("../escape")]
    public void New_page_refuses_an_invalid_id(string id)
    {
        var run = Tool.Dotnet(["new", "page", id, "--root", _brief.Root]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a valid page id", run.Stderr);
    }
}
