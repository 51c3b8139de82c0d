using BriefGen.Diagnostics;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BriefGen.Render;

/// <summary>
/// Runs one template of the theme with the variables every template sees (<c>site</c>, <c>base_url</c>,
/// <c>url</c>, <c>include</c>, <c>date.now</c>) plus its own. Each run has a context to itself, so runs are
/// independent and may happen in parallel.
/// </summary>
public sealed class TemplateRunner(TemplateSet templates, ScriptObject site, string baseUrl, DateTime buildTime, DiagnosticBag diagnostics)
{
    // Scriban's functions (string, array, date…) with include, url and date.now as BriefGen defines them: made once
    // per build and read-only, so every render shares them and no render can change what another sees.
    private readonly ScriptObject _builtins = TemplateFunctions.Builtins(baseUrl, buildTime);

    // Contexts of the built-in theme that finished a render cleanly; a failed render's context is dropped.
    private readonly System.Collections.Concurrent.ConcurrentBag<HtmlTemplateContext> _idle = [];
    private int _contextsMade;

    /// <summary>How many contexts this runner has made.</summary>
    internal int ContextsMade => _contextsMade;

    public TemplateSet Templates => templates;

    /// <summary>The <c>site</c> object every template sees.</summary>
    public ScriptObject Site => site;

    /// <summary>The time <c>date.now</c> shows.</summary>
    public DateTime BuildTime => buildTime;

    /// <summary>
    /// The template's output, or null (with a diagnostic) when it fails; <paramref name="forPath"/> names the page in messages.
    /// Stopped with <see cref="OperationCanceledException"/>, and no diagnostic, when <paramref name="stop"/> is cancelled.
    /// </summary>
    public string? Run(string templateName, ScriptObject variables, string forPath, CancellationToken stop = default) =>
        Run(templateName, variables, forPath, null, stop);

    /// <summary>The template's output as UTF-8, written straight into a buffer the thread reuses; null (with a diagnostic) when it fails.</summary>
    public byte[]? RunToUtf8(string templateName, ScriptObject variables, string forPath, CancellationToken stop = default)
    {
        var output = Utf8Output.Rent();
        try
        {
            return Run(templateName, variables, forPath, output, stop) is null ? null : output.ToArray();
        }
        finally
        {
            output.Return();
        }
    }

    /// <summary>
    /// A page's template inside base.html, as UTF-8; null (with a diagnostic) when either fails. With the built-in theme
    /// the page is written straight into base.html's output where it writes <c>content</c>; with a theme of the brief's
    /// own, whose renders are bounded one by one (<see cref="TemplateLimits"/>), the page is rendered first, as a string.
    /// </summary>
    public byte[]? RunPage(string templateName, ScriptObject page, string forPath, CancellationToken stop = default)
    {
        ScriptObject With(object? content) => new() { ["page"] = page, ["content"] = content };
        if (templates.FromRoot)
        {
            return Run(templateName, With(null), forPath, stop) is { } content ? RunToUtf8("base.html", With(new Html(content)), forPath, stop) : null;
        }

        var body = new PageBody(output => Run(templateName, With(null), forPath, output, stop));
        return RunToUtf8("base.html", With(body), forPath, stop);
    }

    private string? Run(string templateName, ScriptObject variables, string forPath, IScriptOutput? output, CancellationToken stop)
    {
        // With the built-in theme a context that rendered cleanly is used again, by one render at a time: making one
        // costs Scriban some twenty kilobytes, two for every page and one for every quote box's caption. A render to a
        // string gets a builder of its own, let go with the string, so no context keeps one as large as a page. A theme
        // of the brief's own gets a fresh context each time, since its limits (time, output) count from the context's start.
        var reuse = !templates.FromRoot;
        if (!reuse || !_idle.TryTake(out var context))
        {
            context = templates.NewContext(_builtins);
            Interlocked.Increment(ref _contextsMade);
        }

        if (output is not null || reuse)
        {
            context.PushOutput(output ?? new StringBuilderOutput());
        }

        // Scriban looks at its token before each statement: the caller's, with a theme's own time budget when it has one.
        var budget = context.CancellationToken;
        if (stop.CanBeCanceled)
        {
            context.CancellationToken = budget.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(budget, stop).Token : stop;
        }

        var globals = new ScriptObject { ["site"] = site, ["base_url"] = baseUrl };
        foreach (var (name, value) in variables)
        {
            globals[name] = value;
        }

        context.PushGlobal(globals);
        try
        {
            var rendered = templates.Get(templateName).Render(context);
            if (reuse)
            {
                // Back as it was made: the render's variables and output gone, no line begun.
                context.CancellationToken = budget;
                context.PopGlobal();
                context.PopOutput();
                context.CurrentIndent = null;
                context.ResetPreviousNewLine();
                _idle.Add(context);
            }

            return rendered;
        }
        catch (Exception e) when (stop.IsCancellationRequested && e is ScriptRuntimeException or OperationCanceledException or PageBody.Failed)
        {
            throw new OperationCanceledException(stop); // Stopped by the caller: nothing to report.
        }
        catch (PageBody.Failed)
        {
            return null; // The page inside has reported why.
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Error(templates.At(e.Span), DiagnosticCodes.TemplateError,
                $"{(e is ScriptAbortException ? TemplateLimits.OutOfTime : e.OriginalMessage)} (rendering /{forPath})");
            return null;
        }
        catch (InvalidOperationException e) when (e.Message == TemplateFunctions.ReadOnlyMessage)
        {
            // A template assigned into Scriban's own objects (string.x = …), which every page shares.
            diagnostics.Error(templates.At(context.CurrentSpan), DiagnosticCodes.TemplateError,
                $"cannot change a built-in object of the templates; assign to a variable of your own (rendering /{forPath})");
            return null;
        }
    }
}
