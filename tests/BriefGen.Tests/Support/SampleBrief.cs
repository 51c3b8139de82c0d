using BriefGen.Build;

namespace BriefGen.Tests.Support;

/// <summary>
/// The only tests that read the repository's own brief (content/ and seeds/): the whole-site
/// snapshot, the check that its sourcing all verifies, and its preview against its build. A fork that replaces content/ accepts
/// a new snapshot (UPDATE_SNAPSHOTS=1 dotnet test) and is green; every other test builds a brief
/// under tests/ (<see cref="FixtureBriefs"/>, <see cref="TestBrief"/>).
/// </summary>
public static class SampleBrief
{
    /// <summary>The repository root, whose content/ is the sample brief.</summary>
    public static string Root => Repo.Root;

    /// <summary>The accepted snapshot of the sample brief's site.</summary>
    public static string SnapshotFolder => Path.Combine(Repo.TestsDir, "Snapshots", "site");

    /// <summary>Builds the brief at <paramref name="root"/> with --strict and compares its site with the snapshot folder.</summary>
    public static void VerifySnapshot(string root, string snapshotFolder, bool accept)
    {
        var result = new Builder(new BuildOptions { Root = root, Strict = true }).Check();
        Assert.True(result.Succeeded, $"the brief in {root}/content no longer builds --strict; fix what these say, then accept the new site with UPDATE_SNAPSHOTS=1 dotnet test and review the diff:\n{TestBrief.Lines(result)}");
        var files = result.Files.ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Bytes), StringComparer.Ordinal);
        Snapshot.VerifyTree(snapshotFolder, files, accept);
    }

    /// <summary>The brief at <paramref name="root"/> builds --strict and every quotation in it verified.</summary>
    public static BuildResult AssertSourcingVerified(string root)
    {
        var result = new Builder(new BuildOptions { Root = root, Strict = true }).Check();
        Assert.True(result.Succeeded, $"the brief in {root}/content no longer builds --strict; this checks whatever brief content/ holds (a fork's own brief passes once it builds --strict), so fix what these say:\n{TestBrief.Lines(result)}");
        Assert.True(result.Stats.Quotes == result.Stats.QuotesVerified,
            $"{result.Stats.Quotes - result.Stats.QuotesVerified} of {result.Stats.Quotes} quotations in {root}/content are not verified");
        return result;
    }
}
