using BriefGen.Diagnostics;
using BriefGen.Load;

namespace BriefGen.Cli;

/// <summary><c>briefgen new page ID</c>: a new page with front matter and an example of each syntax.</summary>
internal static class Scaffold
{
    public static int NewPage(string root, string id, string? title, TextWriter stdout, TextWriter stderr)
    {
        if (!Ids.IsValid(id) || id == "index")
        {
            stderr.WriteLine($"briefgen: '{id}' is not a valid page id ({Ids.Rule}{(id == "index" ? "; index is the home page" : "")})");
            return Cli.UsageErrors;
        }

        var pages = Path.Combine(root, "content", "pages");
        if (!Directory.Exists(Path.Combine(root, "content")))
        {
            stderr.WriteLine($"briefgen: no content/ folder in '{root}'; run this in the brief's folder or pass --root (briefgen init starts a new brief)");
            return Cli.UsageErrors;
        }

        var file = Path.Combine(pages, id + ".md");
        if (File.Exists(file))
        {
            stderr.WriteLine($"briefgen: content/pages/{id}.md already exists; nothing was changed");
            return Cli.ContentErrors;
        }

        var content = File.Exists(Path.Combine(root, "content", "brief.yml"))
            ? new ContentLoader(new RootPaths(root), new DiagnosticBag(), includeDrafts: true).Load()
            : null;
        if (content is not null && UsedAt(content, id) is { } used)
        {
            stderr.WriteLine($"briefgen: the id '{id}' is already used by the {used}; ids are unique across pages, entities, sources, events and figures, and nothing was changed");
            return Cli.ContentErrors;
        }

        title ??= ScaffoldFiles.TitleFrom(id);
        Directory.CreateDirectory(pages);
        var yamlTitle = title.Contains(':', StringComparison.Ordinal) || title.Contains('"', StringComparison.Ordinal) || title.Contains('#', StringComparison.Ordinal)
            ? ScaffoldFiles.YamlString(title)
            : title;
        var source = content?.Sources.FirstOrDefault()?.Id ?? "seed";
        var text = ScaffoldFiles.Read("page.md", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = yamlTitle,
            ["source"] = source,
            ["id"] = id,
        });
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        stdout.WriteLine($"Created content/pages/{id}.md");
        return Cli.Success;
    }

    /// <summary>What already has <paramref name="id"/>, as "entity at content/entities.yml(3,3)"; null when nothing does.</summary>
    private static string? UsedAt(Model.BriefContent content, string id)
    {
        var all = content.Pages.Select(p => (p.Id, Kind: "page", p.At))
            .Concat(content.Entities.Select(e => (e.Id, Kind: "entity", e.At)))
            .Concat(content.Sources.Select(s => (s.Id, Kind: "source", s.At)))
            .Concat(content.Events.Select(e => (e.Id, Kind: "timeline event", e.At)))
            .Concat(content.Figures.Select(f => (f.Id, Kind: "figure", f.At)));
        return all.Where(x => x.Id == id).Select(x => $"{x.Kind} at {x.At}").FirstOrDefault();
    }
}
