using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>
/// One page of the output before its template runs: where it goes, which template renders it, and the
/// model the template sees as <c>page</c>. Each page kind (home, page, entity, source…) makes these.
/// </summary>
public sealed record PageView(string SitePath, string Template, ScriptObject Model);

/// <summary>A kind of output page (content pages, the bibliography, entity pages…): makes its views.</summary>
public interface IPageKind
{
    /// <summary>One builder per page; builders run in parallel, each rendering its own Markdown.</summary>
    IEnumerable<Func<PageView>> Pages();
}
