using BriefGen.Csl.Output;

namespace BriefGen.Csl.Rendering;

/// <summary>Joins the cites of a citation with the layout delimiter, grouping and collapsing per <c>collapse</c> (citation-number, year, year-suffix, year-suffix-ranged).</summary>
internal static class Collapse
{
    public static ONode Join(CiteRenderer r, List<(CslCitationItem Cite, ONode Node)> cites, Dictionary<string, ItemState> states,
        Dictionary<string, CslItem> items, List<CslPosition> positions)
    {
        var cit = r.Style.Citation;
        var delimiter = cit.Layout.Delimiter ?? "";
        var collapse = cit.Attr("collapse");
        var afterCollapse = cit.Attr("after-collapse-delimiter") ?? delimiter;
        if (cites.Count < 2) return ONode.Seq(cites.Select(c => c.Node));
        if (collapse == "citation-number") return Numbers(cites, states, delimiter, afterCollapse);
        var groupDelimiter = cit.Attr("cite-group-delimiter");
        if (collapse is null && groupDelimiter is null) return Plain(cites, delimiter);
        groupDelimiter ??= ", ";
        // Group cites by their rendered author, in order of first appearance.
        var keyed = cites.Select((c, i) => (c.Cite, c.Node, Author: c.Node.FindNames()?.Plain(), Index: i)).ToList();
        var groups = new List<List<(CslCitationItem Cite, ONode Node, string? Author, int Index)>>();
        foreach (var k in keyed)
        {
            var g = k.Author is null ? null : groups.FirstOrDefault(x => x[0].Author == k.Author);
            if (g is null) groups.Add([k]);
            else g.Add(k);
        }
        var kids = new List<ONode>();
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var g = groups[gi];
            if (gi > 0) kids.Add(ONode.Leaf(groups[gi - 1].Count > 1 && collapse is not null ? afterCollapse : delimiter));
            kids.Add(g[0].Node);
            if (collapse is null)
            {
                for (var j = 1; j < g.Count; j++)
                {
                    kids.Add(ONode.Leaf(groupDelimiter));
                    kids.Add(g[j].Node);
                }
                continue;
            }
            string? previousBare = Bare(r, g[0].Cite, states, items, positions[g[0].Index]);
            var suffixRun = new List<ONode>();
            for (var j = 1; j < g.Count; j++)
            {
                var ci = g[j].Cite;
                var st = states[ci.Id];
                var rest = r.RenderCite(items[ci.Id], st, ci with { SuppressAuthor = true }, positions[g[j].Index], false, null);
                var bare = Bare(r, ci, states, items, positions[g[j].Index]);
                if (collapse.StartsWith("year-suffix", StringComparison.Ordinal) && st.YearSuffix is not null
                    && bare is not null && bare == previousBare && ci.Locator is null && ci.Prefix is null && ci.Suffix is null)
                {
                    suffixRun.Add(ONode.Leaf(st.YearSuffix));
                    continue;
                }
                FlushSuffixes(kids, suffixRun, collapse, cit.Attr("year-suffix-delimiter") ?? delimiter);
                kids.Add(ONode.Leaf(groupDelimiter));
                kids.Add(rest ?? g[j].Node);
                previousBare = bare;
            }
            FlushSuffixes(kids, suffixRun, collapse, cit.Attr("year-suffix-delimiter") ?? delimiter);
        }
        return ONode.Seq(kids);
    }

    private static void FlushSuffixes(List<ONode> kids, List<ONode> run, string collapse, string delimiter)
    {
        if (run.Count == 0) return;
        if (collapse == "year-suffix-ranged" && run.Count >= 2)
        {
            kids.Add(ONode.Leaf(delimiter));
            kids.Add(ONode.Leaf("–"));
            kids.RemoveAt(kids.Count - 2);
            kids.Add(run[^1]);
        }
        else
            foreach (var s in run)
            {
                kids.Add(ONode.Leaf(delimiter));
                kids.Add(s);
            }
        run.Clear();
    }

    /// <summary>The cite without author and without year suffix: equal for two cites that differ only by suffix.</summary>
    private static string? Bare(CiteRenderer r, CslCitationItem ci, Dictionary<string, ItemState> states, Dictionary<string, CslItem> items, CslPosition pos)
    {
        var st = states[ci.Id].Clone();
        st.YearSuffix = null;
        return r.RenderCite(items[ci.Id], st, ci with { SuppressAuthor = true }, pos, false, null)?.Key();
    }

    private static ONode Plain(List<(CslCitationItem Cite, ONode Node)> cites, string delimiter) =>
        Renderer.Join(cites.Select(c => c.Node).ToList(), delimiter);

    private static ONode Numbers(List<(CslCitationItem Cite, ONode Node)> cites, Dictionary<string, ItemState> states, string delimiter, string afterCollapse)
    {
        var kids = new List<ONode>();
        var i = 0;
        while (i < cites.Count)
        {
            var j = i;
            while (j + 1 < cites.Count && Simple(cites[j + 1].Cite) && Simple(cites[j].Cite)
                   && states[cites[j + 1].Cite.Id].CitationNumber == states[cites[j].Cite.Id].CitationNumber + 1) j++;
            if (kids.Count > 0) kids.Add(ONode.Leaf(delimiter));
            if (j - i >= 2)
            {
                kids.Add(cites[i].Node);
                kids.Add(ONode.Leaf("–"));
                kids.Add(cites[j].Node);
                i = j + 1;
            }
            else
            {
                kids.Add(cites[i].Node);
                i++;
            }
        }
        return ONode.Seq(kids);
    }

    private static bool Simple(CslCitationItem c) => c.Locator is null && c.Prefix is null && c.Suffix is null;
}
