using BriefGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BriefGen.Load;

/// <summary>
/// Walks a YAML text's events before anything builds a tree from it, and refuses what would make the
/// tree builder or the deserializer crash, recurse off the stack or run for minutes: nesting deeper than
/// <see cref="InputLimits.YamlDepth"/>, aliases that expand past <see cref="InputLimits.YamlNodes"/> nodes
/// (an "alias bomb"), and keys that are not plain values (a complex key is hashed in full, alias by alias).
/// The event parser itself is iterative, so even 50,000 opening braces are read with a flat stack.
/// </summary>
internal static class YamlGuard
{
    private sealed class Frame(bool isMapping, string? anchor, long start)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public long Start { get; } = start;

        /// <summary>In a mapping, whether the next node is a key.</summary>
        public bool AtKey { get; set; } = true;
    }

    /// <summary>True when the text is safe to load; otherwise one error at the place it stopped.</summary>
    public static bool Check(string text, NodeLocator at, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case MappingStart or SequenceStart or AnchorAlias when stack.TryPeek(out var parent) && parent.IsMapping && parent.AtKey:
                        diagnostics.Error(at.Of(current.Start), DiagnosticCodes.YamlComplexKey,
                            current is AnchorAlias
                                ? "a key may not be an alias (*name); write the key as plain text"
                                : "a key may not be a list or a mapping ('? ' complex key); write the key as plain text");
                        return false;
                    case MappingStart or SequenceStart:
                        nodes++;
                        if (stack.Count >= InputLimits.YamlDepth)
                        {
                            diagnostics.Error(at.Of(current.Start), DiagnosticCodes.TooDeep,
                                $"YAML nested more than {InputLimits.YamlDepth} levels deep; the limit keeps loading bounded (docs/security.md)");
                            return false;
                        }

                        var anchor = ((NodeEvent)current).Anchor;
                        stack.Push(new Frame(current is MappingStart, anchor.IsEmpty ? null : anchor.Value, nodes));
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = stack.Pop();
                        if (done.Anchor is not null)
                        {
                            sizes[done.Anchor] = nodes - done.Start + 1;
                        }

                        Completed(stack);
                        break;
                    case Scalar scalar:
                        nodes++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            sizes[scalar.Anchor.Value] = 1;
                        }

                        Completed(stack);
                        break;
                    case AnchorAlias alias:
                        nodes += sizes.GetValueOrDefault(alias.Value.Value, 1);
                        Completed(stack);
                        break;
                }

                if (nodes > InputLimits.YamlNodes)
                {
                    diagnostics.Error(at.Of(current.Start), DiagnosticCodes.YamlAlias,
                        $"YAML expands to more than {InputLimits.YamlNodes:N0} values (aliases *name repeat what they name); " +
                        "the limit stops alias bombs (docs/security.md)");
                    return false;
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Error(at.Of(e.Start), DiagnosticCodes.YamlSyntax, YamlHints.Describe(e, text, at));
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unclosed flow list before a plain
            // scalar); the place is where the last event began.
            diagnostics.Error(at.Of(last), DiagnosticCodes.YamlSyntax, "YAML does not parse here: an unclosed '[', '{' or quote?");
            return false;
        }

        return true;
    }

    private static void Completed(Stack<Frame> stack)
    {
        if (stack.TryPeek(out var parent) && parent.IsMapping)
        {
            parent.AtKey = !parent.AtKey;
        }
    }
}
