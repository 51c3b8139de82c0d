using BriefGen.Csl.Style;

namespace BriefGen.Csl.Output;

/// <summary>
/// Reads the rich-text markup CSL data may carry in field values (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>,
/// <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>, <c>&lt;sc&gt;</c>, <c>&lt;span class="nocase"&gt;</c>,
/// <c>&lt;span style="font-variant:small-caps;"&gt;</c>) and straight quotes, into output nodes.
/// Anything else stays literal text.
/// </summary>
internal static class Markup
{
    private static readonly (string Open, string Close, Func<ONode> Make)[] Tags =
    [
        ("<i>", "</i>", () => new ONode { Format = new Fmt { FontStyle = "italic" } }),
        ("<b>", "</b>", () => new ONode { Format = new Fmt { FontWeight = "bold" } }),
        ("<sup>", "</sup>", () => new ONode { Format = new Fmt { VerticalAlign = "sup" } }),
        ("<sub>", "</sub>", () => new ONode { Format = new Fmt { VerticalAlign = "sub" } }),
        ("<sc>", "</sc>", () => new ONode { Format = new Fmt { FontVariant = "small-caps" } }),
        ("<span class=\"nocase\">", "</span>", () => new ONode { NoCase = true }),
        ("<span style=\"font-variant:small-caps;\">", "</span>", () => new ONode { Format = new Fmt { FontVariant = "small-caps" } }),
        ("<span style=\"font-variant: small-caps;\">", "</span>", () => new ONode { Format = new Fmt { FontVariant = "small-caps" } }),
    ];

    public static ONode Parse(string s)
    {
        if (s.IndexOf('<') < 0 && s.IndexOf('"') < 0 && s.IndexOf('\'') < 0) return ONode.Leaf(s);
        var pos = 0;
        var root = new ONode { Kids = [] };
        ParseInto(s, ref pos, root, null);
        return root;
    }

    private static void ParseInto(string s, ref int pos, ONode parent, string? close)
    {
        var text = new System.Text.StringBuilder();
        void Flush()
        {
            if (text.Length > 0) parent.Kids!.Add(ONode.Leaf(text.ToString()));
            text.Clear();
        }
        while (pos < s.Length)
        {
            if (close is not null && string.CompareOrdinal(s, pos, close, 0, close.Length) == 0)
            {
                Flush();
                pos += close.Length;
                return;
            }
            var c = s[pos];
            if (c == '<')
            {
                var matched = false;
                foreach (var (open, cl, make) in Tags)
                {
                    if (string.CompareOrdinal(s, pos, open, 0, open.Length) != 0) continue;
                    if (s.IndexOf(cl, pos + open.Length, StringComparison.Ordinal) < 0) break;
                    Flush();
                    pos += open.Length;
                    var node = make();
                    node.Kids = [];
                    ParseInto(s, ref pos, node, cl);
                    parent.Kids!.Add(node);
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            if ((c == '"' || c == '\'') && (pos == 0 || !char.IsLetterOrDigit(s[pos - 1])))
            {
                var end = FindClosingQuote(s, pos + 1, c);
                if (end > 0)
                {
                    Flush();
                    var inner = Parse(s[(pos + 1)..end]);
                    parent.Kids!.Add(new ONode { Quoted = true, Kids = [inner] });
                    pos = end + 1;
                    continue;
                }
            }
            if (c == '\'')
            {
                text.Append('’');
                pos++;
                continue;
            }
            text.Append(c);
            pos++;
        }
        Flush();
    }

    private static int FindClosingQuote(string s, int from, char q)
    {
        if (from >= s.Length || char.IsWhiteSpace(s[from])) return -1;
        for (var i = from + 1; i < s.Length; i++)
            if (s[i] == q && (i + 1 == s.Length || !char.IsLetterOrDigit(s[i + 1])) && !char.IsWhiteSpace(s[i - 1])) return i;
        return -1;
    }
}
