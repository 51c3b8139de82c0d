using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// The whole site built from the repository's content/, mirrored under Snapshots/site/ so a
/// reviewer sees in the diff exactly what a change did to the output.
/// </summary>
public sealed class SiteSnapshotTests
{
    [Fact]
    public void The_mpp_brief_site_matches_its_snapshot()
    {
        var result = new Build.Builder(new Build.BuildOptions { Root = Repo.Root, Strict = true }).Check();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = result.Files.ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Bytes), StringComparer.Ordinal);
        Snapshot.VerifyTree(Path.Combine(Repo.TestsDir, "Snapshots", "site"), files);
    }
}
