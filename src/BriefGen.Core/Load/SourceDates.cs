using System.Globalization;
using BriefGen.Csl;
using BriefGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Load;

/// <summary>
/// A source's date in every form CSL accepts (SPEC §2): a string (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>,
/// EDTF ranges <c>2019/2020</c>, uncertain <c>1850~</c>, seasons <c>2020-21</c>), or a CSL-JSON date object with
/// <c>date-parts</c> (one date or a range), <c>circa</c>, <c>season</c>, <c>literal</c> or <c>raw</c>. What is not
/// a date is one error at its place.
/// </summary>
internal sealed class SourceDates(DiagnosticBag diagnostics)
{
    private const string Forms = "write YYYY, YYYY-MM or YYYY-MM-DD, a range such as 2019/2020, an uncertain date such as 1850~, " +
                                 "or a date object with date-parts, circa, season, literal or raw";

    public CslDate? Read(string key, YamlNode value, Location where)
    {
        switch (value)
        {
            case YamlScalarNode { Value: { } text }:
                if (CslDate.Parse(text) is { } date)
                {
                    // The string is fully read into date-parts (and circa, season): no raw copy to export as well.
                    return date with { Raw = null };
                }

                diagnostics.Error(where, DiagnosticCodes.BadDate, $"'{text}' is not a date; {Forms}");
                return null;
            case YamlMappingNode map:
                return Object(key, map, where);
            default:
                diagnostics.Error(where, DiagnosticCodes.BadDate, $"field '{key}' of source is not a date; {Forms}");
                return null;
        }
    }

    private CslDate? Object(string key, YamlMappingNode map, Location where)
    {
        var at = new NodeLocator(where.Path, 0);
        var date = new CslDate();
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            var field = (k as YamlScalarNode)?.Value ?? "";
            var fieldAt = at.Of(v);
            if (!CslSchema.DateParts.Contains(field))
            {
                diagnostics.Error(at.Of(k), DiagnosticCodes.UnknownField,
                    $"unknown date field '{field}'{FieldNames.DidYouMean(field, CslSchema.DateParts)}; a date object has date-parts, circa, season, literal or raw");
                ok = false;
                continue;
            }

            if (field == "date-parts")
            {
                if (Parts(v, fieldAt) is { } parts)
                {
                    date = date with { Parts = parts };
                }
                else
                {
                    ok = false;
                }

                continue;
            }

            if (v is not YamlScalarNode { Value: { } s })
            {
                diagnostics.Error(fieldAt, DiagnosticCodes.WrongType, $"date field '{field}' has the wrong type: expected a single value");
                ok = false;
                continue;
            }

            switch (field)
            {
                case "circa":
                    date = date with { Circa = s is not ("false" or "0" or "") };
                    break;
                case "season":
                    date = date with { Season = s };
                    break;
                case "literal":
                    date = date with { Literal = s };
                    break;
                case "raw":
                    if (CslDate.Parse(s) is not { } parsed)
                    {
                        diagnostics.Error(fieldAt, DiagnosticCodes.BadDate, $"raw date '{s}' cannot be read; {Forms}");
                        ok = false;
                        break;
                    }

                    date = date with { Raw = s, Parts = date.Parts.Count > 0 ? date.Parts : parsed.Parts, Circa = date.Circa || parsed.Circa, Season = date.Season ?? parsed.Season };
                    break;
            }
        }

        if (ok && date.Parts.Count == 0 && string.IsNullOrEmpty(date.Literal))
        {
            diagnostics.Error(where, DiagnosticCodes.BadDate, $"the date '{key}' needs date-parts, literal or raw");
            return null;
        }

        return ok ? date : null;
    }

    private IReadOnlyList<CslDatePart>? Parts(YamlNode node, Location where)
    {
        const string shape = "date-parts is a list of one date, or two for a range, each [year, month, day] with month and day optional: [[2019, 5], [2020]]";
        if (node is not YamlSequenceNode points || points.Children.Count is < 1 or > 2)
        {
            diagnostics.Error(where, DiagnosticCodes.BadDate, shape);
            return null;
        }

        var parts = new List<CslDatePart>();
        foreach (var point in points.Children)
        {
            if (point is not YamlSequenceNode fields || fields.Children.Count is < 1 or > 3 ||
                fields.Children.Any(f => f is not YamlScalarNode { Value: { } n } || !int.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                diagnostics.Error(where, DiagnosticCodes.BadDate, shape);
                return null;
            }

            var n = fields.Children.Select(f => int.Parse(((YamlScalarNode)f).Value!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
            int? month = n.Length > 1 ? n[1] : null, day = n.Length > 2 ? n[2] : null;
            // Months 13–16 are the seasons, as citeproc reads them.
            if (month is < 1 or > 16 || (day is not null && (month > 12 || day < 1 || day > DateTime.DaysInMonth(n[0] is > 0 and < 10000 ? n[0] : 2000, month!.Value))))
            {
                diagnostics.Error(where, DiagnosticCodes.BadDate, $"[{string.Join(", ", n)}] is not a date: month 1–12 (13–16 for seasons), day within the month");
                return null;
            }

            parts.Add(new CslDatePart(n[0], month, day));
        }

        return parts;
    }
}
