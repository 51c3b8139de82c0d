using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// The whole site built from the repository's content/, mirrored under Snapshots/site/ so a
/// reviewer sees in the diff exactly what a change did to the output. When content/ changes on
/// purpose (or a fork replaces it), accept with UPDATE_SNAPSHOTS=1 dotnet test and review the diff.
/// </summary>
public sealed class SiteSnapshotTests
{
    [Fact]
    public void The_mpp_brief_site_matches_its_snapshot()
    {
        SampleBrief.VerifySnapshot(SampleBrief.Root, SampleBrief.SnapshotFolder, Snapshot.Updating);
    }

    /// <summary>
    /// What <c>briefgen serve</c> shows of the brief before any edit, once its follow-up (the print page and data files)
    /// has run: every file of the full build at base URL /, the same bytes, and nothing more.
    /// </summary>
    [Fact]
    public void The_preview_of_the_mpp_brief_serves_what_a_full_build_makes()
    {
        var options = new Build.BuildOptions { Root = SampleBrief.Root, BaseUrl = "/" };
        var preview = new Cli.Serve.Preview(options);
        var run = preview.Run();
        Assert.True(run.Succeeded, "the preview of the brief fails where its build does not:\n" + string.Join("\n", run.Diagnostics));
        preview.Finish(TestContext.Current.CancellationToken);
        var full = new Build.Builder(options).Check();
        Assert.True(full.Succeeded, TestBrief.Lines(full));
        foreach (var file in full.Files)
        {
            Assert.True(preview.Site.TryGetValue(file.Path, out var served), $"the preview has no {file.Path}");
            Assert.True(file.Bytes.AsSpan().SequenceEqual(served), $"the preview's {file.Path} is not the build's");
        }

        Assert.Equal(full.Files.Count, preview.Site.Count);
    }
}
