using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BriefGen.Render;

/// <summary>
/// What base.html writes as <c>content</c> with the built-in theme: the page's template, rendered when written,
/// straight into base.html's output, so the page is never built as a string of its own first (a source page's
/// paragraph map, the print page). Where base.html writes it indented, the page is rendered to a string and written as
/// markup, as any <see cref="Html"/>.
/// </summary>
/// <remarks><c>run</c> renders the page into the output it is given, or into a string when given none; null (with a diagnostic) when it fails.</remarks>
internal sealed class PageBody(Func<IScriptOutput?, string?> run)
{
    /// <summary>Renders the page into <paramref name="context"/>'s output; false (with a diagnostic) when its template failed.</summary>
    public bool WriteInto(Scriban.TemplateContext context) => run(new Forward(context)) is not null;

    /// <summary>The page as markup; null (with a diagnostic) when its template failed.</summary>
    public string? Render() => run(null);

    /// <summary>Stops base.html when the page in it failed: the page's template has reported why.</summary>
    public sealed class Failed(SourceSpan span) : ScriptRuntimeException(span, "the page's template failed");

    /// <summary>The page's output handed to base.html's context as its own writes, so its line tracking stays right.</summary>
    private sealed class Forward(Scriban.TemplateContext context) : IScriptOutput
    {
        public void Write(string text, int offset, int count) => context.Write(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => "";
    }
}
