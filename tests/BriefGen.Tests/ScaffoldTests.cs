using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary><c>briefgen new page ID</c>.</summary>
public sealed class ScaffoldTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void New_page_scaffolds_a_page_that_builds_strictly()
    {
        var run = Tool.Dotnet(["new", "page", "effects", "--root", _brief.Root, "--title", "Effects: on the border"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Created content/pages/effects.md", run.Stdout.Trim());
        var text = File.ReadAllText(Path.Combine(_brief.Root, "content/pages/effects.md"));
        Assert.StartsWith("---\ntitle: \"Effects: on the border\"\n", text);
        Assert.Contains("[@seed, ¶1]", text);
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Contains("Effects: on the border", _brief.ReadOutput("effects/index.html"));
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
