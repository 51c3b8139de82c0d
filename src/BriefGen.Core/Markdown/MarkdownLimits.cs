using System.Globalization;
using BriefGen.Diagnostics;
using BriefGen.Load;
using Markdig.Syntax;

namespace BriefGen.Markdown;

/// <summary>Why a Markdown text was not parsed, and where (0-based line and column, as Markdig counts).</summary>
internal sealed record MarkdownRefusal(int Line, int Column, string Code, string Message);

/// <summary>
/// Keeps Markdown parsing bounded. Markdig stops at 128 levels of nesting by throwing, and its pipe-table
/// parser turns quadratic on a long run of table lines after inline emphasis (a 400 KB table took 15 s). So
/// a text is scanned first, and a text that is refused parses to an empty document that carries the reason,
/// which <see cref="MarkdownEngine.Check"/> reports at its place: fail closed, never a crash or a silent gap.
/// </summary>
internal static class MarkdownLimits
{
    private const string RefusalKey = "briefgen:refused";

    /// <summary>A reason to refuse <paramref name="text"/> before parsing, or null.</summary>
    public static MarkdownRefusal? Scan(string text)
    {
        var line = 0;
        var runStart = -1;
        var runLines = 0;
        var runChars = 0;
        foreach (var raw in text.Split('\n'))
        {
            var quotes = 0;
            foreach (var c in raw)
            {
                if (c == '>')
                {
                    quotes++;
                }
                else if (c is not (' ' or '\t'))
                {
                    break;
                }
            }

            if (quotes > InputLimits.MarkdownDepth)
            {
                return new MarkdownRefusal(line, 0, DiagnosticCodes.TooDeep, string.Create(CultureInfo.InvariantCulture,
                    $"blockquotes nested {quotes} deep; the limit is {InputLimits.MarkdownDepth} (docs/security.md)"));
            }

            if (raw.Contains('|', StringComparison.Ordinal) && raw.Trim().Length > 0)
            {
                runStart = runLines == 0 ? line : runStart;
                runLines++;
                runChars += raw.Length + 1;
                if (runLines > InputLimits.TableRows || runChars > InputLimits.TableChars)
                {
                    return new MarkdownRefusal(runStart, 0, DiagnosticCodes.TooLarge, string.Create(CultureInfo.InvariantCulture,
                        $"a table (or run of lines holding '|') longer than {InputLimits.TableRows:N0} lines or {InputLimits.TableChars:N0} characters; split it (docs/security.md)"));
                }
            }
            else
            {
                runLines = 0;
                runChars = 0;
            }

            line++;
        }

        return null;
    }

    /// <summary>Where Markdig's depth limit was most likely hit: the line with the most nesting markers.</summary>
    public static MarkdownRefusal TooDeep(string text)
    {
        var best = 0;
        var bestScore = -1;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var score = 0;
            foreach (var c in lines[i])
            {
                score += c switch
                {
                    '>' or '[' or '(' or '*' or '_' or '-' or '+' or '<' => 2,
                    ' ' => 1,
                    _ => 0,
                };
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return new MarkdownRefusal(best, 0, DiagnosticCodes.TooDeep,
            "Markdown nested too deeply (blockquotes, lists, brackets or emphasis more than 128 levels); the parser stops there (docs/security.md)");
    }

    /// <summary>
    /// The parsed tree's nesting, walked without recursion: Markdig's renderer has its own depth limit, which
    /// nesting its parser let through (runs of emphasis) can still reach. Null when within the limit.
    /// </summary>
    public static MarkdownRefusal? TooDeepTree(MarkdownDocument document)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > TreeDepth)
            {
                return new MarkdownRefusal(node.Line, node.Column, DiagnosticCodes.TooDeep, string.Create(CultureInfo.InvariantCulture,
                    $"Markdown nested more than {TreeDepth} levels deep (blockquotes, lists, links or emphasis); the limit keeps rendering bounded (docs/security.md)"));
            }

            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case Markdig.Syntax.Inlines.ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>Nesting of the parsed tree, blocks and inlines together.</summary>
    public const int TreeDepth = 96;

    public static MarkdownDocument Refused(MarkdownRefusal refusal)
    {
        var document = new MarkdownDocument();
        document.SetData(RefusalKey, refusal);
        return document;
    }

    public static MarkdownRefusal? RefusalOf(MarkdownDocument document) => document.GetData(RefusalKey) as MarkdownRefusal;
}
