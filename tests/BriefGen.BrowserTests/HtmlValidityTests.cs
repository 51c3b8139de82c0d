using System.Diagnostics;

namespace BriefGen.BrowserTests;

/// <summary>
/// Every generated page passes the W3C Nu HTML checker with zero errors. .ci/run installs vnu-jar from
/// npm and names it in BRIEFGEN_VNU_JAR; without it the test skips on a developer machine and fails under CI.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlValidityTests(BrowserFixture site)
{
    [Fact]
    public async Task Every_page_is_valid_html()
    {
        var jar = Environment.GetEnvironmentVariable("BRIEFGEN_VNU_JAR");
        if (string.IsNullOrEmpty(jar) || !File.Exists(jar))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                $"CI must install vnu-jar and set BRIEFGEN_VNU_JAR (got '{jar}')");
            Assert.Skip("BRIEFGEN_VNU_JAR is not set: `npm install vnu-jar` and point it at node_modules/vnu-jar/build/dist/vnu.jar");
        }

        var info = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--skip-non-html", site.SiteDir })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var cancel = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        var report = (await stdout + await stderr).Trim();
        Assert.True(process.ExitCode == 0 && report.Length == 0, $"Nu checker errors in {site.SiteDir}:\n{report}");
        Assert.True(site.SitePaths.Count > 30);
    }
}
