using System.Text;
using BriefGen.Diagnostics;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BriefGen.Render;

/// <summary>
/// The render stage's last step: runs each page's template, then wraps its output in base.html.
/// Pages render in parallel; each gets its own template context.
/// </summary>
public sealed class SiteRenderer(TemplateSet templates, ScriptObject site, RenderInputs inputs, DiagnosticBag diagnostics)
{
    private readonly string baseUrl = inputs.MarkdownSite.BaseUrl;
    private readonly DateTime _buildTime = TemplateFunctions.BuildTimeFor(inputs.Content.Brief.Date);

    public IReadOnlyList<OutputFile> Render(IEnumerable<Func<PageView>> pages) =>
        pages.ToList().AsParallel().AsOrdered()
            .Select(build => RenderOne(build()))
            .Where(f => f is not null)
            .Select(f => f!)
            .ToList();

    private OutputFile? RenderOne(PageView view)
    {
        if (!templates.Has(view.Template))
        {
            diagnostics.Error(Location.File(templates.Origin + "/" + view.Template), DiagnosticCodes.TemplateError,
                $"template '{view.Template}' not found in {templates.Origin}, needed for /{view.SitePath}");
            return null;
        }

        AddMetadata(view);
        var content = Run(view.Template, view, null);
        if (content is null)
        {
            return null;
        }

        var html = templates.Has("base.html") ? Run("base.html", view, new Html(content)) : content;
        return html is null ? null : new OutputFile(Resolve.SitePaths.File(view.SitePath), Encoding.UTF8.GetBytes(html));
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

    private string? Run(string templateName, PageView view, Html? content)
    {
        var context = templates.NewContext();
        var globals = new ScriptObject
        {
            ["site"] = site,
            ["page"] = view.Model,
            ["content"] = content,
            ["base_url"] = baseUrl,
        };
        TemplateFunctions.AddTo(globals, baseUrl, context, _buildTime);
        context.PushGlobal(globals);
        try
        {
            return templates.Get(templateName).Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Error(templates.At(e.Span), DiagnosticCodes.TemplateError,
                $"{(e is ScriptAbortException ? TemplateLimits.OutOfTime : e.OriginalMessage)} (rendering /{view.SitePath})");
            return null;
        }
    }
}
