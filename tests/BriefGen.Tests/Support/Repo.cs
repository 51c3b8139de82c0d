namespace BriefGen.Tests.Support;

/// <summary>Paths in this repository, found by walking up from the test binaries.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string TestsDir => Path.Combine(Root, "tests", "BriefGen.Tests");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    // Not [CallerFilePath]: deterministic CI builds map source paths to "/_/".
    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BriefGen.sln")))
        {
            dir = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dir));
        }

        return dir ?? throw new InvalidOperationException($"BriefGen.sln not found above {AppContext.BaseDirectory}");
    }
}
