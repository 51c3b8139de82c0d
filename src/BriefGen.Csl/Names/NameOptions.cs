using System.Globalization;
using BriefGen.Csl.Rendering;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Names;

/// <summary>The effective cs:name options: the element's attributes over those inherited from cs:citation / cs:bibliography and cs:style.</summary>
internal sealed class NameOptions
{
    private static readonly (string Inherited, string Own)[] Keys =
    [
        ("and", "and"), ("delimiter-precedes-et-al", "delimiter-precedes-et-al"),
        ("delimiter-precedes-last", "delimiter-precedes-last"), ("et-al-min", "et-al-min"),
        ("et-al-use-first", "et-al-use-first"), ("et-al-use-last", "et-al-use-last"),
        ("et-al-subsequent-min", "et-al-subsequent-min"), ("et-al-subsequent-use-first", "et-al-subsequent-use-first"),
        ("initialize", "initialize"), ("initialize-with", "initialize-with"), ("name-as-sort-order", "name-as-sort-order"),
        ("sort-separator", "sort-separator"), ("name-form", "form"), ("name-delimiter", "delimiter"),
    ];

    private readonly Dictionary<string, string> _a = new(StringComparer.Ordinal);

    public NameOptions(NameEl? name, Context c)
    {
        foreach (var (inh, own) in Keys)
        {
            var v = c.Section.Attr(inh) ?? c.Style.Attr(inh);
            if (v is not null) _a[own] = v;
        }
        if (name is not null) foreach (var (k, v) in name.Attrs) _a[k] = v;
        Element = name;
    }

    public NameEl? Element { get; }

    public string? Get(string k) => _a.TryGetValue(k, out var v) ? v : null;

    public int? Int(string k) => int.TryParse(Get(k), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public string Form => Get("form") ?? "long";
    public string Delimiter => Get("delimiter") ?? ", ";
    public string? And => Get("and");
    public string? InitializeWith => Get("initialize-with");
    public bool Initialize => Get("initialize") != "false";
    public string? SortOrder => Get("name-as-sort-order");
    public string SortSeparator => Get("sort-separator") ?? ", ";
    public string DelimiterPrecedesLast => Get("delimiter-precedes-last") ?? "contextual";
    public string DelimiterPrecedesEtAl => Get("delimiter-precedes-et-al") ?? "contextual";
    public bool EtAlUseLast => Get("et-al-use-last") == "true";
}
