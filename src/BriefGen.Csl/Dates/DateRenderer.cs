using System.Globalization;
using BriefGen.Csl.Output;
using BriefGen.Csl.Rendering;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Dates;

/// <summary>cs:date: localized and non-localized dates, date-parts, seasons, ranges, BC/AD (CSL 1.0.2 §date).</summary>
internal static class DateRenderer
{
    private static readonly string[] Order = ["year", "month", "day"];

    public static ONode? Render(DateEl d, Context c)
    {
        CslDate? date = null;
        if (!c.IsSuppressed(d.Variable)) c.Item.Dates.TryGetValue(d.Variable, out date);
        var has = date is not null && (date.Parts.Count > 0 || !string.IsNullOrEmpty(date.Literal));
        c.Track(has, d.Variable);
        if (!has) return null;
        var (parts, delimiter) = Parts(d, c);
        if (c.SortKey is not null)
        {
            // A macro sorts by the parts it shows (date-parts="year" sorts by year only).
            var shown = parts.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var limited = date!.Parts.Select(p => new CslDatePart(p.Year, shown.Contains("month") ? p.Month : null,
                shown.Contains("day") ? p.Day : null)).ToList();
            return ONode.Leaf((date with { Parts = limited }).SortKey());
        }
        if (date!.Parts.Count == 0) return Renderer.Decorate(Markup.Parse(date.Literal!), d.Fmt, c);
        var node = RenderDate(date, parts, delimiter, d, c);
        return node is null ? null : Renderer.Decorate(node, d.Fmt, c);
    }

    private static (IReadOnlyList<DatePartEl>, string?) Parts(DateEl d, Context c)
    {
        if (d.Form is null) return (d.Parts, d.Delimiter);
        var baseFormat = c.Locale.DateFormat(d.Form);
        if (baseFormat is null) return (d.Parts, d.Delimiter);
        var allowed = d.DateParts switch
        {
            "year" => new[] { "year" },
            "year-month" => ["year", "month"],
            _ => Order,
        };
        var list = new List<DatePartEl>();
        foreach (var p in baseFormat.Parts)
        {
            if (!allowed.Contains(p.Name)) continue;
            var over = d.Parts.FirstOrDefault(x => x.Name == p.Name);
            if (over is null)
            {
                list.Add(p);
                continue;
            }
            list.Add(new DatePartEl
            {
                Name = p.Name, Form = over.Form ?? p.Form, RangeDelimiter = over.RangeDelimiter ?? p.RangeDelimiter,
                Fmt = p.Fmt with
                {
                    FontStyle = over.Fmt.FontStyle ?? p.Fmt.FontStyle, FontWeight = over.Fmt.FontWeight ?? p.Fmt.FontWeight,
                    FontVariant = over.Fmt.FontVariant ?? p.Fmt.FontVariant, TextDecoration = over.Fmt.TextDecoration ?? p.Fmt.TextDecoration,
                    VerticalAlign = over.Fmt.VerticalAlign ?? p.Fmt.VerticalAlign, TextCase = over.Fmt.TextCase ?? p.Fmt.TextCase,
                    StripPeriods = over.Fmt.StripPeriods || p.Fmt.StripPeriods,
                    Prefix = over.Fmt.Prefix ?? p.Fmt.Prefix, Suffix = over.Fmt.Suffix ?? p.Fmt.Suffix,
                },
            });
        }
        return (list, baseFormat.Delimiter);
    }

    private static ONode? RenderDate(CslDate date, IReadOnlyList<DatePartEl> parts, string? delimiter, DateEl d, Context c)
    {
        var a = date.Parts[0];
        if (date.IsRange)
        {
            var b = date.Parts[1];
            var differ = a.Year != b.Year ? 0 : a.Month != b.Month ? 1 : 2;
            var idx = Enumerable.Range(0, parts.Count).Where(i => Array.IndexOf(Order, parts[i].Name) >= differ
                && HasPart(a, date, parts[i].Name)).ToList();
            if (idx.Count > 0)
            {
                var first = idx.Min();
                var last = idx.Max();
                var rangeDelim = parts.FirstOrDefault(p => p.Name == Order[differ])?.RangeDelimiter ?? "–";
                var before = RenderParts(a, date, parts.Take(first).ToList(), delimiter, c, false, false, d);
                var mid1 = RenderParts(a, date, parts.Skip(first).Take(last - first + 1).ToList(), delimiter, c, false, true, d);
                var mid2 = RenderParts(b, date, parts.Skip(first).Take(last - first + 1).ToList(), delimiter, c, true, false, d);
                var after = RenderParts(a, date, parts.Skip(last + 1).ToList(), delimiter, c, false, false, d);
                var kids = new List<ONode>();
                void Add(ONode? n, bool delim)
                {
                    if (n is null || n.IsEmpty) return;
                    if (delim && kids.Count > 0 && !string.IsNullOrEmpty(delimiter)) kids.Add(ONode.Leaf(delimiter));
                    kids.Add(n);
                }
                Add(before, true);
                Add(mid1, true);
                if (mid2 is not null) kids.Add(ONode.Leaf(rangeDelim));
                Add(mid2, false);
                Add(after, true);
                return ONode.Seq(kids);
            }
        }
        return RenderParts(a, date, parts.ToList(), delimiter, c, false, false, d);
    }

    private static bool HasPart(CslDatePart p, CslDate date, string name) => name switch
    {
        "year" => true,
        "month" => p.Month is not null || date.Season is not null,
        _ => p.Day is not null && p.Month is not null,
    };

    private static ONode? RenderParts(CslDatePart p, CslDate date, List<DatePartEl> parts, string? delimiter, Context c,
        bool dropFirstPrefix, bool dropLastSuffix, DateEl d)
    {
        var rendered = new List<ONode>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var text = PartText(p, date, part, c, d);
            if (text is null) continue;
            var fmt = part.Fmt;
            if (dropFirstPrefix && rendered.Count == 0) fmt = fmt with { Prefix = null };
            if (dropLastSuffix && i == parts.Count - 1) fmt = fmt with { Suffix = null };
            if (Renderer.Decorate(text, fmt, c) is { } n) rendered.Add(n);
        }
        return rendered.Count == 0 ? null : Renderer.Join(rendered, delimiter);
    }

    private static ONode? PartText(CslDatePart p, CslDate date, DatePartEl part, Context c, DateEl d)
    {
        switch (part.Name)
        {
            case "year":
            {
                var y = p.Year;
                string s;
                if (part.Form == "short") s = (Math.Abs(y) % 100).ToString("D2", CultureInfo.InvariantCulture);
                else if (y < 0) s = (-y).ToString(CultureInfo.InvariantCulture) + (c.Locale.GetTerm("bc") ?? "BC");
                else if (y < 1000) s = y.ToString(CultureInfo.InvariantCulture) + (c.Locale.GetTerm("ad") ?? "AD");
                else s = y.ToString(CultureInfo.InvariantCulture);
                var node = ONode.Leaf(s);
                if (d.Variable == "issued" && c.State.YearSuffix is { } ys && !c.Style.UsesYearSuffixVariable && !c.YearSuffixRendered)
                {
                    c.YearSuffixRendered = true;
                    return ONode.Seq([node, ONode.Leaf(ys)]);
                }
                return node;
            }
            case "month":
            {
                if (p.Month is null)
                {
                    if (date.Season is not { } season) return null;
                    if (int.TryParse(season, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sn) && sn is >= 1 and <= 4)
                        return ONode.Leaf(c.Locale.GetTerm("season-0" + sn.ToString(CultureInfo.InvariantCulture)) ?? season);
                    return ONode.Leaf(season);
                }
                var m = p.Month.Value;
                if (m is >= 13 and <= 16)
                    return ONode.Leaf(c.Locale.GetTerm("season-0" + (m - 12).ToString(CultureInfo.InvariantCulture)) ?? "");
                return part.Form switch
                {
                    "numeric" => ONode.Leaf(m.ToString(CultureInfo.InvariantCulture)),
                    "numeric-leading-zeros" => ONode.Leaf(m.ToString("D2", CultureInfo.InvariantCulture)),
                    "short" => ONode.Leaf(c.Locale.GetTerm("month-" + m.ToString("D2", CultureInfo.InvariantCulture), "short") ?? ""),
                    _ => ONode.Leaf(c.Locale.GetTerm("month-" + m.ToString("D2", CultureInfo.InvariantCulture)) ?? ""),
                };
            }
            default:
            {
                if (p.Day is not { } day || p.Month is null) return null;
                var gender = p.Month is { } mo and <= 12 ? c.Locale.Gender("month-" + mo.ToString("D2", CultureInfo.InvariantCulture)) : null;
                return ONode.Leaf(part.Form switch
                {
                    "numeric-leading-zeros" => day.ToString("D2", CultureInfo.InvariantCulture),
                    "ordinal" when !c.Locale.LimitDayOrdinalsToDay1 || day == 1 => Numbers.Ordinal(day, c.Locale, gender),
                    _ => day.ToString(CultureInfo.InvariantCulture),
                });
            }
        }
    }
}
