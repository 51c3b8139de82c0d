using System.Collections.Frozen;

namespace BriefGen.Csl;

/// <summary>
/// One bibliographic item in the CSL data model: an id, a CSL type and its variables, split by
/// kind (ordinary string/number variables, name variables and date variables). Immutable; build
/// one with <see cref="CslItemBuilder"/> or read CSL-JSON with <see cref="CslItemReader"/>.
/// </summary>
public sealed class CslItem
{
    internal CslItem(string id, string type, IDictionary<string, string> vars,
        IDictionary<string, IReadOnlyList<CslName>> names, IDictionary<string, CslDate> dates,
        IReadOnlyList<string> categories)
    {
        Id = id;
        Type = type;
        Variables = vars.ToFrozenDictionary(StringComparer.Ordinal);
        Names = names.ToFrozenDictionary(StringComparer.Ordinal);
        Dates = dates.ToFrozenDictionary(StringComparer.Ordinal);
        Categories = categories;
    }

    /// <summary>The item's id (the citation key).</summary>
    public string Id { get; }

    /// <summary>The CSL type, e.g. <c>book</c>, <c>article-journal</c>, <c>legal_case</c>.</summary>
    public string Type { get; }

    /// <summary>String and number variables (<c>title</c>, <c>volume</c>, <c>page</c>, <c>DOI</c> …).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Name variables (<c>author</c>, <c>editor</c> …), each a non-empty list.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CslName>> Names { get; }

    /// <summary>Date variables (<c>issued</c>, <c>accessed</c> …).</summary>
    public IReadOnlyDictionary<string, CslDate> Dates { get; }

    /// <summary>The item's <c>categories</c> (exported as a list; not rendered by styles).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>A string variable, or null when absent or empty.</summary>
    public string? Get(string name) => Variables.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    /// <summary>True when the variable (of any kind) has a value.</summary>
    public bool Has(string name) =>
        Get(name) is not null || Names.ContainsKey(name) || Dates.ContainsKey(name);
}

/// <summary>Builds a <see cref="CslItem"/> (e.g. from BriefGen's YAML sources).</summary>
public sealed class CslItemBuilder
{
    private readonly string _id;
    private readonly string _type;
    private readonly Dictionary<string, string> _vars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CslName>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CslDate> _dates = new(StringComparer.Ordinal);
    private readonly List<string> _categories = [];

    /// <summary>Starts an item with its id and CSL type.</summary>
    public CslItemBuilder(string id, string type)
    {
        _id = id;
        _type = type;
    }

    /// <summary>Sets a string or number variable (empty values are ignored).</summary>
    public CslItemBuilder Set(string variable, string? value)
    {
        if (!string.IsNullOrEmpty(value)) _vars[variable] = value;
        return this;
    }

    /// <summary>Sets a name variable (an empty list is ignored).</summary>
    public CslItemBuilder SetNames(string variable, IEnumerable<CslName> names)
    {
        var list = names.ToArray();
        if (list.Length > 0) _names[variable] = list;
        return this;
    }

    /// <summary>Sets a date variable.</summary>
    public CslItemBuilder SetDate(string variable, CslDate date)
    {
        _dates[variable] = date;
        return this;
    }

    /// <summary>Adds one category.</summary>
    public CslItemBuilder AddCategory(string category)
    {
        _categories.Add(category);
        return this;
    }

    /// <summary>The item.</summary>
    public CslItem Build() => new(_id, _type, _vars, _names, _dates, _categories.ToArray());
}
