namespace BriefGen.Load;

/// <summary>Splits a Markdown file into its YAML front matter and a body that keeps the file's line numbers.</summary>
internal static class FrontMatter
{
    /// <summary>
    /// Null when the file does not open with a '---' line closed by another. The body has the front
    /// matter's lines blanked, so Markdown positions are positions in the file.
    /// </summary>
    public static (string Yaml, string Body, int YamlLineOffset)? Split(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd() != "---")
        {
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = new string('\n', i + 1) + string.Join('\n', lines[(i + 1)..]);
                return (yaml, body, 1);
            }
        }

        return null;
    }
}
