using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BriefGen.Render;

/// <summary>
/// Functions templates call. Each is an <see cref="IScriptCustomFunction"/>, not an imported .NET
/// method, so they work the same under Native AOT.
/// </summary>
internal static class TemplateFunctions
{
    /// <summary>What Scriban says when a template writes into a read-only object.</summary>
    internal const string ReadOnlyMessage = "The object is readonly";

    /// <summary>
    /// Scriban's built-in objects with BriefGen's <c>include</c> and <c>url</c>, and <c>date.now</c> the build time
    /// (SOURCE_DATE_EPOCH), never the clock: same input, same bytes. Read-only throughout, so one set serves every render.
    /// </summary>
    public static ScriptObject Builtins(string baseUrl, DateTime buildTime)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.SetValue("include", new IncludeHtml(), readOnly: true);
        builtins.SetValue("url", new SiteUrl(baseUrl), readOnly: true);
        if (builtins["date"] is ScriptObject date)
        {
            date.Remove("now");
            date.SetValue("now", new BuildTime(buildTime), readOnly: true);
        }

        foreach (var (_, value) in builtins)
        {
            if (value is ScriptObject inner)
            {
                inner.IsReadOnly = true;
            }
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>
    /// The time a build stands for: SOURCE_DATE_EPOCH when the command line passed it (reproducible-builds.org),
    /// else the brief's date, else the Unix epoch; never the machine's clock.
    /// </summary>
    public static DateTime BuildTimeFor(long? sourceDateEpoch, Model.PartialDate? briefDate)
    {
        if (sourceDateEpoch is { } seconds and >= -62135596800 and <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        }

        return briefDate is { } d ? new DateTime(d.Year, d.Month ?? 1, d.Day ?? 1, 0, 0, 0, DateTimeKind.Utc) : DateTime.UnixEpoch;
    }

    private abstract class Function : IScriptCustomFunction
    {
        public abstract int RequiredParameterCount { get; }

        public int ParameterCount => RequiredParameterCount;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "arg" + index);

        public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    private sealed class BuildTime(DateTime time) : Function
    {
        public override int RequiredParameterCount => 0;

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) => time;
    }

    /// <summary>include 'partials/x.html': the partial's output is markup, written unescaped.</summary>
    private sealed class IncludeHtml : Function
    {
        private readonly IncludeFunction _inner = new();

        public override int RequiredParameterCount => 1;

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new Html(_inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");
    }

    /// <summary>url 'assets/site.css': a path under the site root, prefixed with base_url.</summary>
    private sealed class SiteUrl(string baseUrl) : Function
    {
        public override int RequiredParameterCount => 1;

        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            baseUrl + (context.ObjectToString(arguments[0]) ?? "").TrimStart('/');
    }
}
