namespace BriefGen.Build;

/// <summary>What the user asked for on the command line (SPEC §4).</summary>
public sealed record BuildOptions
{
    public required string Root { get; init; }

    /// <summary>Output folder; default ROOT/_site.</summary>
    public string? OutDir { get; init; }

    /// <summary>Template folder; default ROOT/templates, else the built-in templates.</summary>
    public string? TemplatesDir { get; init; }

    /// <summary>Overrides brief.yml's base_url.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Overrides brief.yml's site_url: the site's absolute address, for canonical links and the sitemap.</summary>
    public string? SiteUrl { get; init; }

    public bool Strict { get; init; }

    public bool Drafts { get; init; }

    /// <summary>SOURCE_DATE_EPOCH (seconds since 1970), when set: the time templates see as date.now.</summary>
    public long? SourceDateEpoch { get; init; }
    /// <summary>Extracted source texts to reuse (a serve session keeps one across rebuilds); default: the disk cache under ROOT/.briefgen/.</summary>
    public Load.SourceTexts.SourceTextCache? SourceTexts { get; init; }

    public string ResolvedOutDir => OutDir ?? Path.Combine(Root, "_site");
}

/// <summary>The counts the build's summary line reports.</summary>
public sealed record BuildStats(int Pages, int Files, int Citations, int Quotes, int QuotesVerified, int Figures, int FiguresVerified);
