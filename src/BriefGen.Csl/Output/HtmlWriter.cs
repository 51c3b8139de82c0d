using System.Text;

namespace BriefGen.Csl.Output;

/// <summary>Writes text runs as HTML: nested formatting by the run's formatting chain, with flip-flop of nested italics/bold/small caps.</summary>
internal static class HtmlWriter
{
    /// <param name="segments">The runs.</param>
    /// <param name="testSuite">The CSL test suite's form (numeric entities, no links) instead of BriefGen's HTML.</param>
    public static string Write(IReadOnlyList<Segment> segments, bool testSuite)
    {
        var sb = new StringBuilder();
        var open = new List<(ONode Node, string Close)>();
        foreach (var seg in segments)
        {
            var common = 0;
            while (common < open.Count && common < seg.Stack.Length && ReferenceEquals(open[common].Node, seg.Stack[common])) common++;
            for (var i = open.Count - 1; i >= common; i--)
            {
                sb.Append(open[i].Close);
                open.RemoveAt(i);
            }
            for (var i = common; i < seg.Stack.Length; i++)
            {
                var (o, c) = Tags(seg.Stack[i], seg.Stack[..i], testSuite);
                sb.Append(o);
                open.Add((seg.Stack[i], c));
            }
            Escape(sb, seg.Text, testSuite);
        }
        for (var i = open.Count - 1; i >= 0; i--) sb.Append(open[i].Close);
        return sb.ToString();
    }

    private static (string Open, string Close) Tags(ONode n, ONode[] ancestors, bool testSuite)
    {
        var o = new StringBuilder();
        var c = new StringBuilder();
        void Add(string open, string close)
        {
            o.Append(open);
            c.Insert(0, close);
        }
        if (n.Display is { } d) Add($"<div class=\"csl-{d}\">", "</div>");
        if (n.Link is { } href && !testSuite)
        {
            var e = new StringBuilder();
            Escape(e, href, false);
            Add($"<a href=\"{e}\">", "</a>");
        }
        if (n.Format is { } f)
        {
            bool Inherited(Func<Style.Fmt, bool> on, Func<Style.Fmt, bool> off)
            {
                var state = false;
                foreach (var a in ancestors)
                    if (a.Format is { } af)
                    {
                        if (on(af)) state = !state;
                        else if (off(af)) state = false;
                    }
                return state;
            }
            if (f.FontStyle is "italic" or "oblique")
            {
                if (Inherited(x => x.FontStyle is "italic" or "oblique", x => x.FontStyle == "normal")) Add("<span style=\"font-style:normal;\">", "</span>");
                else Add("<i>", "</i>");
            }
            else if (f.FontStyle == "normal" && Inherited(x => x.FontStyle is "italic" or "oblique", x => x.FontStyle == "normal")) Add("<span style=\"font-style:normal;\">", "</span>");
            if (f.FontVariant == "small-caps")
            {
                if (Inherited(x => x.FontVariant == "small-caps", x => x.FontVariant == "normal")) Add("<span style=\"font-variant:normal;\">", "</span>");
                else Add("<span style=\"font-variant:small-caps;\">", "</span>");
            }
            else if (f.FontVariant == "normal" && Inherited(x => x.FontVariant == "small-caps", x => x.FontVariant == "normal")) Add("<span style=\"font-variant:normal;\">", "</span>");
            if (f.FontWeight == "bold")
            {
                if (Inherited(x => x.FontWeight == "bold", x => x.FontWeight == "normal")) Add("<span style=\"font-weight:normal;\">", "</span>");
                else Add("<b>", "</b>");
            }
            else if (f.FontWeight == "normal" && Inherited(x => x.FontWeight == "bold", x => x.FontWeight == "normal")) Add("<span style=\"font-weight:normal;\">", "</span>");
            else if (f.FontWeight == "light") Add("<span style=\"font-weight:light;\">", "</span>");
            if (f.TextDecoration == "underline") Add("<span style=\"text-decoration:underline;\">", "</span>");
            else if (f.TextDecoration == "none") Add("<span style=\"text-decoration:none;\">", "</span>");
            if (f.VerticalAlign == "sup") Add("<sup>", "</sup>");
            else if (f.VerticalAlign == "sub") Add("<sub>", "</sub>");
            else if (f.VerticalAlign == "baseline") Add("<span style=\"baseline\">", "</span>");
        }
        return (o.ToString(), c.ToString());
    }

    public static void Escape(StringBuilder sb, string s, bool testSuite)
    {
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '&': sb.Append(testSuite ? "&#38;" : "&amp;"); break;
                case '<': sb.Append(testSuite ? "&#60;" : "&lt;"); break;
                case '>': sb.Append(testSuite ? "&#62;" : "&gt;"); break;
                case '"' when !testSuite: sb.Append("&quot;"); break;
                default: sb.Append(ch); break;
            }
        }
    }
}
