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
    public static void AddTo(ScriptObject globals, string baseUrl, TemplateContext context, DateTime buildTime)
    {
        globals["include"] = new IncludeHtml();
        globals["url"] = new SiteUrl(baseUrl);

        // date.now is the build time (SOURCE_DATE_EPOCH), never the clock: same input, same bytes.
        if (context.BuiltinObject["date"] is ScriptObject builtinDate)
        {
            var date = (ScriptObject)builtinDate.Clone(true);
            date.Remove("now");
            date["now"] = new BuildTime(buildTime);
            globals["date"] = date;
        }
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
