using System.Text;
using BriefGen.Diagnostics;

namespace BriefGen.Render;

/// <summary>
/// The render stage's last step: runs each page's template, then wraps its output in base.html. Each page is
/// a function of the resolved brief and that page alone, so all pages render in one parallel pass.
/// </summary>
public sealed class SiteRenderer(TemplateRunner templates, RenderInputs inputs, DiagnosticBag diagnostics)
{
    /// <summary>
    /// Every page, each view built and rendered in one step, in the order of <paramref name="pages"/>: a view is garbage
    /// once its page is rendered, so the views of the whole site are never all held at once.
    /// </summary>
    public IReadOnlyList<OutputFile> Render(IEnumerable<Func<PageView>> pages) => Rendered(pages).ToList();

    /// <summary>
    /// Every page, rendered as <see cref="Render(IEnumerable{Func{PageView}})"/> renders it and handed to
    /// <paramref name="take"/> (from any thread) instead of kept; the paths of the files taken, in the order of <paramref name="pages"/>.
    /// </summary>
    public IReadOnlyList<string> Render(IEnumerable<Func<PageView>> pages, Action<OutputFile> take) =>
        Rendered(pages).Select(file =>
        {
            take(file);
            return file.Path;
        }).ToList();

    private ParallelQuery<OutputFile> Rendered(IEnumerable<Func<PageView>> pages) =>
        pages.ToList().AsParallel().AsOrdered().Select(build => RenderOne(build())).OfType<OutputFile>();

    /// <summary>
    /// One page's file, or null (with a diagnostic) when its template is missing or fails; <paramref name="stop"/>, when
    /// cancelled, stops the templates with <see cref="OperationCanceledException"/>.
    /// </summary>
    public OutputFile? RenderOne(PageView view, CancellationToken stop = default)
    {
        var set = templates.Templates;
        if (!set.Has(view.Template))
        {
            diagnostics.Error(Location.File(set.Origin + "/" + view.Template), DiagnosticCodes.TemplateError,
                $"template '{view.Template}' not found in {set.Origin}, needed for /{view.SitePath}");
            return null;
        }

        AddMetadata(view);

        // base.html writes the page as UTF-8 straight away: the whole page is never one string.
        var html = set.Has("base.html")
            ? templates.RunPage(view.Template, view.Model, view.SitePath, stop)
            : templates.Run(view.Template, new Scriban.Runtime.ScriptObject { ["page"] = view.Model, ["content"] = null }, view.SitePath, stop) is { } content
                ? Encoding.UTF8.GetBytes(content)
                : null;
        return html is null ? null : new OutputFile(Resolve.SitePaths.File(view.SitePath), html);
    }

    /// <summary>What every page's head needs: its path, canonical URL and JSON-LD (unless its kind gave richer JSON-LD).</summary>
    private void AddMetadata(PageView view)
    {
        var model = view.Model;
        var canonical = inputs.SiteUrl is { } siteUrl ? siteUrl + view.SitePath : null;
        model["path"] = view.SitePath;
        model["canonical"] = canonical;
        if (!model.ContainsKey("json_ld"))
        {
            model["json_ld"] = Data.JsonLd.For(inputs.Content.Brief, model["title"] as string ?? inputs.Content.Brief.Title,
                model["description"] as string, canonical, [], inputs.Site.Find, inputs.Sources);
        }
    }
}
