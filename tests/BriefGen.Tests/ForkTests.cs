using System.Text.RegularExpressions;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// A fork that replaces content/ with a brief of its own stays green once it accepts its snapshot:
/// only the whole-site snapshot and the sample brief's sourcing check read content/, and both pass
/// for any brief that builds --strict.
/// </summary>
public sealed partial class ForkTests : IDisposable
{
    private readonly string _fork = Path.Combine(Path.GetTempPath(), "briefgen-fork-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_fork))
        {
            Directory.Delete(_fork, true);
        }
    }

    [Fact]
    public void A_fork_with_its_own_content_fails_with_how_to_accept_then_is_green_once_accepted()
    {
        // The fork: the repository's accepted snapshot, and content/ and seeds/ replaced by init's brief.
        var snapshot = Path.Combine(_fork, "tests", "BriefGen.Tests", "Snapshots", "site");
        ToolingTests.CopyDirectory(SampleBrief.SnapshotFolder, snapshot);
        var init = Tool.Dotnet(["init", _fork, "--title", "Water Rights in the Basin"]);
        Assert.True(init.ExitCode == 0, init.Stderr);

        var before = Assert.ThrowsAny<Exception>(() => SampleBrief.VerifySnapshot(_fork, snapshot, accept: false));
        Assert.Contains("UPDATE_SNAPSHOTS=1 dotnet test, then review the diff", before.Message);

        SampleBrief.VerifySnapshot(_fork, snapshot, accept: true);
        SampleBrief.VerifySnapshot(_fork, snapshot, accept: false);
        SampleBrief.AssertSourcingVerified(_fork);
        Assert.True(File.Exists(Path.Combine(snapshot, "index.verified.html")));
        Assert.Contains("Water Rights in the Basin", File.ReadAllText(Path.Combine(snapshot, "index.verified.html")));
        Assert.False(File.Exists(Path.Combine(snapshot, "the-ruling", "index.verified.html")), "the sample brief's pages are gone from the accepted snapshot");
        Assert.Empty(Directory.EnumerateFiles(snapshot, "*.received.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Only_the_snapshot_and_sourcing_tests_build_the_repository_brief()
    {
        string[] allowed = ["SiteSnapshotTests.cs", "FailClosedTests.cs", "SampleBrief.cs", "ForkTests.cs"];
        var offenders = new List<string>();
        foreach (var project in new[] { "BriefGen.Tests", "BriefGen.BrowserTests" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", project), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var readsSample = ReadsRepositoryContent().IsMatch(lines[i])
                                      || (lines[i].Contains("SampleBrief.Root", StringComparison.Ordinal) && !allowed.Contains(Path.GetFileName(file)));
                    if (readsSample && Path.GetFileName(file) != "ForkTests.cs")
                    {
                        offenders.Add($"{Path.GetRelativePath(Repo.Root, file)}({i + 1}): {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "build a fixture under tests/ (FixtureBriefs, TestBrief) instead of the repository's content/:\n" + string.Join("\n", offenders));
    }

    // A build rooted at the repository, or a path into its content/ or seeds/.
    [GeneratedRegex("""(Root\s*=\s*(Repo\.Root|RepoRoot)\b)|("--root",\s*(Repo\.Root|RepoRoot)\b)|((Repo\.Root|RepoRoot),\s*"(content|seeds)\b)""")]
    private static partial Regex ReadsRepositoryContent();
}
