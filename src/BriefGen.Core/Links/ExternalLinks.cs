using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Resolve;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Links;

/// <summary>
/// Every external address the brief names: each source's <c>URL</c> and <c>archive_url</c> (at the
/// line of the field in sources.yml) and every http(s) link and autolink in the Markdown of pages,
/// summaries, entity descriptions and timeline events (at its line and column).
/// </summary>
public static class ExternalLinks
{
    private static readonly string[] SourceFields = ["URL", "archive_url"];

    /// <summary>The addresses in <paramref name="content"/>, sorted by place. Problems of shape are the build's to report, not this.</summary>
    public static IReadOnlyList<ExternalLink> Collect(BriefContent content, RootPaths paths, MarkdownEngine markdown)
    {
        var found = new List<ExternalLink>();
        found.AddRange(FromSources(content, paths));

        var ignored = new DiagnosticBag();
        var parsed = ParsedBrief.Parse(content, markdown, new MarkdownSite("/", content.Brief.AllowHtml), ignored);
        foreach (var text in parsed.All())
        {
            foreach (var inline in text.Document.Descendants<Inline>())
            {
                var url = inline switch
                {
                    LinkInline link => link.Url,
                    AutolinkInline auto when !auto.IsEmail => auto.Url,
                    _ => null,
                };
                if (IsHttp(url))
                {
                    found.Add(new ExternalLink(url!.Trim(), text.Origin.At(inline)));
                }
            }
        }

        return found
            .Distinct()
            .OrderBy(l => l.At.Path, StringComparer.Ordinal).ThenBy(l => l.At.Line).ThenBy(l => l.At.Column)
            .ThenBy(l => l.Url, StringComparer.Ordinal)
            .ToList();
    }

    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Each source's URL fields, located at their value in sources.yml (the loaded model keeps only the entry's place).</summary>
    private static IEnumerable<ExternalLink> FromSources(BriefContent content, RootPaths paths)
    {
        var file = Path.Combine(paths.ContentDir, "sources.yml");
        var positions = new Dictionary<(string, string), Location>();
        if (File.Exists(file) && paths.IsInside(file))
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlSequenceNode items)
                {
                    foreach (var item in items.OfType<YamlMappingNode>())
                    {
                        var id = item.Children.FirstOrDefault(kv => kv.Key.ToString() == "id").Value?.ToString();
                        foreach (var (key, value) in item.Children)
                        {
                            if (id is not null && SourceFields.Contains(key.ToString(), StringComparer.Ordinal))
                            {
                                positions[(id, key.ToString())] = new Location(paths.Relative(file), (int)value.Start.Line, (int)value.Start.Column);
                            }
                        }
                    }
                }
            }
            catch (YamlDotNet.Core.YamlException)
            {
                // The build reports the syntax error; the entries' own places are used instead.
            }
        }

        foreach (var source in content.Sources)
        {
            foreach (var field in SourceFields)
            {
                if (source.Get(field) is { } url && IsHttp(url))
                {
                    yield return new ExternalLink(url.Trim(), positions.TryGetValue((source.Id, field), out var at) ? at : source.At);
                }
            }
        }
    }
}
