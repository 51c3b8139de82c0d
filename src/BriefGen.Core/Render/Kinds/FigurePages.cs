using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>/figures/: every figure with its label, value and citation; and the figure model the home page's "By the numbers" shares.</summary>
public sealed class FigurePages(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return Index;
    }

    private PageView Index()
    {
        var context = inputs.Page(SitePaths.Figures);
        var model = new ScriptObject
        {
            ["id"] = "figures",
            ["kind"] = "figures",
            ["title"] = "Figures",
            ["url"] = inputs.Url(SitePaths.Figures),
            ["description"] = "Every number this brief relies on, as written in its source, each checked against the cited paragraph.",
            ["figures"] = List(inputs, context),
        };
        model["notes"] = inputs.Notes(context);
        return new PageView(SitePaths.Figures, "figures.html", model);
    }

    /// <summary>The figures as templates see them, their citations rendered as marks of <paramref name="context"/>.</summary>
    public static ScriptArray List(RenderInputs inputs, PageContext context)
    {
        var list = new ScriptArray();
        foreach (var figure in inputs.Content.Figures)
        {
            list.Add(Model(inputs, figure, context));
        }

        return list;
    }

    private static ScriptObject Model(RenderInputs inputs, Figure figure, PageContext context)
    {
        inputs.Verification.Figures.TryGetValue(figure.Id, out var check);
        return new ScriptObject
        {
            ["id"] = figure.Id,
            ["value"] = figure.Value,
            ["label"] = figure.Label,
            ["url"] = inputs.Url(SitePaths.Figures) + "#" + figure.Id,
            ["cite"] = inputs.Parsed.FigureCites.TryGetValue(figure.Id, out var cite) ? inputs.Inline(cite, context) : null,
            ["verified"] = check?.Verified ?? false,
            ["status"] = check is null ? "" : check.Verified ? "verified" : check.Verifiable ? "not found" : "not verifiable",
            ["paragraph"] = check?.Item?.Locator.Display,
        };
    }
}
