using System.Text.RegularExpressions;

namespace BriefGen.Csl.Tests;

/// <summary>One CSL test-suite fixture: its sections by name.</summary>
public sealed partial class Fixture
{
    [GeneratedRegex(@"^>>=+\s*([A-Z-]+)\s*=+>>\s*$")]
    private static partial Regex OpenRx();

    [GeneratedRegex(@"^<<=+\s*([A-Z-]+)\s*=+<<\s*$")]
    private static partial Regex CloseRx();

    public required string Name { get; init; }
    public required IReadOnlyDictionary<string, string> Sections { get; init; }

    public string Mode => Sections["MODE"].Trim();
    public string Result => Sections["RESULT"];
    public string Csl => Sections["CSL"];
    public string Input => Sections["INPUT"];
    public string? Get(string name) => Sections.TryGetValue(name, out var v) ? v : null;

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestSuite");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.txt").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Order(StringComparer.Ordinal);

    public static Fixture Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(Directory, name + ".txt")).TrimStart('\uFEFF');
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var buf = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (current is null)
            {
                var m = OpenRx().Match(line);
                if (m.Success)
                {
                    current = m.Groups[1].Value;
                    buf.Clear();
                }
                continue;
            }
            var c = CloseRx().Match(line);
            if (c.Success && c.Groups[1].Value == current)
            {
                sections[current] = string.Join("\n", buf);
                current = null;
                continue;
            }
            buf.Add(line);
        }
        return new Fixture { Name = name, Sections = sections };
    }
}
