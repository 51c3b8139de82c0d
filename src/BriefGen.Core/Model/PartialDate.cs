using System.Globalization;

namespace BriefGen.Model;

/// <summary>A date known to the year, the month or the day, as content gives it.</summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    // AP style, as news writing and policy briefs use it.
    private static readonly string[] ShortMonths =
        ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    private static readonly string[] LongMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2))
        {
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        int? month = null, day = null;
        if (parts.Length > 1)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                return false;
            }

            month = m;
        }

        if (parts.Length > 2)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 ||
                d > DateTime.DaysInMonth(year == 0 ? 2000 : year, month!.Value))
            {
                return false;
            }

            day = d;
        }

        date = new PartialDate(year, month, day);
        return year > 0;
    }

    /// <summary>ISO 8601 at the known precision: 2019, 2019-01 or 2019-01-28.</summary>
    public string Iso => Day is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{d:D2}")
        : Month is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>For people: "2019", "January 2019", "Feb. 28, 2020".</summary>
    public string Display => Day is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{ShortMonths[Month!.Value - 1]} {d}, {Year}")
        : Month is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"{LongMonths[m - 1]} {Year}")
            : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>CSL-JSON date-parts.</summary>
    public int[] Parts => Day is { } d ? [Year, Month!.Value, d] : Month is { } m ? [Year, m] : [Year];

    public int CompareTo(PartialDate other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0) return c;
        c = (Month ?? 0).CompareTo(other.Month ?? 0);
        return c != 0 ? c : (Day ?? 0).CompareTo(other.Day ?? 0);
    }
}
