using System.Runtime.CompilerServices;

namespace BriefGen.Tests.Support;

/// <summary>Paths in this repository, found from the test sources' own location.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string TestsDir => Path.Combine(Root, "tests", "BriefGen.Tests");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var dir = Path.GetDirectoryName(here);
        while (dir is not null && !File.Exists(Path.Combine(dir, "BriefGen.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("BriefGen.sln not found above the test sources");
    }
}
