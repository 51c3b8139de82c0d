using BriefGen.Model;

namespace BriefGen.Load;

/// <summary>
/// The files a load read, as root-relative paths: brief.yml and the other content files, every page, every
/// source text. The preview watches exactly these (and the folders that hold them).
/// </summary>
public static class LoadedFiles
{
    /// <summary>
    /// <see cref="Of(BriefContent)"/> for <paramref name="content"/>, handing back <paramref name="last"/>'s list itself
    /// when <paramref name="content"/> names the same files in the same places (the preview after an edit within files):
    /// one pass of mostly reference-equal strings instead of sorting every path again.
    /// </summary>
    public static IReadOnlyList<string> Of(BriefContent content, (BriefContent Content, IReadOnlyList<string> Files)? last) =>
        last is var (was, files) && SameFiles(was, content) ? files : Of(content);

    private static bool SameFiles(BriefContent a, BriefContent b) =>
        a.Brief.At.Path == b.Brief.At.Path &&
        ListKeys.Same(a.Pages, b.Pages, p => p.At.Path) &&
        ListKeys.Same(a.Sources, b.Sources, s => s.At.Path) && ListKeys.Same(a.Sources, b.Sources, s => s.Text?.Path) &&
        ListKeys.Same(a.Entities, b.Entities, e => e.At.Path) &&
        ListKeys.Same(a.Events, b.Events, e => e.At.Path) &&
        ListKeys.Same(a.Figures, b.Figures, f => f.At.Path);

    public static IReadOnlyList<string> Of(BriefContent content)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal) { content.Brief.At.Path };
        files.UnionWith(content.Pages.Select(p => p.At.Path));
        files.UnionWith(content.Sources.Select(s => s.At.Path));
        files.UnionWith(content.Sources.Select(s => s.Text?.Path).OfType<string>());
        files.UnionWith(content.Entities.Select(e => e.At.Path));
        files.UnionWith(content.Events.Select(e => e.At.Path));
        files.UnionWith(content.Figures.Select(f => f.At.Path));
        files.RemoveWhere(f => f.Length == 0);
        return [.. files];
    }
}
