using BriefGen.Csl.Output;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Rendering;

/// <summary>Evaluates style elements for one item into output nodes (CSL 1.0.2 rendering elements).</summary>
internal static class Renderer
{
    public static List<ONode> RenderAll(IReadOnlyList<Element> elements, Context c)
    {
        // Index loops, not foreach over the interface: these run for every element of every cite.
        var list = new List<ONode>();
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            // cs:choose is transparent: the rendered children of the chosen branch are delimited like siblings.
            if (e is ChooseEl ch)
            {
                list.AddRange(RenderChoose(ch, c));
                continue;
            }
            if (Render(e, c) is { } n && !n.IsEmpty) list.Add(n);
        }
        return list;
    }

    public static ONode? Render(Element e, Context c) => e switch
    {
        TextEl t => RenderText(t, c),
        DateEl d => Dates.DateRenderer.Render(d, c),
        NumberEl n => RenderNumber(n, c),
        LabelEl l => RenderLabel(l, c, null),
        NamesEl n => Names.NamesRenderer.Render(n, c),
        GroupEl g => RenderGroup(g, c),
        ChooseEl ch => ONode.Seq(RenderChoose(ch, c)),
        _ => null,
    };

    public static ONode Join(List<ONode> items, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter) || items.Count < 2) return ONode.Seq(items);
        var kids = new List<ONode>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) kids.Add(ONode.Leaf(delimiter));
            kids.Add(items[i]);
        }
        return ONode.Seq(kids);
    }

    /// <summary>A layout: its font formatting wraps its affixes too (as citeproc-js prints it).</summary>
    public static ONode? DecorateLayout(ONode? inner, Fmt f, Context c)
    {
        var affixed = Decorate(inner, f with { FontStyle = null, FontVariant = null, FontWeight = null, TextDecoration = null, VerticalAlign = null }, c);
        if (affixed is null || !f.HasFont) return affixed;
        return new ONode { Kids = [affixed], Format = f };
    }

    /// <summary>Applies text-case, strip-periods, font formatting, quotes, affixes and display.</summary>
    public static ONode? Decorate(ONode? inner, Fmt f, Context c)
    {
        if (inner is null || inner.IsEmpty) return null;
        if (f.TextCase is not null) TextCase.Apply(inner, f.TextCase, c.IsEnglish);
        if (f.StripPeriods)
            foreach (var l in inner.Leaves()) l.Text = l.Text!.Replace(".", "", StringComparison.Ordinal);
        var core = inner;
        if (f.HasFont || f.Quotes) core = new ONode { Kids = [inner], Format = f.HasFont ? f : null, Quoted = f.Quotes };
        if (!string.IsNullOrEmpty(f.Prefix) || !string.IsNullOrEmpty(f.Suffix))
        {
            var kids = new List<ONode>();
            if (!string.IsNullOrEmpty(f.Prefix)) kids.Add(ONode.Leaf(f.Prefix));
            kids.Add(core);
            if (!string.IsNullOrEmpty(f.Suffix)) kids.Add(ONode.Leaf(f.Suffix));
            core = ONode.Seq(kids);
        }
        if (f.Display is not null) core = new ONode { Kids = [core], Display = f.Display };
        return core;
    }

    private static ONode? RenderText(TextEl t, Context c)
    {
        if (t.Macro is not null)
        {
            if (!c.Style.Macros.TryGetValue(t.Macro, out var macro)) return null;
            // Macros are transparent: the variables they call count for the enclosing group.
            return Decorate(ONode.Seq(RenderAll(macro, c)), t.Fmt, c);
        }
        if (t.Term is not null)
        {
            var term = c.Locale.GetTerm(t.Term, t.Form, t.Plural);
            if (string.IsNullOrEmpty(term)) return null;
            var termNode = Markup.Parse(term);
            foreach (var l in termNode.Leaves()) l.FromTerm = true;
            return Decorate(termNode, t.Fmt, c);
        }
        if (t.Value is not null) return Decorate(Markup.Parse(t.Value), t.Fmt, c);
        if (t.Variable is null) return null;
        var v = t.Variable;
        if (v == "year-suffix") c.YearSuffixRendered = true;
        var value = TextValue(v, t.Form, c);
        // An empty year-suffix does not count as an empty variable: it is filled only by disambiguation.
        if (v != "year-suffix" || value is not null) c.Track(value is not null, v);
        if (value is null) return null;
        ONode node;
        if (v == "page" || v == "locator" && c.Cite?.Label == "page")
            node = ONode.Leaf(PageText(value, c));
        else if (v == "locator")
            node = Markup.Parse(Numbers.PageRange(value, null, c.Locale.GetTerm("page-range-delimiter") ?? "–"));
        else if (v is "URL" or "DOI" or "PMID" or "PMCID")
            node = new ONode { Kids = [ONode.Leaf(value)], Link = Link(v, value) };
        else node = Markup.Parse(value);
        if (v == "year-suffix" || v == "citation-number") node = ONode.Leaf(value);
        return Decorate(node, t.Fmt, c);
    }

    private static string? Link(string variable, string value) => variable switch
    {
        "URL" => value,
        "DOI" => value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : "https://doi.org/" + value,
        "PMID" => "https://pubmed.ncbi.nlm.nih.gov/" + value,
        _ => "https://www.ncbi.nlm.nih.gov/pmc/articles/" + value,
    };

    public static string PageText(string value, Context c) =>
        Numbers.PageRange(value, c.Style.Attr("page-range-format"), c.Locale.GetTerm("page-range-delimiter") ?? "–");

    private static string? TextValue(string v, string form, Context c)
    {
        if (form == "short")
        {
            var shortName = v switch
            {
                "title" => "title-short",
                "container-title" => "container-title-short",
                _ => v + "-short",
            };
            if (c.StringVar(shortName) is { } s && !c.IsSuppressed(v)) return s;
        }
        return c.StringVar(v);
    }

    private static ONode? RenderNumber(NumberEl n, Context c)
    {
        var value = c.StringVar(n.Variable);
        c.Track(value is not null, n.Variable);
        if (value is null) return null;
        if (c.SortKey is not null && Numbers.IsNumeric(value))
            return ONode.Leaf(System.Text.RegularExpressions.Regex.Replace(value, @"\d+", m => m.Value.PadLeft(8, '0')));
        var gender = c.Locale.Gender(n.Variable == "locator" ? c.Cite?.Label ?? "page" : n.Variable);
        var text = n.Variable == "page" ? PageText(value, c) : Numbers.Format(value, n.Form, c.Locale, gender);
        return Decorate(Markup.Parse(text), n.Fmt, c);
    }

    /// <summary>Renders cs:label; <paramref name="count"/> is the number of names for a label inside cs:names.</summary>
    public static ONode? RenderLabel(LabelEl l, Context c, int? count, string? variable = null)
    {
        var v = variable ?? l.Variable;
        if (v is null) return null;
        bool plural;
        string term;
        if (count is { } k)
        {
            plural = k > 1;
            term = v;
        }
        else
        {
            var value = c.StringVar(v);
            if (value is null) return null;
            term = v == "locator" ? (c.Cite?.Label ?? "page").Replace(' ', '-') : v is "number-of-pages" or "page-first" ? "page" : v;
            plural = v is "number-of-pages" or "number-of-volumes"
                ? int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var num) && num > 1
                : Numbers.IsPlural(value);
        }
        if (l.Plural == "always") plural = true;
        else if (l.Plural == "never") plural = false;
        var text = c.Locale.GetTerm(term, l.Form, plural);
        return string.IsNullOrEmpty(text) ? null : Decorate(Markup.Parse(text), l.Fmt, c);
    }

    private static ONode? RenderGroup(GroupEl g, Context c)
    {
        c.PushFrame();
        var kids = RenderAll(g.Children, c);
        var (called, nonEmpty) = c.PopFrame();
        if (called > 0 && nonEmpty == 0)
        {
            c.Track(false);
            return null;
        }
        if (kids.Count == 0) return null;
        if (called > 0) c.Track(true);
        return Decorate(Join(kids, g.Delimiter), g.Fmt, c);
    }

    private static List<ONode> RenderChoose(ChooseEl ch, Context c)
    {
        for (var i = 0; i < ch.Branches.Count; i++)
        {
            var (when, children) = ch.Branches[i];
            if (when is not null && !Conditions.Holds(when, c)) continue;
            return RenderAll(children, c);
        }
        return [];
    }
}
