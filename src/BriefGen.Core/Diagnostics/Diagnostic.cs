using System.Globalization;

namespace BriefGen.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>A place in a content file: root-relative path with '/' separators, 1-based line and column.</summary>
public readonly record struct Location(string Path, int Line, int Column)
{
    public static Location File(string path) => new(path, 1, 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column})");
}

/// <summary>One problem found in the content, in MSBuild form: <c>path(line,col): error BGnnnn: message</c>.</summary>
public sealed record Diagnostic(Location Location, Severity Severity, string Code, string Message)
{
    public string SeverityText => Severity == Severity.Error ? "error" : "warning";

    public override string ToString() => $"{Location}: {SeverityText} {Code}: {Message}";

    /// <summary>The same diagnostic as a GitHub Actions workflow command.</summary>
    public string ToGitHubAnnotation()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        return string.Create(CultureInfo.InvariantCulture,
            $"::{kind} file={Escape(Location.Path, true)},line={Location.Line},col={Location.Column},title={Code}::{Escape(Message, false)}");
    }

    private static string Escape(string value, bool property)
    {
        var s = value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
        return property
            ? s.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal)
            : s;
    }
}
