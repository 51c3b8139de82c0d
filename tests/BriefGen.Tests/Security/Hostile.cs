using System.Text.RegularExpressions;
using BriefGen.Build;

namespace BriefGen.Tests.Security;

/// <summary>What every answer to hostile input must look like: diagnostics, each one well-formed line.</summary>
public static partial class Hostile
{
    [GeneratedRegex(@"^[^\r\n]+\(\d+,\d+\): (error|warning) BG\d{4}: [^\r\n]+$")]
    public static partial Regex DiagnosticLine();

    /// <summary>Every diagnostic prints as one line of the form path(line,col): error|warning BGnnnn: message.</summary>
    public static void AssertWellFormed(BuildResult result)
    {
        foreach (var d in result.Diagnostics)
        {
            var line = d.ToString();
            Assert.True(DiagnosticLine().IsMatch(line), $"not a one-line diagnostic: {line}");
            Assert.True(line.Length < 1400, $"diagnostic of {line.Length} characters");
            Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, $"no place: {line}");
        }
    }

    /// <summary>The build failed with <paramref name="code"/> among its errors, each diagnostic well-formed.</summary>
    public static global::BriefGen.Diagnostics.Diagnostic AssertError(BuildResult result, string code, string? path = null)
    {
        AssertWellFormed(result);
        Assert.False(result.Succeeded, "expected the build to fail");
        Assert.Empty(result.Files);
        Assert.Empty(result.Written);
        var match = result.Diagnostics.FirstOrDefault(d => d.Code == code && d.Severity == global::BriefGen.Diagnostics.Severity.Error &&
                                                           (path is null || d.Location.Path == path));
        Assert.True(match is not null, $"expected error {code}{(path is null ? "" : " in " + path)}, got:\n{Support.TestBrief.Lines(result)}");
        return match!;
    }
}
