using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Resolve;
using BriefGen.Verify;

namespace BriefGen.Build;

/// <summary>
/// What a preview keeps between rebuilds so that one saved file costs about one file's work: each text's parse by its
/// place, each file's load by text, each output page's numbering and each text's checks while what they read is
/// unchanged. A one-off build needs none of it.
/// </summary>
public sealed class BuildCache
{
    /// <summary>One engine for the session, so each kept document keeps its number (<see cref="MarkdownEngine.IdOf"/>).</summary>
    public MarkdownEngine Markdown { get; } = new();

    public LoadCache Load { get; } = new();

    public ResolveCache Resolve { get; } = new();

    public VerifyCache Verify { get; } = new();

    public Render.Citations.CitationCache Citations { get; } = new();
}
