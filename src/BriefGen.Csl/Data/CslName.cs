namespace BriefGen.Csl;

/// <summary>
/// A CSL name (one entry of a name variable such as <c>author</c> or <c>editor</c>).
/// Either <see cref="Literal"/> (an institution, or a name that must print as written) or
/// the parts of a personal name.
/// </summary>
public sealed record CslName
{
    /// <summary>The family name, without particles (e.g. <c>Gogh</c>).</summary>
    public string? Family { get; init; }

    /// <summary>The given names (e.g. <c>Vincent</c>).</summary>
    public string? Given { get; init; }

    /// <summary>A particle that is not dropped when only the family name is shown (e.g. <c>van</c>).</summary>
    public string? NonDroppingParticle { get; init; }

    /// <summary>A particle dropped when only the family name is shown (e.g. <c>de</c> in <c>Jean de La Fontaine</c>).</summary>
    public string? DroppingParticle { get; init; }

    /// <summary>A suffix such as <c>Jr.</c> or <c>III</c>.</summary>
    public string? Suffix { get; init; }

    /// <summary>The name exactly as it must be printed (institutions); the other parts are then ignored.</summary>
    public string? Literal { get; init; }

    /// <summary>When true, a comma separates the family name and the suffix in display order (<c>King, Jr.</c>).</summary>
    public bool CommaSuffix { get; init; }

    /// <summary>When true, the name is always printed family name first, without comma (e.g. Asian names in Latin script).</summary>
    public bool StaticOrdering { get; init; }

    /// <summary>True when the name has no personal parts and is printed as a literal.</summary>
    public bool IsLiteral => Literal is not null || (Family is null && Given is null);

    /// <summary>The literal, or the family name when only that is known.</summary>
    internal string LiteralText => Literal ?? Family ?? Given ?? "";
}
