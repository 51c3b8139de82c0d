using System.Globalization;
using SortKey = BriefGen.Csl.Style.SortKey;
using System.Text;
using BriefGen.Csl.Names;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Rendering;

/// <summary>cs:sort keys (CSL 1.0.2 §sorting): names in sort order, dates by value, numbers numerically, empty values last.</summary>
internal static class Sorter
{
    public static string?[] Keys(IReadOnlyList<SortKey> keys, Func<SortKey, Context> context)
    {
        var result = new string?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var c = context(key);
            string? value;
            if (key.Macro is not null)
            {
                value = c.Style.Macros.TryGetValue(key.Macro, out var m)
                    ? Output.ONode.Seq(Renderer.RenderAll(m, c)).Plain() : null;
            }
            else value = VariableKey(key, c);
            result[i] = string.IsNullOrEmpty(value) ? null : Normalize(value);
        }
        return result;
    }

    private static string? VariableKey(SortKey key, Context c)
    {
        var v = key.Variable!;
        if (c.Item.Names.TryGetValue(v, out var names))
        {
            var opts = new NameOptions(null, c);
            var shown = key.NamesMin is not null || key.NamesUseFirst is not null ? NamesRenderer.Visible(names, opts, c) : names;
            return string.Join("\u0002", shown.Select(n => NameFormatter.SortText(n, c)));
        }
        if (c.Item.Dates.TryGetValue(v, out var date)) return date.Parts.Count > 0 ? date.SortKey() : null;
        var s = c.StringVar(v);
        if (s is null) return null;
        if (CslVariables.NumberVariables.Contains(v) && Numbers.IsNumeric(s))
            return System.Text.RegularExpressions.Regex.Replace(s, @"\d+", m => m.Value.PadLeft(8, '0'));
        return Output.Markup.Parse(s).Plain();
    }

    /// <summary>Case- and accent-insensitive form, compared ordinally (deterministic across cultures).</summary>
    private static string Normalize(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var ch in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is '[' or ']' or '“' or '”' or '‘' or '"' or '(' or ')' && sb.Length == 0) continue;
            if (ch is '’' or '\'') continue;
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString().TrimStart();
    }

    public static int Compare(string?[] a, string?[] b, IReadOnlyList<SortKey> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x is null && y is null) continue;
            if (x is null) return 1;
            if (y is null) return -1;
            var r = string.CompareOrdinal(x, y);
            if (r != 0) return keys[i].Descending ? -r : r;
        }
        return 0;
    }
}
