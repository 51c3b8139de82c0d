using BriefGen.Model;

namespace BriefGen.Load;

/// <summary>
/// The files a load read, as root-relative paths: brief.yml and the other content files, every page, every
/// source text. The preview watches exactly these (and the folders that hold them).
/// </summary>
public static class LoadedFiles
{
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
