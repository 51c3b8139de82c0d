using System.Text.RegularExpressions;

namespace BriefGen.Tests.Support;

/// <summary>
/// Reads a Markdown spec file of examples, as Markdig's own specs are written: each fenced
/// <c>example</c> block holds input, a line with a single '.', then the expected HTML.
/// </summary>
public static partial class SpecFile
{
    public static TheoryData<int, string, string> Examples(string name)
    {
        var text = File.ReadAllText(Path.Combine(Repo.TestsDir, "Specs", name)).ReplaceLineEndings("\n");
        var data = new TheoryData<int, string, string>();
        var number = 0;
        foreach (Match m in Example().Matches(text))
        {
            data.Add(++number, m.Groups["input"].Value, m.Groups["html"].Value);
        }

        return data;
    }

    [GeneratedRegex("```example\n(?<input>.*?)\n\\.\n(?<html>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
