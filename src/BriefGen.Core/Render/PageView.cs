using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>
/// One page of the output before its template runs: where it goes, which template renders it, and the
/// model the template sees as <c>page</c>. Each page kind (home, page, entity, source…) makes these.
/// </summary>
public sealed record PageView(string SitePath, string Template, string Title, string? Description, ScriptObject Model);
