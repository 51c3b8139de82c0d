using BriefGen.Tests.Support;

namespace BriefGen.Tests.Security;

/// <summary>SPEC §3: run as a user runs it, broken input ends in one-line diagnostics and exit 1, never a stack trace.</summary>
public sealed class CliFailureTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Theory]
    [InlineData("content/entities.yml", "- id: paez\n  name: Paez\n  kind: person\n  aliases: [Paez, Judge Paez\n  role: Judge\n")]
    [InlineData("content/brief.yml", "title: T\nnav:\n  -\n")]
    [InlineData("content/pages/search.md", "---\ntitle: Search\n---\nText.\n")]
    [InlineData("content/pages/second.md", "---\ntitle: Deep\n---\n>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x\n")]
    [InlineData("content/pages/index.md", "---\ntitle: Home\n---\nWelcome [@seed, ¶99999999999].\n")]
    [InlineData("content/brief.yml", "title: T\nbase_url: \"/\\\\evil.example/\"\n")]
    public void Broken_input_exits_1_with_one_line_diagnostics(string file, string text)
    {
        _brief.Write(file, text);
        var run = Tool.Dotnet(["build", "--root", _brief.Root]);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(Hostile.DiagnosticLine(), line));
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void An_internal_error_is_one_line_with_a_note_to_report_it()
    {
        var inner = new NullReferenceException("Object reference not set\nto an instance");
        var line = Cli.Cli.FailureLine(new AggregateException(inner), "/work/brief");
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("briefgen: internal error (NullReferenceException: ", line);
        Assert.Contains("please report it", line);
        Assert.EndsWith("[while building /work/brief]", line);
    }

    [Fact]
    public void A_file_system_refusal_is_one_line_without_internal_error()
    {
        var line = Cli.Cli.FailureLine(new UnauthorizedAccessException("Access to the path '/x' is denied."), "/work/brief");
        Assert.Equal("briefgen: Access to the path '/x' is denied.", line);
    }
}
