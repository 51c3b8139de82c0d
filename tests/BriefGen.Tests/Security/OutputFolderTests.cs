using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;
using BriefGen.Write;

namespace BriefGen.Tests.Security;

/// <summary>SPEC §4: --out never replaces the brief's own files or a folder BriefGen did not write.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private BuildResult BuildInto(string outDir) => new Builder(_brief.Options() with { OutDir = outDir }).Build();

    [Theory]
    [InlineData("content")]
    [InlineData("content/pages")]
    [InlineData("seeds")]
    [InlineData("templates")]
    [InlineData("seeds/new-folder")]
    public void The_output_may_not_be_the_briefs_own_folders(string folder)
    {
        _brief.Write("templates/extra.html", "<p>kept</p>");
        var before = Tool.Tree(_brief.Root);
        var result = BuildInto(Path.Combine(_brief.Root, folder));
        Hostile.AssertError(result, DiagnosticCodes.UnsafeOutput);
        AssertSame(before, Tool.Tree(_brief.Root));
    }

    [Fact]
    public void The_output_may_not_be_a_sources_folder()
    {
        _brief.Write("library/report.txt", TestBrief.SourceText);
        _brief.Write("content/sources.yml", "- id: seed\n  type: report\n  title: Report\n  text: ../library/report.txt\n");
        var before = Tool.Tree(_brief.Root);
        Hostile.AssertError(BuildInto(Path.Combine(_brief.Root, "library")), DiagnosticCodes.UnsafeOutput);
        AssertSame(before, Tool.Tree(_brief.Root));
    }

    [Fact]
    public void The_output_may_not_be_above_the_root()
    {
        Hostile.AssertError(BuildInto(Path.GetDirectoryName(_brief.Root)!), DiagnosticCodes.OutsideOutput);
        Hostile.AssertError(BuildInto("/"), DiagnosticCodes.OutsideOutput);
        Assert.True(File.Exists(Path.Combine(_brief.Root, "content/brief.yml")));
    }

    [Fact]
    public void A_symbolic_link_to_content_is_no_way_around()
    {
        var link = Path.Combine(Path.GetTempPath(), "briefgen-link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, Path.Combine(_brief.Root, "content"));
        try
        {
            var before = Tool.Tree(_brief.Root);
            Hostile.AssertError(BuildInto(link), DiagnosticCodes.UnsafeOutput);
            AssertSame(before, Tool.Tree(_brief.Root));
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    [Fact]
    public void A_folder_of_someone_elses_files_is_never_replaced()
    {
        var documents = Path.Combine(_brief.Root, "Documents");
        _brief.Write("Documents/thesis.docx", "years of work");
        var result = BuildInto(documents);
        var d = Hostile.AssertError(result, DiagnosticCodes.UnsafeOutput);
        Assert.Contains(SiteWriter.MarkerFile, d.Message);
        Assert.Equal("years of work\n", File.ReadAllText(Path.Combine(documents, "thesis.docx")));
    }

    [Fact]
    public void An_empty_folder_and_an_earlier_site_are_replaced()
    {
        Directory.CreateDirectory(_brief.OutDir);
        Assert.True(_brief.Build().Succeeded);
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, SiteWriter.MarkerFile)));
        File.WriteAllText(Path.Combine(_brief.OutDir, "stale.html"), "old");

        var again = _brief.Build();
        Assert.True(again.Succeeded, TestBrief.Lines(again));
        Assert.False(File.Exists(Path.Combine(_brief.OutDir, "stale.html")));
    }

    [Fact]
    public void Out_dot_dot_from_content_pages_does_not_delete_content()
    {
        var before = Tool.Tree(Path.Combine(_brief.Root, "content"));
        var run = Tool.Dotnet(["build", "--root", "../..", "--out", ".."], workingDir: Path.Combine(_brief.Root, "content/pages"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BG0511", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        AssertSame(before, Tool.Tree(Path.Combine(_brief.Root, "content")));
    }

    [Fact]
    public void Two_builds_into_one_folder_at_once_both_end_cleanly()
    {
        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => new Builder(_brief.Options()).Build()).ToList();
        Assert.All(results, r => Assert.True(r.Succeeded || r.Diagnostics.Any(d => d.Code == DiagnosticCodes.OutputInUse), TestBrief.Lines(r)));
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "index.html")));
        Assert.Empty(Directory.GetDirectories(_brief.Root, ".*briefgen*"));
    }

    private static void AssertSame(SortedDictionary<string, byte[]> before, SortedDictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), $"{kv.Key} changed"));
    }
}
