using System.Text;
using System.Text.Json;
using BriefGen.Build;
using BriefGen.Diagnostics;

namespace BriefGen.Cli;

/// <summary>
/// <c>--sarif FILE</c>: a run's diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning
/// shows on pull requests. Written with <see cref="Utf8JsonWriter"/>: no reflection, safe under
/// Native AOT. Paths are relative to the brief's root (uriBaseId <c>%SRCROOT%</c>).
/// </summary>
internal static class SarifReport
{
    public const string RootBaseId = "%SRCROOT%";

    public static void Write(string file, BuildResult result, string root)
    {
        var full = Path.GetFullPath(file);
        if (Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllBytes(full, ToBytes(result.Diagnostics, root));
    }

    public static byte[] ToBytes(IReadOnlyList<Diagnostic> diagnostics, string root)
    {
        var known = DiagnosticRules.Load();
        var codes = diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "BriefGen");
            w.WriteString("version", ScaffoldFiles.ToolVersion());
            w.WriteString("informationUri", $"https://github.com/{ScaffoldFiles.ActionRepository()}");
            w.WriteStartArray("rules");
            foreach (var code in codes)
            {
                var (severity, meaning) = known.TryGetValue(code, out var rule) ? rule : ("warning", $"BriefGen diagnostic {code}");
                w.WriteStartObject();
                w.WriteString("id", code);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", meaning);
                w.WriteEndObject();
                w.WriteString("helpUri", $"https://github.com/{ScaffoldFiles.ActionRepository()}/blob/main/docs/diagnostics.md");
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", severity.StartsWith("error", StringComparison.Ordinal) ? "error" : "warning");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(RootBaseId);
            w.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                w.WriteNumber("ruleIndex", index[d.Code]);
                w.WriteString("level", d.Severity == Severity.Error ? "error" : "warning");
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                WriteArtifact(w, d.Location.Path);
                if (d.Location.Line >= 1)
                {
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", d.Location.Line);
                    w.WriteNumber("startColumn", Math.Max(1, d.Location.Column));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>A root-relative path as a relative URI against %SRCROOT%; a path outside the root as an absolute file URI.</summary>
    private static void WriteArtifact(Utf8JsonWriter w, string path)
    {
        w.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(path))
        {
            w.WriteString("uri", new Uri(path).AbsoluteUri);
        }
        else
        {
            var uri = new StringBuilder();
            foreach (var segment in path.Replace('\\', '/').Split('/'))
            {
                uri.Append(uri.Length == 0 ? "" : "/").Append(Uri.EscapeDataString(segment));
            }

            w.WriteString("uri", uri.ToString());
            w.WriteString("uriBaseId", RootBaseId);
        }

        w.WriteEndObject();
    }
}
