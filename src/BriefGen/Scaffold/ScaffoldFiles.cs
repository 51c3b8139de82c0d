using System.Reflection;
using System.Text;

namespace BriefGen.Cli;

/// <summary>
/// The files <c>init</c> and <c>new page</c> write, embedded in the tool from src/BriefGen/Scaffold/.
/// A path segment spelt <c>dot-NAME</c> is written as <c>.NAME</c> (so .gitignore and .github/ can
/// be embedded without being mistaken for this repository's own), and <c>{{name}}</c> is filled in.
/// </summary>
internal static class ScaffoldFiles
{
    private const string Prefix = "scaffold/";

    /// <summary>The files under one scaffold folder, as (path to write, embedded name), sorted by path.</summary>
    public static IReadOnlyList<(string Path, string Resource)> Under(string folder)
    {
        var prefix = Prefix + folder.TrimEnd('/') + "/";
        return typeof(ScaffoldFiles).Assembly.GetManifestResourceNames()
            .Select(n => (Name: n, Normal: n.Replace('\\', '/')))
            .Where(n => n.Normal.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Path: string.Join('/', n.Normal[prefix.Length..].Split('/').Select(Undot)), Resource: n.Name))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The text of an embedded scaffold file, with each <c>{{key}}</c> replaced by its value.</summary>
    public static string Read(string resource, IReadOnlyDictionary<string, string> values)
    {
        var name = resource.StartsWith(Prefix, StringComparison.Ordinal) || resource.Contains('\\', StringComparison.Ordinal)
            ? resource
            : typeof(ScaffoldFiles).Assembly.GetManifestResourceNames().Single(n => n.Replace('\\', '/') == Prefix + resource);
        using var stream = typeof(ScaffoldFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"scaffold file '{resource}' is not embedded in the tool");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        return text;
    }

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
}
