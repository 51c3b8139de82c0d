using BriefGen.Csl.Style;

namespace BriefGen.Csl.Rendering;

/// <summary>What disambiguation decided for one item.</summary>
internal sealed class ItemState
{
    public int? EtAlUseFirst;
    /// <summary>Per name variable and index: 0 as styled, 1 with initials, 2 with full given names.</summary>
    public Dictionary<(string Var, int Index), int> GivenLevel = [];
    public int GivenLevelAll;
    public string? YearSuffix;
    public bool Disambiguate;
    public int CitationNumber;

    public ItemState Clone() => new()
    {
        EtAlUseFirst = EtAlUseFirst, GivenLevel = new(GivenLevel), GivenLevelAll = GivenLevelAll,
        YearSuffix = YearSuffix, Disambiguate = Disambiguate, CitationNumber = CitationNumber,
    };
}

/// <summary>The state of rendering one cite or bibliography entry.</summary>
internal sealed class Context
{
    public required CslStyle Style { get; init; }
    public required CslLocale Locale { get; init; }
    public required CslItem Item { get; init; }
    public required Section Section { get; init; }
    public required ItemState State { get; init; }
    public CslCitationItem? Cite { get; init; }
    public CslPosition Position { get; init; }
    public bool NearNote { get; init; }
    public int? FirstNoteNumber { get; init; }
    public bool IsBibliography { get; init; }
    /// <summary>Rendering a sort key: names in sort order, dates and numbers as sortable text.</summary>
    public SortKey? SortKey { get; init; }
    /// <summary>Rendering for ambiguity tests: never hides the year suffix slot.</summary>
    public bool ForDisambiguation { get; init; }

    // A list, not a set: an entry suppresses a variable or two, and a set per cite cost more than it saved.
    private List<string>? _suppressed;

    /// <summary>Leaves <paramref name="variable"/> out of the rest of the entry: a substitution already rendered it.</summary>
    public void Suppress(string variable)
    {
        _suppressed ??= [];
        if (!_suppressed.Contains(variable)) _suppressed.Add(variable);
    }

    public bool IsSuppressed(string variable) => _suppressed is { } s && s.Contains(variable);
    /// <summary>0: normal; 1: suppress the first names output; 2: only the first names output.</summary>
    public int AuthorMode { get; set; }
    public bool AuthorDone { get; set; }
    public Output.ONode? AuthorOnlyOutput { get; set; }
    public bool YearSuffixRendered { get; set; }
    public bool RenderingSubstitute { get; set; }
    public Style.NamesEl? SubstituteParent { get; set; }
    /// <summary>Variables that produced output, in order (for suppressing substituted variables).</summary>
    public List<string> Used { get; } = [];

    // Per open group: (variables called, variables with output).
    private List<(int Called, int NonEmpty)>? _frames;

    public bool IsEnglish
    {
        get
        {
            var lang = Item.Get("language");
            return lang is null ? Locale.Tag.StartsWith("en", StringComparison.Ordinal) : lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }
    }

    public void PushFrame() => (_frames ??= []).Add((0, 0));

    /// <summary>Returns (variables called, variables with output).</summary>
    public (int Called, int NonEmpty) PopFrame()
    {
        var f = _frames![^1];
        _frames.RemoveAt(_frames.Count - 1);
        return f;
    }

    public void Track(bool nonEmpty)
    {
        if (_frames is not { Count: > 0 }) return;
        var (called, withOutput) = _frames[^1];
        _frames[^1] = (called + 1, nonEmpty ? withOutput + 1 : withOutput);
    }

    public void Track(bool nonEmpty, string variable)
    {
        Track(nonEmpty);
        if (nonEmpty) Used.Add(variable);
    }

    public string? Attr(string name) =>
        Section.Attr(name) ?? Style.Attr(name);

    public string? StringVar(string name)
    {
        if (IsSuppressed(name)) return null;
        switch (name)
        {
            case "locator": return Cite?.Locator is { Length: > 0 } l ? l : null;
            case "citation-number": return State.CitationNumber > 0 ? State.CitationNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            case "year-suffix": return State.YearSuffix;
            case "first-reference-note-number":
                return Position != CslPosition.First && FirstNoteNumber is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            case "page-first":
                if (Item.Get("page-first") is { } pf) return pf;
                return Item.Get("page") is { } p ? Numbers.FirstPage(p) : null;
        }
        return Item.Get(name);
    }
}
