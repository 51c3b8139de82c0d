using System.Runtime.CompilerServices;
using System.Text;

namespace BriefGen.Csl.Tests;

/// <summary>
/// The official CSL processor test suite, one case per fixture, against the checked-in list of
/// fixtures expected to fail (<c>expected-failures.txt</c>).
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string UpdateHint =
        "Update the list: run `UPDATE_EXPECTED_FAILURES=1 dotnet run --project tests/BriefGen.Csl.Tests -- -method '*ExpectedFailuresMatch*'` and commit tests/BriefGen.Csl.Tests/expected-failures.txt.";

    public static TheoryData<string> Fixtures() => new(Fixture.Names());

    private static HashSet<string> ExpectedFailures() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "expected-failures.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    internal static (bool Pass, string Actual, string Expected) Check(string name)
    {
        var f = Fixture.Load(name);
        var expected = FixtureRunner.Normalize(f.Result);
        string actual;
        try
        {
            actual = FixtureRunner.Normalize(FixtureRunner.Run(f));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            actual = "EXCEPTION " + e.GetType().Name + ": " + e.Message;
        }
        return (actual == expected, actual, expected);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_matches_its_expected_outcome(string name)
    {
        var (pass, actual, expected) = Check(name);
        var listed = ExpectedFailures().Contains(name);
        if (pass && listed)
            Assert.Fail($"{name} now passes but is listed in expected-failures.txt: remove it. {UpdateHint}");
        if (!pass && !listed)
            Assert.Fail($"{name} fails and is not in expected-failures.txt.\nexpected:\n{expected}\nactual:\n{actual}\n(If this is accepted, add it to the list. {UpdateHint})");
        if (!pass) output.WriteLine($"expected failure\nexpected:\n{expected}\nactual:\n{actual}");
    }

    [Fact]
    public void ExpectedFailuresMatch_and_pass_rate_by_category()
    {
        var results = Fixture.Names().Select(n => (Name: n, Check(n).Pass)).ToList();
        var report = Report(results);
        output.WriteLine(report);
        var failing = results.Where(r => !r.Pass).Select(r => r.Name).ToList();
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED_FAILURES") == "1")
        {
            File.WriteAllText(SourceList(), "# CSL test-suite fixtures this processor does not pass yet (one per line).\n"
                + "# ConformanceTests fails when this list and the results differ.\n" + string.Join("\n", failing) + "\n");
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(SourceList())!, "conformance-report.md"), report);
            return;
        }
        var listed = ExpectedFailures();
        var newlyFailing = failing.Where(n => !listed.Contains(n)).ToList();
        var newlyPassing = listed.Where(n => !failing.Contains(n)).Order(StringComparer.Ordinal).ToList();
        Assert.True(newlyFailing.Count == 0 && newlyPassing.Count == 0,
            $"newly failing: {string.Join(", ", newlyFailing)}; newly passing: {string.Join(", ", newlyPassing)}. {UpdateHint}");
    }

    internal static string Report(IReadOnlyList<(string Name, bool Pass)> results)
    {
        var sb = new StringBuilder();
        var passed = results.Count(r => r.Pass);
        sb.Append("# CSL test-suite pass rate\n\n");
        sb.Append(FormattableString.Invariant($"Overall: {passed} of {results.Count} ({100.0 * passed / results.Count:F1}%)\n\n"));
        sb.Append("| category | passed | total | rate |\n|---|---:|---:|---:|\n");
        foreach (var g in results.GroupBy(r => r.Name.Split('_')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var p = g.Count(r => r.Pass);
            sb.Append(FormattableString.Invariant($"| {g.Key}_ | {p} | {g.Count()} | {100.0 * p / g.Count():F0}% |\n"));
        }
        return sb.ToString();
    }

    private static string SourceList([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "expected-failures.txt");
}
