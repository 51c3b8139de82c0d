using Scriban;
using Scriban.Parsing;

namespace BriefGen.Render;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is <see cref="Html"/>.
/// Escaping is the default, so a template cannot forget it.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    private readonly Action<string, int, int> _write;

    public HtmlTemplateContext(Scriban.Runtime.ScriptObject builtins)
        : base(builtins)
    {
        _write = (text, start, count) => Write(text, start, count);
        // Output must not depend on the machine's culture.
        PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        EnableRelaxedMemberAccess = true;
        NewLine = "\n";

        // A brief may have thousands of pages, sources or events: no cap on loops or recursion depth of lists.
        LoopLimit = 0;
        LimitToString = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case Html html:
                WriteMarkup(html.Value);
                return this;
            case PageBody body when string.IsNullOrEmpty(CurrentIndent):
                return body.WriteInto(this) ? this : throw new PageBody.Failed(span);
            case PageBody body:
                WriteMarkup(body.Render() ?? throw new PageBody.Failed(span));
                return this;
            default:
                // Written in pieces, not built as a string (a source page escapes every paragraph of its text); the pieces
                // end the same lines as the whole would, so auto-indent writes the same.
                Html.Escape(ObjectToString(textAsObject) ?? "", _write);
                return this;
        }
    }

    /// <summary>
    /// Writes markup with Scriban's auto-indent (an expression indented in the template indents every line it
    /// writes), except inside &lt;pre&gt;, whose lines must reach the page byte for byte.
    /// </summary>
    private void WriteMarkup(string html)
    {
        var at = 0;
        while (html.IndexOf("<pre", at, StringComparison.Ordinal) is var start and >= 0)
        {
            var close = html.IndexOf("</pre>", start, StringComparison.Ordinal);
            var end = close < 0 ? html.Length : close + "</pre>".Length;
            Write(html[at..start]);
            var indent = CurrentIndent;
            CurrentIndent = null;
            Write(html[start..end]);
            CurrentIndent = indent;
            at = end;
        }

        Write(at == 0 ? html : html[at..]);
    }
}
