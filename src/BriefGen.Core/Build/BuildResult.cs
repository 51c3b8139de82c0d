using BriefGen.Diagnostics;
using BriefGen.Render;

namespace BriefGen.Build;

/// <summary>The outcome of a build or check: every diagnostic, the site's files (empty on failure) and counts.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<OutputFile> Files, BuildStats Stats)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
