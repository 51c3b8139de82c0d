using System.Text;
using BriefGen.Csl.Output;

namespace BriefGen.Csl;

/// <summary>Formatting a <see cref="CslSpan"/> applies to its content.</summary>
[Flags]
public enum CslFormatting
{
    /// <summary>No formatting.</summary>
    None = 0,
    /// <summary>Italic (or, nested in italic, upright).</summary>
    Italic = 1,
    /// <summary>Bold.</summary>
    Bold = 2,
    /// <summary>Small capitals.</summary>
    SmallCaps = 4,
    /// <summary>Superscript.</summary>
    Superscript = 8,
    /// <summary>Subscript.</summary>
    Subscript = 16,
    /// <summary>Underlined.</summary>
    Underline = 32,
    /// <summary>Explicitly upright (font-style normal).</summary>
    Upright = 64,
    /// <summary>Explicitly normal weight.</summary>
    NormalWeight = 128,
    /// <summary>Explicitly no small capitals.</summary>
    NormalVariant = 256,
}

/// <summary>A piece of formatted citation output.</summary>
public abstract record CslInline;

/// <summary>Plain text (quotation marks are already the locale's characters).</summary>
public sealed record CslTextRun(string Text) : CslInline;

/// <summary>Content under formatting, a CSL display block (<c>block</c>, <c>left-margin</c>, <c>right-inline</c>, <c>indent</c>) or a link.</summary>
public sealed record CslSpan(CslFormatting Formatting, string? Display, string? Link, IReadOnlyList<CslInline> Children) : CslInline;

/// <summary>
/// A formatted citation or bibliography entry: a small rich-text tree with escaped, deterministic
/// HTML (<see cref="ToHtml"/>) and plain text (<see cref="ToPlainText"/>).
/// </summary>
public sealed class CslRichText
{
    private readonly IReadOnlyList<Segment> _segments;

    internal CslRichText(IReadOnlyList<Segment> segments)
    {
        _segments = segments;
        Content = Build(segments);
    }

    /// <summary>The content as a tree of runs and spans.</summary>
    public IReadOnlyList<CslInline> Content { get; }

    /// <summary>True when nothing was rendered.</summary>
    public bool IsEmpty => _segments.All(s => s.Text.Length == 0);

    /// <summary>HTML: text escaped (<c>&amp;amp; &amp;lt; &amp;gt; &amp;quot;</c>), <c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>,
    /// <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>, small caps and display blocks as styled spans/divs, URL and DOI as links.</summary>
    public string ToHtml() => HtmlWriter.Write(_segments, testSuite: false);

    /// <summary>The text without formatting.</summary>
    public string ToPlainText() => string.Concat(_segments.Select(s => s.Text));

    /// <summary>The CSL processor test suite's HTML-ish form (numeric entities, no links).</summary>
    public string ToTestSuiteHtml() => HtmlWriter.Write(_segments, testSuite: true);

    /// <inheritdoc />
    public override string ToString() => ToPlainText();

    private static IReadOnlyList<CslInline> Build(IReadOnlyList<Segment> segments)
    {
        var root = new List<CslInline>();
        var open = new List<(ONode Node, List<CslInline> Kids, List<CslInline> Parent)>();
        void Close(int to)
        {
            for (var i = open.Count - 1; i >= to; i--)
            {
                var (node, kids, parent) = open[i];
                parent.Add(new CslSpan(Formatting(node), node.Display, node.Link, kids));
                open.RemoveAt(i);
            }
        }
        foreach (var seg in segments)
        {
            var common = 0;
            while (common < open.Count && common < seg.Stack.Length && ReferenceEquals(open[common].Node, seg.Stack[common])) common++;
            Close(common);
            for (var i = common; i < seg.Stack.Length; i++)
                open.Add((seg.Stack[i], [], open.Count > 0 ? open[^1].Kids : root));
            var target = open.Count > 0 ? open[^1].Kids : root;
            if (target.Count > 0 && target[^1] is CslTextRun prev) target[^1] = new CslTextRun(prev.Text + seg.Text);
            else target.Add(new CslTextRun(seg.Text));
        }
        Close(0);
        return root;
    }

    private static CslFormatting Formatting(ONode n)
    {
        var r = CslFormatting.None;
        if (n.Format is not { } f) return r;
        if (f.FontStyle is "italic" or "oblique") r |= CslFormatting.Italic;
        if (f.FontStyle == "normal") r |= CslFormatting.Upright;
        if (f.FontWeight == "bold") r |= CslFormatting.Bold;
        if (f.FontWeight == "normal") r |= CslFormatting.NormalWeight;
        if (f.FontVariant == "small-caps") r |= CslFormatting.SmallCaps;
        if (f.FontVariant == "normal") r |= CslFormatting.NormalVariant;
        if (f.VerticalAlign == "sup") r |= CslFormatting.Superscript;
        if (f.VerticalAlign == "sub") r |= CslFormatting.Subscript;
        if (f.TextDecoration == "underline") r |= CslFormatting.Underline;
        return r;
    }
}
