using System.Globalization;
using BriefGen.Csl.Output;
using BriefGen.Csl.Rendering;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Names;

/// <summary>cs:names: name lists, et-al, labels, substitution, author suppression (CSL 1.0.2 §names).</summary>
internal static class NamesRenderer
{
    public static ONode? Render(NamesEl el, Context c)
    {
        var parent = c.SubstituteParent;
        var bare = el.Name is null && el.EtAl is null && el.Label is null && el.Substitute is null;
        var nameEl = el.Name ?? parent?.Name;
        var etAl = el.EtAl ?? parent?.EtAl;
        var label = el.Label ?? (bare ? parent?.Label : null);
        var labelBefore = el.Label is not null ? el.LabelBeforeName : parent?.LabelBeforeName ?? false;
        var fmt = el.Fmt;
        var vars = el.Variables.Where(v => !c.IsSuppressed(v) && c.Item.Names.ContainsKey(v)).ToList();
        ONode? result;
        if (vars.Count == 0)
        {
            c.Track(false);
            if (el.Substitute is null || c.RenderingSubstitute) return null;
            result = Substitute(el, c);
            if (result is null) return null;
            c.Track(true);
            return Mark(result, c);
        }
        foreach (var v in vars) c.Track(true, v);
        var opts = new NameOptions(nameEl, c);
        if (opts.Form == "count")
        {
            var total = vars.Sum(v => Visible(c.Item.Names[v], opts, c).Count);
            if (total == 0) return null;
            return Mark(Renderer.Decorate(ONode.Leaf(total.ToString(CultureInfo.InvariantCulture)), fmt, c)!, c);
        }
        var parts = new List<ONode>();
        var editorTranslator = vars.Contains("editor") && vars.Contains("translator")
            && c.Item.Names["editor"].SequenceEqual(c.Item.Names["translator"]);
        foreach (var v in vars)
        {
            if (editorTranslator && v == "translator") continue;
            var names = c.Item.Names[v];
            var list = RenderList(v, names, opts, etAl, c);
            if (list is null) continue;
            if (nameEl is not null) list = Renderer.Decorate(list, nameEl.Fmt, c) ?? list;
            if (label is not null)
            {
                var term = editorTranslator && v == "editor" ? "editortranslator" : v;
                var l = Renderer.RenderLabel(label, c, names.Count, term);
                if (l is not null) list = ONode.Seq(labelBefore ? [l, list] : [list, l]);
            }
            parts.Add(list);
        }
        if (parts.Count == 0) return null;
        var delim = el.Delimiter ?? c.Section.Attr("names-delimiter") ?? c.Style.Attr("names-delimiter");
        result = Renderer.Decorate(Renderer.Join(parts, delim), fmt, c);
        return result is null ? null : Mark(result, c);
    }

    private static ONode? Mark(ONode node, Context c)
    {
        if (c.RenderingSubstitute) return node;
        var wrapped = new ONode { Kids = [node], IsNames = true };
        if (c.SortKey is not null || c.AuthorDone) return wrapped;
        if (c.AuthorMode == 1)
        {
            c.AuthorDone = true;
            return null;
        }
        if (c.AuthorMode == 2)
        {
            c.AuthorDone = true;
            c.AuthorOnlyOutput = wrapped;
        }
        c.AuthorDone = true;
        return wrapped;
    }

    private static ONode? Substitute(NamesEl el, Context c)
    {
        var saved = c.SubstituteParent;
        foreach (var e in el.Substitute!)
        {
            c.SubstituteParent = el;
            var mark = c.Used.Count;
            c.RenderingSubstitute = true;
            c.PushFrame();
            var n = Renderer.Render(e, c);
            c.PopFrame();
            c.RenderingSubstitute = false;
            c.SubstituteParent = saved;
            if (n is null || n.IsEmpty)
            {
                c.Used.RemoveRange(mark, c.Used.Count - mark);
                continue;
            }
            for (var k = mark; k < c.Used.Count; k++) c.Suppress(c.Used[k]);
            return n;
        }
        return null;
    }

    /// <summary>The names shown before et al. (all of them when et-al does not apply).</summary>
    public static IReadOnlyList<CslName> Visible(IReadOnlyList<CslName> names, NameOptions o, Context c)
    {
        var (min, first) = EtAl(o, c);
        if (min is { } m && first is { } f && names.Count >= m && f < names.Count)
        {
            var k = c.IsBibliography ? f : Math.Max(f, c.State.EtAlUseFirst ?? 0);
            return k >= names.Count ? names : names.Take(Math.Max(k, 1)).ToList();
        }
        return names;
    }

    private static (int? Min, int? First) EtAl(NameOptions o, Context c)
    {
        if (c.SortKey is { } key && (key.NamesMin is not null || key.NamesUseFirst is not null))
            return (key.NamesMin, key.NamesUseFirst);
        if (!c.IsBibliography && c.Cite is not null && c.Position != CslPosition.First && !c.ForDisambiguation)
        {
            var sm = o.Int("et-al-subsequent-min");
            var sf = o.Int("et-al-subsequent-use-first");
            if (sm is not null || sf is not null) return (sm ?? o.Int("et-al-min"), sf ?? o.Int("et-al-use-first"));
        }
        return (o.Int("et-al-min"), o.Int("et-al-use-first"));
    }

    private static ONode? RenderList(string variable, IReadOnlyList<CslName> names, NameOptions o, EtAlEl? etAlEl, Context c)
    {
        if (c.SortKey is not null)
        {
            var shown = Visible(names, o, c);
            return ONode.Leaf(string.Join("\u0002", shown.Select(n => NameFormatter.SortText(n, c))));
        }
        var visible = Visible(names, o, c);
        var truncated = visible.Count < names.Count;
        var rendered = new List<(ONode Node, bool Inverted)>();
        for (var i = 0; i < visible.Count; i++)
        {
            var inverted = o.SortOrder == "all" || (o.SortOrder == "first" && i == 0);
            var level = c.IsBibliography ? 0 : c.State.GivenLevel.TryGetValue((variable, i), out var lv) ? lv : c.State.GivenLevelAll;
            level = Math.Min(level, NameFormatter.MaxLevel(o));
            rendered.Add((NameFormatter.Render(visible[i], o, inverted, level, c), inverted));
        }
        var kids = new List<ONode>();
        var delim = o.Delimiter;
        var andTerm = o.And switch
        {
            "text" => c.Locale.GetTerm("and"),
            "symbol" => "&",
            _ => null,
        };
        var useLast = truncated && o.EtAlUseLast && names.Count - visible.Count >= 2;
        for (var i = 0; i < rendered.Count; i++)
        {
            if (i > 0)
            {
                var isLast = i == rendered.Count - 1 && !truncated;
                if (isLast && andTerm is not null)
                {
                    var precedes = o.DelimiterPrecedesLast switch
                    {
                        "always" => true,
                        "never" => false,
                        "after-inverted-name" => rendered[i - 1].Inverted,
                        _ => rendered.Count >= 3,
                    };
                    kids.Add(ONode.Leaf((precedes ? delim : " ") + andTerm + " "));
                }
                else kids.Add(ONode.Leaf(delim));
            }
            kids.Add(rendered[i].Node);
        }
        if (useLast)
        {
            kids.Add(ONode.Leaf(delim + "… "));
            var lastInverted = o.SortOrder == "all";
            kids.Add(NameFormatter.Render(names[^1], o, lastInverted, 0, c));
        }
        else if (truncated)
        {
            var term = c.Locale.GetTerm(etAlEl?.Term ?? "et-al");
            if (!string.IsNullOrEmpty(term))
            {
                var precedes = o.DelimiterPrecedesEtAl switch
                {
                    "always" => true,
                    "never" => false,
                    "after-inverted-name" => rendered[^1].Inverted,
                    _ => rendered.Count >= 2,
                };
                kids.Add(ONode.Leaf(precedes ? delim : " "));
                var t = ONode.Leaf(term);
                kids.Add(etAlEl is null ? t : Renderer.Decorate(t, etAlEl.Fmt, c) ?? t);
            }
        }
        return ONode.Seq(kids);
    }
}
