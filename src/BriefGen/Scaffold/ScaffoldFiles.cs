using System.Reflection;
using System.Text;

namespace BriefGen.Cli;

/// <summary>
/// The files <c>init</c> and <c>new page</c> write, embedded in the tool from src/BriefGen/Scaffold/.
/// A path segment spelt <c>dot-NAME</c> is written as <c>.NAME</c> (so .gitignore and .github/ can
/// be embedded without being mistaken for this repository's own), and <c>{{name}}</c> is filled in.
/// </summary>
internal static partial class ScaffoldFiles
{
    private const string Prefix = "scaffold/";

    /// <summary>The files under one scaffold folder, as (path to write, name under scaffold/), sorted by path.</summary>
    public static IReadOnlyList<(string Path, string Name)> Under(string folder)
    {
        var prefix = folder.TrimEnd('/') + "/";
        return Resources().Keys
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Path: string.Join('/', n[prefix.Length..].Split('/').Select(Undot)), Name: n))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The text of an embedded scaffold file (a name under scaffold/, such as "page.md"), with each <c>{{key}}</c> replaced by its value.</summary>
    public static string Read(string name, IReadOnlyDictionary<string, string> values)
    {
        var resource = Resources().GetValueOrDefault(name) ?? throw new InvalidOperationException($"scaffold file '{name}' is not embedded in the tool");
        using var stream = typeof(ScaffoldFiles).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // One pass, so a value that itself looks like {{key}} (a title, say) is written as it is.
        return Token().Replace(reader.ReadToEnd().ReplaceLineEndings("\n"),
            m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    /// <summary>Name under scaffold/ with '/' separators → manifest resource name (which has '\\' when packed on Windows).</summary>
    private static Dictionary<string, string> Resources() =>
        typeof(ScaffoldFiles).Assembly.GetManifestResourceNames()
            .Select(n => (Name: n, Normal: n.Replace('\\', '/')))
            .Where(n => n.Normal.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n.Normal[Prefix.Length..], n => n.Name, StringComparer.Ordinal);

    /// <summary>A title as a YAML double-quoted scalar, safe whatever it contains.</summary>
    public static string YamlString(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) => sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    /// <summary>"court-history" → "Court history": the default title made from an id or folder name.</summary>
    public static string TitleFrom(string name)
    {
        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? "A sourced brief" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The tool's version without build metadata ("1.2.0", not "1.2.0+abc123").</summary>
    public static string ToolVersion()
    {
        var version = typeof(ScaffoldFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>The GitHub repository that publishes the BriefGen action, set when the tool is packed.</summary>
    public static string ActionRepository() =>
        typeof(ScaffoldFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BriefGenActionRepository")?.Value is { Length: > 0 } repo ? repo : "briefgen/briefgen";

    private static string Undot(string segment) =>
        segment.StartsWith("dot-", StringComparison.Ordinal) ? "." + segment[4..] : segment;

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{([a-z]+)\}\}")]
    private static partial System.Text.RegularExpressions.Regex Token();
}
