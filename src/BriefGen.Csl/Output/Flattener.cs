namespace BriefGen.Csl.Output;

/// <summary>One run of output text with the chain of formatting nodes around it.</summary>
internal sealed record Segment(string Text, ONode[] Stack, bool CloseQuote);

/// <summary>
/// Walks an output tree into text runs, placing quotation marks (alternating outer and inner),
/// moving commas and periods inside closing quotes where the locale says so, and merging
/// doubled punctuation where affixes and delimiters meet (<c>..</c> → <c>.</c>, <c>?.</c> → <c>?</c>).
/// </summary>
internal sealed class Flattener(CslLocale locale)
{
    private readonly List<Segment> _out = [];
    private readonly string _open = locale.GetTerm("open-quote") ?? "“";
    private readonly string _close = locale.GetTerm("close-quote") ?? "”";
    private readonly string _openInner = locale.GetTerm("open-inner-quote") ?? "‘";
    private readonly string _closeInner = locale.GetTerm("close-inner-quote") ?? "’";

    public static List<Segment> Run(ONode root, CslLocale locale)
    {
        var f = new Flattener(locale);
        f.Walk(root, [], 0);
        return f._out;
    }

    private void Walk(ONode n, ONode[] stack, int quoteDepth)
    {
        if (n.Text is not null)
        {
            Append(n.Text, stack, false);
            return;
        }
        if (n.Kids is null || n.IsEmpty) return;
        var s = n.Format is { HasFont: true } || n.Display is not null || n.Link is not null ? [.. stack, n] : stack;
        if (n.Quoted)
        {
            Append(quoteDepth % 2 == 0 ? _open : _openInner, s, false);
            foreach (var k in n.Kids) Walk(k, s, quoteDepth + 1);
            Append(quoteDepth % 2 == 0 ? _close : _closeInner, s, true);
            return;
        }
        foreach (var k in n.Kids) Walk(k, s, quoteDepth);
    }

    private char? LastChar(int before)
    {
        for (var i = before - 1; i >= 0; i--)
            if (_out[i].Text.Length > 0) return _out[i].Text[^1];
        return null;
    }

    private void Append(string text, ONode[] stack, bool closeQuote)
    {
        if (text.Length == 0) return;
        if (!closeQuote && locale.PunctuationInQuote && (text[0] == '.' || text[0] == ','))
        {
            var i = _out.Count;
            while (i > 0 && _out[i - 1].CloseQuote) i--;
            if (i < _out.Count)
            {
                var inside = LastChar(i);
                var p = text[0];
                if (!(inside is '.' or '?' or '!' && p == '.') && !(inside is ',' && p == ',')
                    && !(inside is '?' or '!' && p == ','))
                    _out.Insert(i, new Segment(p.ToString(), _out[i].Stack, false));
                text = text[1..];
                if (text.Length == 0) return;
            }
        }
        var last = LastChar(_out.Count);
        if (last is { } a)
        {
            var b = text[0];
            if ((b == '.' && a is '.' or '?' or '!' or '…') || (b is ',' or ';' or ':' && a == b) || (b == ' ' && a == ' '))
            {
                text = text[1..];
                if (text.Length == 0) return;
            }
        }
        _out.Add(new Segment(text, stack, closeQuote));
    }
}
