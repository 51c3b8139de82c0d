namespace BriefGen.Csl.Style;

/// <summary>Formatting, affixes, display, quotes, strip-periods and text-case of a rendering element.</summary>
internal sealed record Fmt
{
    public static readonly Fmt None = new();
    public string? FontStyle { get; init; }
    public string? FontVariant { get; init; }
    public string? FontWeight { get; init; }
    public string? TextDecoration { get; init; }
    public string? VerticalAlign { get; init; }
    public string? Prefix { get; init; }
    public string? Suffix { get; init; }
    public string? Display { get; init; }
    public bool Quotes { get; init; }
    public bool StripPeriods { get; init; }
    public string? TextCase { get; init; }

    public bool HasFont => FontStyle is not null || FontVariant is not null || FontWeight is not null
        || TextDecoration is not null || VerticalAlign is not null;
}

internal abstract class Element
{
    public Fmt Fmt { get; init; } = Fmt.None;
}

internal sealed class TextEl : Element
{
    public string? Variable { get; init; }
    public string Form { get; init; } = "long";
    public string? Macro { get; init; }
    public string? Term { get; init; }
    public bool Plural { get; init; }
    public string? Value { get; init; }
}

internal sealed class DatePartEl : Element
{
    public required string Name { get; init; }
    public string? Form { get; init; }
    public string? RangeDelimiter { get; init; }
}

internal sealed class DateEl : Element
{
    public required string Variable { get; init; }
    public string? Form { get; init; }
    public string DateParts { get; init; } = "year-month-day";
    public string? Delimiter { get; init; }
    public IReadOnlyList<DatePartEl> Parts { get; init; } = [];
}

internal sealed class NumberEl : Element
{
    public required string Variable { get; init; }
    public string Form { get; init; } = "numeric";
}

internal sealed class LabelEl : Element
{
    public string? Variable { get; init; }
    public string Form { get; init; } = "long";
    public string Plural { get; init; } = "contextual";
}

internal sealed class NamePartEl
{
    public required string Name { get; init; }
    public Fmt Fmt { get; init; } = Fmt.None;
}

internal sealed class NameEl : Element
{
    public IReadOnlyDictionary<string, string> Attrs { get; init; } = new Dictionary<string, string>();
    public NamePartEl? Family { get; init; }
    public NamePartEl? Given { get; init; }
}

internal sealed class EtAlEl : Element
{
    public string Term { get; init; } = "et-al";
}

internal sealed class NamesEl : Element
{
    public IReadOnlyList<string> Variables { get; init; } = [];
    public string? Delimiter { get; init; }
    public NameEl? Name { get; init; }
    public EtAlEl? EtAl { get; init; }
    public LabelEl? Label { get; init; }
    public bool LabelBeforeName { get; init; }
    public IReadOnlyList<Element>? Substitute { get; init; }
}

internal sealed class GroupEl : Element
{
    public string? Delimiter { get; init; }
    public IReadOnlyList<Element> Children { get; init; } = [];
}

internal sealed record Condition(string Match, IReadOnlyList<(string Test, string Value)> Tests);

internal sealed class ChooseEl : Element
{
    /// <summary>Branches in order; the else branch has a null condition.</summary>
    public IReadOnlyList<(Condition? When, IReadOnlyList<Element> Children)> Branches { get; init; } = [];
}

internal sealed record SortKey(string? Variable, string? Macro, bool Descending, int? NamesMin, int? NamesUseFirst, bool? NamesUseLast);

internal sealed class Layout
{
    public Fmt Fmt { get; init; } = Fmt.None;
    public string? Delimiter { get; init; }
    public IReadOnlyList<Element> Children { get; init; } = [];
}

internal sealed class Section
{
    public required Layout Layout { get; init; }
    public IReadOnlyList<SortKey> Sort { get; init; } = [];
    public IReadOnlyDictionary<string, string> Attrs { get; init; } = new Dictionary<string, string>();

    public string? Attr(string name) => Attrs.TryGetValue(name, out var v) ? v : null;
    public bool Flag(string name) => Attr(name) == "true";
}
