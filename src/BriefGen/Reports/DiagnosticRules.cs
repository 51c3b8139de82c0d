using System.Text.RegularExpressions;

namespace BriefGen.Cli;

/// <summary>
/// What each diagnostic code means, read from docs/diagnostics.md (embedded in the tool), so the
/// reference a writer reads and the rules a SARIF log carries are one text.
/// </summary>
internal static partial class DiagnosticRules
{
    /// <summary>Code → (default severity, what it means), from the rows of the tables in docs/diagnostics.md.</summary>
    public static IReadOnlyDictionary<string, (string Severity, string Meaning)> Load()
    {
        using var stream = typeof(DiagnosticRules).Assembly.GetManifestResourceStream("docs/diagnostics.md");
        var rules = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (stream is null)
        {
            return rules;
        }

        using var reader = new StreamReader(stream);
        foreach (var line in reader.ReadToEnd().ReplaceLineEndings("\n").Split('\n'))
        {
            var m = Row().Match(line);
            if (m.Success)
            {
                rules.TryAdd(m.Groups["code"].Value, (m.Groups["severity"].Value.Trim(), Plain(m.Groups["meaning"].Value)));
            }
        }

        return rules;
    }

    /// <summary>A table cell as plain text: no Markdown code marks or emphasis.</summary>
    private static string Plain(string cell) => cell.Trim().Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^\|\s*(?<code>BG\d{4})\s*\|(?<severity>[^|]*)\|(?<meaning>[^|]*)\|")]
    private static partial Regex Row();
}
