using Scriban;

namespace BriefGen.Render;

/// <summary>
/// Bounds on one template render when the templates come from the brief's own folder (and may be a
/// stranger's pull request): without them `{{ while true; end }}` never ends and a string-doubling loop
/// fills memory. Each is far above what a theme needs: the built-in theme renders the MPP brief's largest
/// page in milliseconds, with loops of at most a few hundred items.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Iterations of one loop.</summary>
    public const int LoopIterations = 1_000_000;

    /// <summary>Nested function calls and includes.</summary>
    public const int Recursion = 64;

    /// <summary>Characters of one string a template builds.</summary>
    public const int StringChars = 4 * 1024 * 1024;

    /// <summary>Characters one render writes.</summary>
    public const int OutputChars = 32 * 1024 * 1024;

    /// <summary>Wall-clock time of one render (a page, or base.html around it).</summary>
    public static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(10);

    /// <summary>What a render stopped by <see cref="RenderTime"/> reports.</summary>
    public static string OutOfTime => $"the template ran longer than its budget of {RenderTime.TotalSeconds:F0} s and was stopped (docs/security.md)";

    internal static void Apply(TemplateContext context)
    {
        context.LoopLimit = LoopIterations;
        context.RecursiveLimit = Recursion;
        context.LimitToString = StringChars;
        context.OutputLimit = OutputChars;
        context.OnStringLimit = ScriptLimitBehavior.Throw;
        context.OnOutputLimit = ScriptLimitBehavior.Throw;
        context.CancellationToken = new CancellationTokenSource(RenderTime).Token;
    }
}
