using System.Globalization;
using System.Text.Json;

namespace BriefGen.Csl;

/// <summary>Reads CSL-JSON items (an array of objects, or one object) without reflection.</summary>
public static class CslItemReader
{
    /// <summary>Reads a CSL-JSON document: an array of items or a single item.</summary>
    /// <exception cref="FormatException">The JSON is not CSL-JSON (message names the item).</exception>
    public static IReadOnlyList<CslItem> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    /// <summary>Reads items from a parsed JSON element (array or object).</summary>
    public static IReadOnlyList<CslItem> Read(JsonElement root)
    {
        var list = new List<CslItem>();
        if (root.ValueKind == JsonValueKind.Array)
            foreach (var e in root.EnumerateArray()) list.Add(ReadItem(e));
        else list.Add(ReadItem(root));
        return list;
    }

    /// <summary>Reads one item object.</summary>
    public static CslItem ReadItem(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw new FormatException("a CSL item must be a JSON object");
        var id = obj.TryGetProperty("id", out var idEl) ? Scalar(idEl) ?? "" : "";
        var type = obj.TryGetProperty("type", out var tEl) ? Scalar(tEl) ?? "" : "";
        var b = new CslItemBuilder(id, type);
        foreach (var p in obj.EnumerateObject())
        {
            var key = Normalize(p.Name);
            if (key is "id" or "type") continue;
            if (CslVariables.NameVariables.Contains(key))
            {
                if (p.Value.ValueKind == JsonValueKind.Array)
                    b.SetNames(key, p.Value.EnumerateArray().Select(ReadName));
            }
            else if (CslVariables.DateVariables.Contains(key))
            {
                var d = ReadDate(p.Value);
                if (d is not null) b.SetDate(key, d);
            }
            else if (key == "categories" && p.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var c in p.Value.EnumerateArray()) if (Scalar(c) is { } s) b.AddCategory(s);
            }
            else if (Scalar(p.Value) is { } v) b.Set(key, v);
        }
        return b.Build();
    }

    private static string Normalize(string key) => key switch
    {
        "shortTitle" => "title-short",
        "journalAbbreviation" => "container-title-short",
        _ => key,
    };

    private static string? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>Reads a CSL-JSON name object.</summary>
    public static CslName ReadName(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String) return new CslName { Literal = e.GetString() };
        string? S(string n) => e.TryGetProperty(n, out var v) ? Scalar(v) : null;
        bool B(string n) => e.TryGetProperty(n, out var v) && (v.ValueKind == JsonValueKind.True
            || (v.ValueKind == JsonValueKind.String && v.GetString() is "true" or "1")
            || (v.ValueKind == JsonValueKind.Number && v.GetRawText() != "0"));
        var name = new CslName
        {
            Family = S("family"), Given = S("given"), Literal = S("literal"), Suffix = S("suffix"),
            NonDroppingParticle = S("non-dropping-particle"), DroppingParticle = S("dropping-particle"),
            CommaSuffix = B("comma-suffix"), StaticOrdering = B("static-ordering"),
        };
        var parse = !e.TryGetProperty("parse-names", out var pn) || pn.ValueKind != JsonValueKind.False
            && !(pn.ValueKind == JsonValueKind.String && pn.GetString() is "false");
        return parse ? NameParser.SplitParticles(name) : name;
    }

    /// <summary>Reads a CSL-JSON date (object with date-parts/literal/raw/season/circa, or a string).</summary>
    public static CslDate? ReadDate(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var t = e.GetString() ?? "";
            return CslDate.Parse(t) ?? new CslDate { Literal = t, Raw = t };
        }
        if (e.ValueKind != JsonValueKind.Object) return null;
        var parts = new List<CslDatePart>();
        if (e.TryGetProperty("date-parts", out var dp) && dp.ValueKind == JsonValueKind.Array)
        {
            foreach (var point in dp.EnumerateArray())
            {
                if (point.ValueKind != JsonValueKind.Array) continue;
                var nums = point.EnumerateArray().Select(ToInt).ToList();
                if (nums.Count == 0 || nums[0] is null) continue;
                int? m = nums.Count > 1 ? nums[1] : null, d = nums.Count > 2 ? nums[2] : null;
                if (m is 0) m = null;
                if (d is 0 || m is null) d = null;
                parts.Add(new CslDatePart(nums[0]!.Value, m, d));
            }
        }
        string? S(string n) => e.TryGetProperty(n, out var v) ? Scalar(v) : null;
        var circaText = S("circa");
        var circa = circaText is not null && circaText is not ("false" or "0" or "");
        var season = S("season");
        var literal = S("literal");
        var raw = S("raw");
        if (parts.Count == 0 && literal is null && raw is not null)
        {
            var parsed = CslDate.Parse(raw);
            if (parsed is null) return new CslDate { Literal = raw, Raw = raw };
            return parsed with { Circa = parsed.Circa || circa, Season = season ?? parsed.Season };
        }
        if (parts.Count == 0 && literal is null) return null;
        if (parts.Count == 1 && parts[0].Month is >= 13 and <= 16 && season is null)
        {
            season = (parts[0].Month!.Value - 12).ToString(CultureInfo.InvariantCulture);
            parts[0] = parts[0] with { Month = null, Day = null };
        }
        return new CslDate { Parts = parts, Season = season, Circa = circa, Literal = literal, Raw = raw };
    }

    private static int? ToInt(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var i)) return i;
        if (e.ValueKind == JsonValueKind.String && int.TryParse(e.GetString(), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var j)) return j;
        return null;
    }
}
