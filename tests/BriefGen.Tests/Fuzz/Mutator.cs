using System.Text;

namespace BriefGen.Tests.Fuzz;

/// <summary>
/// A seeded mutator of brief files, as a writer's slips and a hostile pull request would change them:
/// deleted and doubled characters and lines, stray YAML and Markdown syntax, foreign digits, control
/// characters, reserved ids, deep nesting, huge values. The same seed gives the same mutations.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] Chars =
    [
        "[", "]", "{", "}", "(", ")", ":", ",", "-", "*", "&", "!", "|", ">", "#", "\"", "'", "\n", "\t", "\0", "@", "¶",
        "٣", "\u202e", "\r", "<", "\\", "?", "%", "~", "`", "^", "_", "=", "\u00a0", "\uffff", "\ud800", "😀",
    ];

    private static readonly string[] Tokens =
    [
        "", "null", "~", "*a", "&a x", "? ", "- ", "- ", ": ", "99999999999", "-1", "0", "sources", "search", "index", "print",
        "assets", "tags", "entities", "javascript:alert(1)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "/\\evil.example/", "//evil.example/", "file:///etc/passwd", "../../../etc/passwd", "[[", "]]", "[@", "[@seed, ¶٣]",
        "[@seed, ¶99999999999]", "[@nosuch]", "{{", "}}", "{{ while true; end }}", "---", "...", "| a | b |\n|---|---|",
        "> [!WARNING]\n> x", "[^1]", "[^1]: note", "<!--", "-->", "\u0000", "true", "false", "2020-13-45", "1e999", "!!binary",
        "!!python/object:os.system", "<<: *a", "|-", ">-", "\"unterminated", "'unterminated", "— [[nobody]]",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to three mutations of <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            text = MutateOnce(text);
        }

        return text;
    }

    private string MutateOnce(string text)
    {
        var at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        switch (_random.Next(12))
        {
            case 0: // delete a character
                return text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), 1);
            case 1: // delete a range
                return text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), Math.Min(text.Length - Math.Min(at, text.Length - 1), 1 + _random.Next(40)));
            case 2: // insert a stray character
                return text.Insert(at, Pick(Chars));
            case 3: // insert a token
                return text.Insert(at, Pick(Tokens));
            case 4: // replace a word with a token
                return ReplaceWord(text, Pick(Tokens));
            case 5: // double a line, up to fifty times
                return RepeatLine(text, 1 + _random.Next(50));
            case 6: // swap two lines
                return SwapLines(text);
            case 7: // cut the file short
                return text[..at];
            case 8: // deep nesting
                return text.Insert(at, new string(Pick(["[", "{", ">", "(", "*", "-"])[0], 1 + _random.Next(300)));
            case 9: // a huge value
                return text.Insert(at, new string(Pick(["x", " ", "|", "[", "9"])[0], 1_000 + _random.Next(60_000)));
            case 10: // change indentation
                return ChangeIndent(text);
            default: // flip the case of a character
                return text.Length == 0 ? text : FlipCase(text, Math.Min(at, text.Length - 1));
        }
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private string ReplaceWord(string text, string token)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return text + token;
        }

        var start = starts[_random.Next(starts.Count)];
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, start), token, text.AsSpan(end));
    }

    private string RepeatLine(string text, int times)
    {
        var lines = text.Split('\n').ToList();
        var i = _random.Next(lines.Count);
        lines.InsertRange(i, Enumerable.Repeat(lines[i], times));
        return string.Join('\n', lines);
    }

    private string SwapLines(string text)
    {
        var lines = text.Split('\n');
        var a = _random.Next(lines.Length);
        var b = _random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private string ChangeIndent(string text)
    {
        var lines = text.Split('\n');
        var i = _random.Next(lines.Length);
        lines[i] = _random.Next(2) == 0 ? lines[i].TrimStart() : new string(' ', 1 + _random.Next(8)) + lines[i];
        return string.Join('\n', lines);
    }

    private static string FlipCase(string text, int i)
    {
        var sb = new StringBuilder(text);
        sb[i] = char.IsUpper(sb[i]) ? char.ToLowerInvariant(sb[i]) : char.ToUpperInvariant(sb[i]);
        return sb.ToString();
    }
}
