using BriefGen.Csl.Names;
using BriefGen.Csl.Rendering;

namespace BriefGen.Csl.Disambiguation;

/// <summary>
/// CSL 1.0.2 disambiguation of citations, in the specified order: add names, add given names
/// (by the style's givenname-disambiguation-rule), the <c>disambiguate</c> condition, then year suffixes.
/// </summary>
internal static class Disambiguator
{
    public static void Run(CiteRenderer r, IReadOnlyList<CslItem> items, Dictionary<string, ItemState> states,
        IReadOnlyList<string> bibOrder)
    {
        var cit = r.Style.Citation;
        var addNames = cit.Flag("disambiguate-add-names");
        var addGiven = cit.Flag("disambiguate-add-givenname");
        var addYear = cit.Flag("disambiguate-add-year-suffix");
        var rule = cit.Attr("givenname-disambiguation-rule") ?? "by-cite";
        if (addGiven && rule != "by-cite") GlobalGivenNames(r, items, states, rule);
        string Key(CslItem i) => r.AmbiguityKey(i, states[i.Id]);
        var groups = Ambiguous(items, Key);
        if (groups.Count == 0) return;
        var byCite = addGiven && rule is "by-cite" or "all-names" or "all-names-with-initials";
        foreach (var group in groups)
        {
            if (addNames) AddNames(group, states, Key, byCite, rule);
            else if (byCite) AddGivenNames(group, states, Key, rule, int.MaxValue);
        }
        groups = Ambiguous(items, Key);
        foreach (var group in groups)
            foreach (var i in group) states[i.Id].Disambiguate = true;
        groups = Ambiguous(items, Key);
        if (!addYear) return;
        var order = bibOrder.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var n = 0;
            foreach (var i in group.OrderBy(i => order.GetValueOrDefault(i.Id, int.MaxValue)))
                states[i.Id].YearSuffix = Suffix(n++);
        }
    }

    private static string Suffix(int n)
    {
        var s = "";
        n++;
        while (n > 0)
        {
            n--;
            s = (char)('a' + n % 26) + s;
            n /= 26;
        }
        return s;
    }

    private static List<List<CslItem>> Ambiguous(IReadOnlyList<CslItem> items, Func<CslItem, string> key) =>
        items.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0).Select(g => g.ToList()).ToList();

    private static int MaxNames(CslItem i) => i.Names.Count == 0 ? 0 : i.Names.Values.Max(n => n.Count);

    private static bool Unique(List<CslItem> group, CslItem i, Dictionary<string, string> keys) =>
        keys.Values.Count(v => v == keys[i.Id]) == 1;

    /// <summary>Adds names one at a time; with add-givenname, also expands the given names shown so far. Keeps what helped.</summary>
    private static void AddNames(List<CslItem> group, Dictionary<string, ItemState> states, Func<CslItem, string> key, bool givenToo, string rule)
    {
        var max = group.Max(MaxNames);
        var original = group.ToDictionary(i => i.Id, i => states[i.Id].Clone(), StringComparer.Ordinal);
        for (var k = 1; k <= max; k++)
        {
            var keys = group.ToDictionary(i => i.Id, key, StringComparer.Ordinal);
            var pending = group.Where(i => !Unique(group, i, keys)).ToList();
            if (pending.Count == 0) return;
            foreach (var i in pending) states[i.Id].EtAlUseFirst = Math.Max(k, original[i.Id].EtAlUseFirst ?? 0);
            if (!givenToo) continue;
            keys = group.ToDictionary(i => i.Id, key, StringComparer.Ordinal);
            pending = group.Where(i => !Unique(group, i, keys)).ToList();
            if (pending.Count > 0) AddGivenNames(pending, states, key, rule, k, revert: false);
        }
        var final = group.ToDictionary(i => i.Id, key, StringComparer.Ordinal);
        foreach (var i in group.Where(i => !Unique(group, i, final)))
        {
            states[i.Id].EtAlUseFirst = original[i.Id].EtAlUseFirst;
            states[i.Id].GivenLevel = original[i.Id].GivenLevel;
        }
    }

    private static void AddGivenNames(List<CslItem> group, Dictionary<string, ItemState> states,
        Func<CslItem, string> key, string rule, int names, bool revert = true)
    {
        var maxNames = Math.Min(names, group.Max(MaxNames));
        var cap = rule.EndsWith("with-initials", StringComparison.Ordinal) ? 1 : 2;
        var before = group.ToDictionary(i => i.Id, i => new Dictionary<(string, int), int>(states[i.Id].GivenLevel), StringComparer.Ordinal);
        for (var idx = 0; idx < maxNames; idx++)
        {
            for (var level = 1; level <= cap; level++)
            {
                var keys = group.ToDictionary(i => i.Id, key, StringComparer.Ordinal);
                var pending = group.Where(i => keys.Values.Count(v => v == keys[i.Id]) > 1).ToList();
                if (pending.Count == 0) return;
                var saved = pending.ToDictionary(i => i.Id, i => new Dictionary<(string, int), int>(states[i.Id].GivenLevel), StringComparer.Ordinal);
                foreach (var i in pending)
                    foreach (var v in i.Names.Keys)
                        if (idx < i.Names[v].Count)
                            states[i.Id].GivenLevel[(v, idx)] = Math.Max(level, states[i.Id].GivenLevel.GetValueOrDefault((v, idx)));
                // Keep an expansion only where it tells the item apart from more of the others.
                var after = group.ToDictionary(i => i.Id, key, StringComparer.Ordinal);
                foreach (var i in pending)
                    if (after.Values.Count(x => x == after[i.Id]) >= keys.Values.Count(x => x == keys[i.Id]))
                        states[i.Id].GivenLevel = saved[i.Id];
            }
        }
        if (!revert) return;
        // Expanding names did not help those still ambiguous: keep them as they were.
        var final = group.ToDictionary(i => i.Id, key, StringComparer.Ordinal);
        foreach (var i in group.Where(i => final.Values.Count(v => v == final[i.Id]) > 1).ToList())
            states[i.Id].GivenLevel = before[i.Id];
    }

    /// <summary>all-names, primary-name and their with-initials variants: expand names that share a family name with another, everywhere.</summary>
    private static void GlobalGivenNames(CiteRenderer r, IReadOnlyList<CslItem> items, Dictionary<string, ItemState> states, string rule)
    {
        var primaryOnly = rule.StartsWith("primary", StringComparison.Ordinal);
        var cap = rule.EndsWith("with-initials", StringComparison.Ordinal) ? 1 : 2;
        var all = new List<(string Id, string Var, int Idx, CslName Name)>();
        foreach (var i in items)
            foreach (var (v, names) in i.Names)
                for (var k = 0; k < names.Count; k++)
                    if (!primaryOnly || k == 0) all.Add((i.Id, v, k, names[k]));
        foreach (var byFamily in all.Where(x => !x.Name.IsLiteral).GroupBy(x => (x.Name.NonDroppingParticle, x.Name.Family)))
        {
            var givens = byFamily.Select(x => x.Name.Given ?? "").Distinct(StringComparer.Ordinal).ToList();
            if (givens.Count < 2) continue;
            foreach (var x in byFamily)
            {
                var mine = NameFormatter.Initials(x.Name.Given ?? "", ".", true, true);
                var sameInitials = byFamily.Any(o => (o.Name.Given ?? "") != (x.Name.Given ?? "")
                    && NameFormatter.Initials(o.Name.Given ?? "", ".", true, true) == mine);
                var level = sameInitials ? cap : 1;
                var st = states[x.Id];
                st.GivenLevel[(x.Var, x.Idx)] = Math.Max(level, st.GivenLevel.GetValueOrDefault((x.Var, x.Idx)));
            }
        }
    }
}
