using BriefGen.Csl.Style;

namespace BriefGen.Csl.Rendering;

/// <summary>cs:if / cs:else-if tests (CSL 1.0.2 §choose).</summary>
internal static class Conditions
{
    public static bool Holds(Condition cond, Context c)
    {
        if (cond.Tests.Count == 0) return true;
        // A loop, not LINQ: conditions are evaluated for every cite of every note.
        var any = cond.Match is "any" or "none";
        var tests = cond.Tests;
        for (var i = 0; i < tests.Count; i++)
        {
            var (test, value) = tests[i];
            if (Test(test, value, c) == any)
            {
                return cond.Match != "none" ? any : false;
            }
        }

        return cond.Match == "none" || !any;
    }

    private static bool Test(string test, string value, Context c)
    {
        switch (test)
        {
            case "type":
                return c.Item.Type == value;
            case "variable":
                return HasVariable(value, c);
            case "is-numeric":
                return Numbers.IsNumeric(NumericValue(value, c));
            case "is-uncertain-date":
                return c.Item.Dates.TryGetValue(value, out var d) && d.Circa;
            case "locator":
                return c.Cite?.Locator is { Length: > 0 } && Normalize(c.Cite.Label) == Normalize(value);
            case "position":
                if (c.IsBibliography || c.Cite is null) return false;
                return value switch
                {
                    "first" => c.Position == CslPosition.First,
                    "subsequent" => c.Position != CslPosition.First,
                    "ibid" => c.Position is CslPosition.Ibid or CslPosition.IbidWithLocator,
                    "ibid-with-locator" => c.Position == CslPosition.IbidWithLocator,
                    "near-note" => c.Position != CslPosition.First && c.NearNote,
                    _ => false,
                };
            case "disambiguate":
                return c.State.Disambiguate == (value == "true");
            default:
                return false;
        }
    }

    private static string Normalize(string label) => label.Replace(' ', '-');

    private static string? NumericValue(string variable, Context c)
    {
        if (variable == "locator") return c.Cite?.Locator;
        if (variable == "citation-number") return c.StringVar(variable);
        return c.Item.Get(variable);
    }

    public static bool HasVariable(string v, Context c)
    {
        if (c.IsSuppressed(v)) return false;
        return v switch
        {
            "locator" => c.Cite?.Locator is { Length: > 0 },
            "citation-number" => true,
            "year-suffix" => c.State.YearSuffix is not null,
            "first-reference-note-number" => c.StringVar(v) is not null,
            "page-first" => c.StringVar(v) is not null,
            _ => c.Item.Has(v) || (v == "title-short" && c.Item.Get("title") is not null && false),
        };
    }
}
