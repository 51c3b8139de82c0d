using BriefGen.Csl.Output;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Rendering;

/// <summary>Bibliography-only steps: subsequent-author-substitute and second-field-align.</summary>
internal static class Bibliography
{
    public static void SubstituteAuthors(List<(string Id, ONode Node)> entries, Section bib)
    {
        var sub = bib.Attr("subsequent-author-substitute");
        if (sub is null) return;
        var rule = bib.Attr("subsequent-author-substitute-rule") ?? "complete-all";
        string? previous = null;
        List<string>? previousNames = null;
        foreach (var (_, node) in entries)
        {
            var names = node.FindNames();
            if (names is null)
            {
                previous = null;
                previousNames = null;
                continue;
            }
            var text = names.Plain();
            var parts = NameParts(names);
            var match = previous is not null && text == previous;
            if (rule == "complete-all" && match)
                names.Kids = sub.Length == 0 ? [] : [ONode.Leaf(sub)];
            else if (rule == "complete-each" && match)
                ReplaceEach(names, sub, parts.Count);
            else if (rule is "partial-each" or "partial-first" && previousNames is not null && parts.Count > 0 && previousNames.Count > 0 && parts[0] == previousNames[0])
            {
                var n = 0;
                if (rule == "partial-first") n = 1;
                else while (n < parts.Count && n < previousNames.Count && parts[n] == previousNames[n]) n++;
                ReplaceEach(names, sub, n);
            }
            previous = text;
            previousNames = parts;
        }
    }

    /// <summary>The rendered names, one per name (the direct children of the list that are not delimiters).</summary>
    private static List<string> NameParts(ONode names)
    {
        var list = NameNodes(names);
        return list.Select(n => n.Plain()).ToList();
    }

    private static List<ONode> NameNodes(ONode names)
    {
        var node = names;
        while (node.Kids is { Count: 1 } && node.Kids[0].Text is null) node = node.Kids[0];
        if (node.Kids is null) return [];
        // Name lists are sequences of name, delimiter, name …; a label may follow.
        var seq = node.Kids.FirstOrDefault(k => k.Kids is { Count: > 0 } && k.Text is null && k.Kids.Count >= 1) ?? node;
        return (seq.Kids ?? []).Where((k, i) => i % 2 == 0).ToList();
    }

    private static void ReplaceEach(ONode names, string sub, int count)
    {
        var nodes = NameNodes(names);
        for (var i = 0; i < Math.Min(count, nodes.Count); i++)
        {
            nodes[i].Text = null;
            nodes[i].Kids = [ONode.Leaf(sub)];
        }
    }

    public static ONode SecondFieldAlign(ONode entry, Section bib, Context c)
    {
        if (bib.Attr("second-field-align") is not ("flush" or "margin") || entry.Kids is not { Count: > 1 }) return entry;
        var first = new ONode { Kids = [entry.Kids[0]], Display = "left-margin" };
        var rest = new ONode { Kids = entry.Kids.Skip(1).ToList(), Display = "right-inline" };
        return ONode.Seq([first, rest]);
    }
}
