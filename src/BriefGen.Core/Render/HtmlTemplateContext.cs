using Scriban;
using Scriban.Parsing;

namespace BriefGen.Render;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is <see cref="Html"/>.
/// Escaping is the default, so a template cannot forget it.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext()
    {
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
                Write(html.Value);
                return this;
            default:
                Write(Html.Escape(ObjectToString(textAsObject) ?? ""));
                return this;
        }
    }
}
