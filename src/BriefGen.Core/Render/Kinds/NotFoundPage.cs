using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>/404.html, which GitHub Pages serves at any missing path: so every link on it is base_url-prefixed.</summary>
public sealed class NotFoundPage(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return () => new PageView("404.html", "404.html", new ScriptObject
        {
            ["id"] = "404",
            ["kind"] = "404",
            ["title"] = "Page not found",
            ["url"] = inputs.Url("404.html"),
            ["description"] = "This page does not exist.",
        });
    }
}
