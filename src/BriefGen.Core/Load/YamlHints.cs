using BriefGen.Diagnostics;
using YamlDotNet.Core;

namespace BriefGen.Load;

/// <summary>
/// Rewrites YamlDotNet's parser errors into what a writer can act on: an unquoted ': ' inside a value, or a
/// line indented differently from the one above it. The place stays YamlDotNet's.
/// </summary>
internal static class YamlHints
{
    /// <summary>"YAML does not parse: …", with a hint when the cause is one a writer commonly makes.</summary>
    public static string Describe(YamlException e, string text, NodeLocator at)
    {
        var message = $"YAML does not parse: {YamlReader.Clean(e)}";
        return Hint(e, text, at) is { } hint ? $"{message}; {hint}" : message;
    }

    private static string? Hint(YamlException e, string text, NodeLocator at)
    {
        var lines = text.Split('\n');
        var index = (int)e.Start.Line - 1;
        if (index < 0 || index >= lines.Length)
        {
            return null;
        }

        var line = lines[index].TrimEnd('\r');
        // YamlDotNet stops at a tab's line or at the end of the line before it.
        for (var i = index; i <= index + 1 && i < lines.Length; i++)
        {
            if (lines[i].TrimStart(' ').StartsWith('\t'))
            {
                return $"line {i + 1 + at.LineOffset} is indented with a tab; YAML indents with spaces only";
            }
        }

        var what = e.Message;
        var mapping = what.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase) ||
                      what.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase);
        var colon = KeyColon(line);
        if (mapping && colon >= 0 && colon < e.Start.Column - 1)
        {
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            return $"a ': ' inside a value reads as a new field, so quote the value: {key}: \"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        }

        var indentError = mapping ||
                          what.Contains("did not find expected", StringComparison.OrdinalIgnoreCase) ||
                          what.Contains("while parsing a block", StringComparison.OrdinalIgnoreCase);
        if (!indentError || Above(lines, index) is not { } above)
        {
            return null;
        }

        var here = Indent(line);
        var there = Indent(lines[above]);
        var hereLine = index + 1 + at.LineOffset;
        var aboveLine = above + 1 + at.LineOffset;
        if (mapping && here > there)
        {
            return $"line {hereLine} is indented more than line {aboveLine} above it ({Spaces(here)}, not {there}), " +
                   $"so it reads as part of line {aboveLine}'s value; line the fields of one entry up";
        }

        if (here == there)
        {
            return line.TrimStart().StartsWith("- ", StringComparison.Ordinal)
                ? $"line {hereLine} starts a '- ' entry among the fields of line {aboveLine} above it; each '- ' entry starts where the first one does"
                : $"check the indentation of line {hereLine} against line {aboveLine} above it";
        }

        return $"line {hereLine} is indented {(here > there ? "more" : "less")} than line {aboveLine} above it ({Spaces(here)}, not {there}); " +
              "the fields of one entry line up, and each '- ' entry starts where the first one does";
    }

    /// <summary>The index of the ':' that ends the line's key (after any '- '), or -1.</summary>
    private static int KeyColon(string line)
    {
        var start = Indent(line);
        if (line.AsSpan(start).StartsWith("- ", StringComparison.Ordinal))
        {
            start += 2;
        }

        if (start >= line.Length || line[start] is '"' or '\'' or '#')
        {
            return -1;
        }

        var colon = line.IndexOf(": ", start, StringComparison.Ordinal);
        return colon;
    }

    /// <summary>The nearest line above that holds something other than a comment.</summary>
    private static int? Above(string[] lines, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var t = lines[i].Trim();
            if (t.Length > 0 && !t.StartsWith('#'))
            {
                return i;
            }
        }

        return null;
    }

    private static string Spaces(int n) => n == 1 ? "1 space" : $"{n} spaces";

    private static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }
}
