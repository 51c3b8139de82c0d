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
}
