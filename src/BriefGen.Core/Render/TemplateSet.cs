using System.Reflection;
using BriefGen.Diagnostics;
using BriefGen.Load;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BriefGen.Render;

/// <summary>
/// The Scriban templates and static assets of a theme: a folder (the root's templates/ or --templates),
/// or the built-in theme embedded in the tool. Every template is parsed once, up front; includes are
/// confined to the theme's own files.
/// </summary>
public sealed class TemplateSet
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, byte[]> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _folderOf = new(StringComparer.Ordinal);

    private TemplateSet(string origin)
    {
        Origin = origin;
    }

    /// <summary>Where the theme came from, for messages: a root-relative folder or "(built-in)".</summary>
    public string Origin { get; }

    /// <summary>
    /// Whether any file came from a folder of the brief rather than the tool: such templates may be a
    /// stranger's, so every render runs under <see cref="TemplateLimits"/>.
    /// </summary>
    public bool FromRoot { get; private set; }

    /// <summary>Static files under assets/, by path relative to the theme.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets => _assets;

    public bool Has(string name) => _templates.ContainsKey(name);

    public Template Get(string name) => _templates[name];

    /// <summary>
    /// Loads a theme folder over the built-in theme: a file in the folder replaces the built-in file of the
    /// same name, as Hugo's project layouts override its theme's. Every file must resolve inside the root.
    /// </summary>
    public static TemplateSet FromFolder(string folder, RootPaths paths, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(folder);
        var set = new TemplateSet(paths.Relative(full));
        set.AddBuiltIn(diagnostics);
        if (!paths.IsInside(full) && full != paths.Root)
        {
            diagnostics.Error(Location.File(set.Origin), DiagnosticCodes.OutsideRoot,
                "the templates folder resolves outside the brief's folder; nothing is read from there");
            return set;
        }

        // Links are reported, never followed: a link to /etc must not even list what is there.
        foreach (var file in paths.RegularFilesUnder(full, diagnostics))
        {
            var name = Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!paths.IsInside(file))
            {
                diagnostics.Error(Location.File(paths.Relative(file)), DiagnosticCodes.OutsideRoot,
                    "template file resolves outside the brief's folder (symbolic link); nothing is read from there");
                continue;
            }

            if (paths.CheckFile(file, Location.File(paths.Relative(file)), InputLimits.TemplateFileBytes, diagnostics))
            {
                set.Add(name, File.ReadAllBytes(file), diagnostics, set.Origin);
                set.FromRoot = true;
            }
        }

        return set;
    }

    /// <summary>The theme built into the tool: the repository's templates/ folder, embedded.</summary>
    public static TemplateSet BuiltIn(DiagnosticBag diagnostics)
    {
        var set = new TemplateSet("(built-in templates)");
        set.AddBuiltIn(diagnostics);
        return set;
    }

    private void AddBuiltIn(DiagnosticBag diagnostics)
    {
        var assembly = typeof(TemplateSet).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Add(resource["templates/".Length..], buffer.ToArray(), diagnostics, "templates");
        }
    }

    private void Add(string name, byte[] bytes, DiagnosticBag diagnostics, string folder)
    {
        _folderOf[name] = folder;
        if (name.StartsWith("assets/", StringComparison.Ordinal))
        {
            _assets[name] = bytes;
            return;
        }

        if (!name.EndsWith(".html", StringComparison.Ordinal))
        {
            return;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                diagnostics.Error(At(message.Span), DiagnosticCodes.TemplateError, message.Message);
            }

            return;
        }

        _templates[name] = template;
    }

    /// <summary>The location of a template span, for diagnostics.</summary>
    internal Location At(SourceSpan span)
    {
        var file = (_folderOf.TryGetValue(span.FileName ?? "", out var folder) ? folder : Origin) + "/" + span.FileName;
        return new Location(file, span.Start.Line + 1, span.Start.Column + 1);
    }

    /// <summary>A fresh context for one render over the shared, read-only <paramref name="builtins"/>, with includes served from this set.</summary>
    internal HtmlTemplateContext NewContext(ScriptObject builtins)
    {
        var context = new HtmlTemplateContext(builtins) { TemplateLoader = new Loader(this) };
        if (FromRoot)
        {
            TemplateLimits.Apply(context);
        }

        foreach (var (name, template) in _templates)
        {
            context.CachedTemplates[name] = template;
        }

        return context;
    }

    /// <summary>Serves includes from the set only: no path outside the theme can be named.</summary>
    private sealed class Loader(TemplateSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!set._templates.ContainsKey(templateName))
            {
                throw new ScriptRuntimeException(callerSpan, $"no template '{templateName}' in {set.Origin}");
            }

            return templateName;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, $"no template '{templatePath}' in {set.Origin}");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
