using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>The snapshot helper itself: it must fail on a difference and show where.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "briefgen-snap-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public void A_difference_fails_with_a_unified_diff_and_a_received_file()
    {
        Directory.CreateDirectory(_dir);
        var verified = Path.Combine(_dir, "page.verified.html");
        File.WriteAllText(verified, "one\ntwo\nthree\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true")
        {
            return; // Accepting snapshots turns every difference into an update, by design.
        }

        var e = Assert.ThrowsAny<Exception>(() => Snapshot.Verify(verified, "one\n2\nthree\n"));
        Assert.Contains("-two", e.Message);
        Assert.Contains("+2", e.Message);
        Assert.Equal("one\n2\nthree\n", File.ReadAllText(Path.Combine(_dir, "page.received.html")));
    }

    [Fact]
    public void A_missing_snapshot_fails()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true")
        {
            return;
        }

        var e = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyTree(_dir, new Dictionary<string, string> { ["a/index.html"] = "x" }));
        Assert.Contains("no snapshot yet", e.Message);
    }

    [Fact]
    public void Verified_names_follow_verify_conventions()
    {
        Assert.Equal(Path.Combine("a", "index.verified.html"), Snapshot.VerifiedName("a/index.html"));
        Assert.Equal(".nojekyll.verified", Snapshot.VerifiedName(".nojekyll"));
    }
}
