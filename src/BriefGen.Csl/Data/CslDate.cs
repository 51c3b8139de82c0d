using System.Globalization;

namespace BriefGen.Csl;

/// <summary>One point of a date: year (negative for BC), optional month (1–12, or 13–16 for a season) and day.</summary>
public readonly record struct CslDatePart(int Year, int? Month = null, int? Day = null);

/// <summary>
/// A CSL date variable: one date or a range (<see cref="Parts"/> has one or two points), with
/// optional <see cref="Season"/>, <see cref="Circa"/>, or a <see cref="Literal"/> that is printed as written.
/// <see cref="Raw"/> keeps the original string when the date was parsed from one.
/// </summary>
public sealed record CslDate
{
    /// <summary>The date (one point) or range (two points).</summary>
    public IReadOnlyList<CslDatePart> Parts { get; init; } = [];

    /// <summary>A season: 1 spring, 2 summer, 3 autumn, 4 winter, or a string printed as written.</summary>
    public string? Season { get; init; }

    /// <summary>True when the date is approximate or uncertain.</summary>
    public bool Circa { get; init; }

    /// <summary>A date printed as written (e.g. <c>Spring 1900s</c>).</summary>
    public string? Literal { get; init; }

    /// <summary>The string the date was parsed from, if any.</summary>
    public string? Raw { get; init; }

    /// <summary>True when the date is a range of two different points.</summary>
    public bool IsRange => Parts.Count > 1 && Parts[1] != Parts[0] && Parts[1].Year != 0;

    /// <summary>A single-point date.</summary>
    public static CslDate Of(int year, int? month = null, int? day = null) => new() { Parts = [new CslDatePart(year, month, day)] };

    /// <summary>
    /// Parses the string forms of a date: <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, EDTF ranges
    /// (<c>2019/2020</c>, <c>2019-05/2019-07</c>), uncertain or approximate dates (<c>1850~</c>, <c>1850?</c>,
    /// <c>1850%</c>), EDTF seasons (<c>2020-21</c> … <c>2020-24</c>) and negative years (<c>-0044</c>).
    /// Returns null when the text is none of these (the caller may keep it as a <see cref="Literal"/>).
    /// </summary>
    public static CslDate? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length == 0) return null;
        var circa = false;
        var points = s.Split('/');
        if (points.Length > 2) return null;
        var parts = new List<CslDatePart>();
        string? season = null;
        foreach (var raw in points)
        {
            var p = raw.Trim();
            while (p.Length > 0 && (p[^1] == '~' || p[^1] == '?' || p[^1] == '%'))
            {
                circa = true;
                p = p[..^1];
            }
            if (p.Length == 0 && parts.Count == 1) continue; // open range "2019/"
            var neg = p.StartsWith('-');
            if (neg) p = p[1..];
            var f = p.Split('-');
            if (f.Length > 3 || f[0].Length < 1 || f[0].Length > 6 || !AllDigits(f[0])) return null;
            var year = int.Parse(f[0], CultureInfo.InvariantCulture) * (neg ? -1 : 1);
            int? month = null, day = null;
            if (f.Length > 1)
            {
                if (f[1].Length != 2 || !AllDigits(f[1])) return null;
                var m = int.Parse(f[1], CultureInfo.InvariantCulture);
                if (m >= 21 && m <= 24 && f.Length == 2) { season = (m - 20).ToString(CultureInfo.InvariantCulture); }
                else if (m < 1 || m > 12) return null;
                else month = m;
            }
            if (f.Length > 2)
            {
                if (f[2].Length != 2 || !AllDigits(f[2]) || month is null) return null;
                var d = int.Parse(f[2], CultureInfo.InvariantCulture);
                if (d < 1 || d > DateTime.DaysInMonth(year is > 0 and < 10000 ? year : 2000, month.Value)) return null;
                day = d;
            }
            parts.Add(new CslDatePart(year, month, day));
        }
        if (parts.Count == 0) return null;
        return new CslDate { Parts = parts, Circa = circa, Season = season, Raw = text };
    }

    private static bool AllDigits(string s)
    {
        foreach (var c in s) if (c < '0' || c > '9') return false;
        return s.Length > 0;
    }

    /// <summary>A sortable key: zero-padded year, month and day of each point.</summary>
    internal string SortKey()
    {
        if (Parts.Count == 0) return "";
        static string K(CslDatePart p) => string.Create(CultureInfo.InvariantCulture,
            $"{p.Year + 50000:D6}{p.Month ?? 0:D2}{p.Day ?? 0:D2}");
        var k = K(Parts[0]);
        return Parts.Count > 1 ? k + "-" + K(Parts[1]) : k;
    }
}
