namespace BriefGen.Tests.Support;

/// <summary>
/// Briefs kept under tests/ for tests to build (see Fixtures/Briefs/README.md). Tests build these,
/// never the repository's own content/: only <see cref="SampleBrief"/> reads that.
/// </summary>
public static class FixtureBriefs
{
    /// <summary>A frozen copy of the MPP brief: content/ and seeds/ with no templates/ (the built-in ones).</summary>
    public static string Mpp => Path.Combine(Repo.TestsDir, "Fixtures", "Briefs", "mpp");

    /// <summary>The MPP brief's seed news report, 34 paragraphs.</summary>
    public static string MppSeed => Path.Combine(Mpp, "seeds", "ninth-circuit-mpp-ruling.txt");
}
