using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §5: two builds of the same input are byte for byte identical, whatever the culture or time zone.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_brief_builds_to_the_same_bytes_under_another_culture_and_time_zone()
    {
        var first = Path.Combine(Path.GetTempPath(), "briefgen-det-a-" + Guid.NewGuid().ToString("N"));
        var second = Path.Combine(Path.GetTempPath(), "briefgen-det-b-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = Tool.Dotnet(["build", "--root", FixtureBriefs.Mpp, "--out", first],
                new Dictionary<string, string> { ["LANG"] = "en_US.UTF-8", ["LC_ALL"] = "en_US.UTF-8", ["TZ"] = "UTC" });
            var b = Tool.Dotnet(["build", "--root", FixtureBriefs.Mpp, "--out", second],
                new Dictionary<string, string> { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["TZ"] = "Pacific/Chatham" });
            Assert.True(a.ExitCode == 0, a.Stderr);
            Assert.True(b.ExitCode == 0, b.Stderr);
            Tool.AssertSameTrees(first, second);
        }
        finally
        {
            foreach (var dir in new[] { first, second })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, true);
                }
            }
        }
    }

    [Fact]
    public void The_in_process_build_does_not_depend_on_the_current_culture()
    {
        var options = new Build.BuildOptions { Root = FixtureBriefs.Mpp };
        var invariant = WithCulture("en-US", () => new Build.Builder(options).Check());
        var turkish = WithCulture("tr-TR", () => new Build.Builder(options).Check());
        Assert.True(invariant.Succeeded, string.Join("\n", invariant.Diagnostics));
        Assert.Equal(invariant.Files.Select(f => f.Path), turkish.Files.Select(f => f.Path));
        Assert.All(invariant.Files.Zip(turkish.Files), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
    }

    private static T WithCulture<T>(string name, Func<T> action)
    {
        var culture = new System.Globalization.CultureInfo(name);
        var (current, currentUi, threadDefault) = (System.Globalization.CultureInfo.CurrentCulture,
            System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            // Parallel rendering runs on pool threads, which take the default thread culture.
            System.Globalization.CultureInfo.DefaultThreadCurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            System.Globalization.CultureInfo.DefaultThreadCurrentCulture = threadDefault;
            System.Globalization.CultureInfo.CurrentCulture = current;
            System.Globalization.CultureInfo.CurrentUICulture = currentUi;
        }
    }
}
