using BriefGen.Diagnostics;
using BriefGen.Render;

namespace BriefGen.Build;

/// <summary>
/// The outcome of a build or check: every diagnostic, the site's files in memory (a check's; empty on failure, and for a
/// build, which writes them instead) and counts.
/// </summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<OutputFile> Files, BuildStats Stats)
{
    /// <summary>The paths a successful build wrote into the output folder ('/' separators), pages first; empty otherwise.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
