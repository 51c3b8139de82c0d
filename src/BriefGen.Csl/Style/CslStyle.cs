using System.Xml;
using System.Xml.Linq;
using BriefGen.Csl.Style;

namespace BriefGen.Csl;

/// <summary>A parsed CSL 1.0.2 style.</summary>
public sealed class CslStyle
{
    /// <summary>The embedded styles, in ordinal order of name.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
        ["apa", "chicago-notes-bibliography", "chicago-shortened-notes-bibliography", "modern-language-association"];

    /// <summary>The default style (Chicago, shortened notes and bibliography).</summary>
    public const string DefaultName = "chicago-shortened-notes-bibliography";

    private CslStyle(XElement root)
    {
        string? A(string n) => (string?)root.Attribute(n);
        Class = A("class") ?? "in-text";
        DefaultLocale = A("default-locale");
        Title = root.Elements().FirstOrDefault(e => e.Name.LocalName == "info")?
            .Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in root.Attributes()) attrs[a.Name.LocalName] = a.Value;
        Attrs = attrs;
        var macros = new Dictionary<string, IReadOnlyList<Element>>(StringComparer.Ordinal);
        foreach (var m in root.Elements().Where(e => e.Name.LocalName == "macro"))
            macros[(string?)m.Attribute("name") ?? ""] = StyleParser.Children(m);
        Macros = macros;
        Citation = StyleParser.ParseSection(root.Elements().FirstOrDefault(e => e.Name.LocalName == "citation"))
                   ?? new Section { Layout = new Layout() };
        Bibliography = StyleParser.ParseSection(root.Elements().FirstOrDefault(e => e.Name.LocalName == "bibliography"));
        LocaleOverrides = root.Elements().Where(e => e.Name.LocalName == "locale").ToArray();
        UsesYearSuffixVariable = root.Descendants().Any(e => e.Name.LocalName == "text" && (string?)e.Attribute("variable") == "year-suffix");
        // Whether a cite's text can depend on note numbers, not only on its position: any attribute that names them.
        bool Names(string token) => root.Descendants().Any(e => e.Attributes().Any(a => a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token)));
        UsesFirstNoteNumber = Names("first-reference-note-number");
        UsesNearNote = Names("near-note");
    }

    /// <summary>Whether the style reads <c>first-reference-note-number</c> anywhere (a variable, a condition).</summary>
    internal bool UsesFirstNoteNumber { get; }

    /// <summary>Whether the style tests <c>position="near-note"</c> anywhere.</summary>
    internal bool UsesNearNote { get; }

    internal bool UsesYearSuffixVariable { get; }

    /// <summary>The style's class: <c>note</c> or <c>in-text</c>.</summary>
    public string Class { get; }

    /// <summary>True for a note style (citations are footnotes; positions such as ibid apply).</summary>
    public bool IsNoteStyle => Class == "note";

    /// <summary>The style's <c>default-locale</c>, if it sets one.</summary>
    public string? DefaultLocale { get; }

    /// <summary>The style's title from its info block.</summary>
    public string? Title { get; }

    /// <summary>True when the style has a bibliography.</summary>
    public bool HasBibliography => Bibliography is not null;

    internal IReadOnlyDictionary<string, string> Attrs { get; }
    internal IReadOnlyDictionary<string, IReadOnlyList<Element>> Macros { get; }
    internal Section Citation { get; }
    internal Section? Bibliography { get; }
    internal IReadOnlyList<XElement> LocaleOverrides { get; }

    internal string? Attr(string name) => Attrs.TryGetValue(name, out var v) ? v : null;

    /// <summary>Parses a style from its XML.</summary>
    /// <exception cref="CslException">The text is not a CSL style (message with line and column when known).</exception>
    public static CslStyle Parse(string xml)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new CslException($"not well-formed XML: {e.Message}", e.LineNumber, e.LinePosition);
        }
        var root = doc.Root!;
        if (root.Name.LocalName != "style")
            throw new CslException($"the root element is <{root.Name.LocalName}>, not a CSL <style>", 1, 1);
        if (!root.Elements().Any(e => e.Name.LocalName == "citation"))
        {
            var li = (IXmlLineInfo)root;
            throw new CslException("a CSL style needs a <citation> element", li.LineNumber, li.LinePosition);
        }
        var style = new CslStyle(root);
        style.CheckMacros(root);
        return style;
    }

    /// <summary>Every macro a style calls must exist, and no macro may call itself (directly or not).</summary>
    private void CheckMacros(XElement root)
    {
        foreach (var e in root.Descendants().Where(e => (e.Name.LocalName is "text" or "key") && e.Attribute("macro") is not null))
        {
            var name = (string)e.Attribute("macro")!;
            if (!Macros.ContainsKey(name))
            {
                var li = (IXmlLineInfo)e;
                throw new CslException($"the style calls macro '{name}', which it does not define", li.LineNumber, li.LinePosition);
            }
        }
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in Macros.Keys) Visit(m, []);
        void Visit(string macro, List<string> path)
        {
            if (state.GetValueOrDefault(macro) == 2) return;
            if (state.GetValueOrDefault(macro) == 1)
                throw new CslException($"macro '{macro}' calls itself ({string.Join(" → ", path.SkipWhile(p => p != macro).Append(macro))})");
            state[macro] = 1;
            path.Add(macro);
            foreach (var callee in Calls(Macros[macro])) Visit(callee, path);
            path.RemoveAt(path.Count - 1);
            state[macro] = 2;
        }
    }

    private static IEnumerable<string> Calls(IEnumerable<Element> elements)
    {
        foreach (var e in elements)
        {
            switch (e)
            {
                case TextEl { Macro: { } m }: yield return m; break;
                case GroupEl g: foreach (var x in Calls(g.Children)) yield return x; break;
                case ChooseEl c: foreach (var b in c.Branches) foreach (var x in Calls(b.Children)) yield return x; break;
                case NamesEl { Substitute: { } sub }: foreach (var x in Calls(sub)) yield return x; break;
            }
        }
    }

    /// <summary>One of the embedded styles (<see cref="BuiltInNames"/>).</summary>
    /// <exception cref="ArgumentException">No built-in style has that name.</exception>
    public static CslStyle BuiltIn(string name)
    {
        if (!BuiltInNames.Contains(name, StringComparer.Ordinal))
            throw new ArgumentException($"no built-in CSL style '{name}' (there are: {string.Join(", ", BuiltInNames)})", nameof(name));
        return Parse(Resources.Read("styles/" + name + ".csl"));
    }

    /// <summary>The unchanged XML of an embedded style (to copy it with its licence).</summary>
    public static string BuiltInXml(string name) => Resources.Read("styles/" + name + ".csl");
}

/// <summary>A style or locale that cannot be used, with its position in the XML when known.</summary>
public sealed class CslException(string message, int line = 0, int column = 0) : Exception(message)
{
    /// <summary>1-based line of the problem, or 0.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the problem, or 0.</summary>
    public int Column { get; } = column;
}

internal static class Resources
{
    public static string Read(string name)
    {
        using var s = typeof(Resources).Assembly.GetManifestResourceStream(name)
                      ?? throw new InvalidOperationException("missing embedded resource " + name);
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    public static bool Exists(string name) => typeof(Resources).Assembly.GetManifestResourceInfo(name) is not null;
}
