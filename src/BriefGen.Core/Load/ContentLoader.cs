using BriefGen.Diagnostics;
using BriefGen.Model;
using YamlDotNet.RepresentationModel;

namespace BriefGen.Load;

/// <summary>
/// The load stage: reads every file of content/ (SPEC §2) into the immutable model, reporting
/// every problem of shape with its file, line and column.
/// </summary>
public sealed class ContentLoader(RootPaths paths, DiagnosticBag diagnostics, bool includeDrafts = false, SourceTexts.SourceTextCache? sourceTexts = null,
    LoadCache? cache = null)
{
    /// <summary>The kinds an entity may be, in the order the entity index groups them.</summary>
    public static readonly string[] EntityKinds = ["person", "organization", "court", "policy", "law", "place", "concept"];

    private static readonly Dictionary<string, string> BriefFields = new(StringComparer.Ordinal)
    {
        ["title"] = "text", ["subtitle"] = "text", ["summary"] = "Markdown text", ["language"] = "a language tag",
        ["date"] = "a date (YYYY, YYYY-MM or YYYY-MM-DD)", ["authors"] = "a list of { name, affiliation }",
        ["license"] = "text", ["base_url"] = "a path such as /repo/", ["site_url"] = "an absolute URL",
        ["allow_html"] = "true or false", ["nav"] = "a list of page ids",
        ["csl"] = "a built-in CSL style name or a .csl file", ["locale"] = "a CSL locale such as en-US",
    };

    private static readonly Dictionary<string, string> AuthorFields = new(StringComparer.Ordinal)
    {
        ["name"] = "text", ["affiliation"] = "text",
    };

    private static readonly Dictionary<string, string> FrontMatterFields = new(StringComparer.Ordinal)
    {
        ["title"] = "text", ["id"] = "an id", ["summary"] = "Markdown text", ["order"] = "a whole number",
        ["layout"] = "a template name", ["draft"] = "true or false", ["tags"] = "a list of words",
        ["date"] = "a date (YYYY-MM-DD)", ["updated"] = "a date (YYYY-MM-DD)",
    };

    private static readonly Dictionary<string, string> EntityFields = new(StringComparer.Ordinal)
    {
        ["id"] = "an id", ["name"] = "text", ["kind"] = "one of " + string.Join(", ", EntityKinds),
        ["role"] = "text", ["aliases"] = "a list of names", ["description"] = "Markdown text",
    };

    private static readonly Dictionary<string, string> EventFields = new(StringComparer.Ordinal)
    {
        ["id"] = "an id", ["date"] = "a date (YYYY, YYYY-MM or YYYY-MM-DD)", ["title"] = "text", ["text"] = "Markdown text",
    };

    private static readonly Dictionary<string, string> FigureFields = new(StringComparer.Ordinal)
    {
        ["id"] = "an id", ["value"] = "text, as written in the source", ["label"] = "text",
        ["cite"] = "a citation such as \"[@seed, ¶2]\"",
    };

    private readonly YamlReader _yaml = new();

    /// <summary>Loads content/; null when brief.yml is missing or unusable (the diagnostics say why).</summary>
    public BriefContent? Load()
    {
        var briefPath = Path.Combine(paths.ContentDir, "brief.yml");
        if (!File.Exists(briefPath))
        {
            diagnostics.Error(Location.File("content/brief.yml"), DiagnosticCodes.MissingContent,
                $"no content/brief.yml under {paths.Root}; a brief needs at least content/brief.yml and content/pages/index.md");
            return null;
        }

        var brief = Guard(briefPath, () => ReadFile(briefPath) is var (briefText, briefRel)
            ? Memo("brief", briefRel, briefText, loader => loader.LoadBrief(briefText, briefRel))
            : null);
        var drafts = new List<string>();
        var pages = LoadPages(drafts);
        var sourcesPath = Path.Combine(paths.ContentDir, "sources.yml");
        var sources = Guard(sourcesPath, () => LoadSources(sourcesPath)) ?? [];
        var entities = LoadList<EntityDto, Entity>("entities.yml", "entity", EntityFields, static (l, d, m, a) => l.ToEntity(d, m, a));
        var events = LoadList<EventDto, TimelineEvent>("timeline.yml", "timeline event", EventFields, static (l, d, m, a) => l.ToEvent(d, m, a));
        var figures = LoadList<FigureDto, Figure>("figures.yml", "figure", FigureFields, static (l, d, m, a) => l.ToFigure(d, m, a));

        if (brief is null)
        {
            return null;
        }

        if (!pages.Any(p => p.IsHome))
        {
            diagnostics.Error(Location.File("content/pages/index.md"), DiagnosticCodes.MissingContent,
                "the home page content/pages/index.md is missing");
        }

        // Only a file or entry with an error can fail to load: a clean brief is not read a second time.
        var unloaded = diagnostics.HasErrors ? DeclaredIds.In(paths) : new HashSet<string>(StringComparer.Ordinal);
        unloaded.ExceptWith(drafts);
        unloaded.ExceptWith(pages.Select(p => p.Id));
        unloaded.ExceptWith(sources.Select(s => s.Id));
        unloaded.ExceptWith(entities.Select(e => e.Id));
        unloaded.ExceptWith(events.Select(e => e.Id));
        unloaded.ExceptWith(figures.Select(f => f.Id));
        return new BriefContent(brief, pages, sources, entities, events, figures) { LeftOutDrafts = drafts, Unloaded = unloaded };
    }

    private (string Text, string Path)? ReadFile(string fullPath)
    {
        // The preview: a file the watcher saw no change to, or whose size and time stamp did not change, since it was
        // read cleanly is not read again.
        if (cache?.Unchanged(fullPath) is { } unchanged)
        {
            return unchanged;
        }

        var rel = paths.Relative(fullPath);
        if (cache is null)
        {
            return paths.ReadText(fullPath, Location.File(rel), InputLimits.ContentFileBytes, diagnostics) is { } text ? (text, rel) : null;
        }

        var info = new FileInfo(fullPath);
        var stamp = FileStamp.Of(info);
        if (cache.TextOf(fullPath, stamp) is { } kept)
        {
            return (kept, rel);
        }

        var own = new DiagnosticBag();
        var read = paths.ReadText(fullPath, Location.File(rel), InputLimits.ContentFileBytes, own);
        var reported = own.Sorted();
        diagnostics.AddReported(reported);

        if (read is not null && reported.Count == 0)
        {
            cache.KeepText(fullPath, rel, stamp, info.Exists ? info.LastWriteTimeUtc : DateTime.MaxValue, read);
        }

        return read is null ? null : (read, rel);
    }

    /// <summary>
    /// Runs one file's loading so that a bug in BriefGen, should one show, is reported as one line naming
    /// that file (and the rest of the brief is still checked), never as a stack trace.
    /// </summary>
    private T? Guard<T>(string fullPath, Func<T?> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Error(Location.File(paths.Relative(fullPath)), DiagnosticCodes.InternalError, InternalError.Describe(e));
            return default;
        }
    }

    /// <summary>
    /// What parsing one file's text gives, from the cache when the text is the same as last time: <paramref name="parse"/>
    /// runs on a loader of its own that reports into the cached entry, so the entry's diagnostics are replayed whole.
    /// </summary>
    private T Memo<T>(string kind, string rel, string text, Func<ContentLoader, T> parse) =>
        cache is null
            ? parse(this)
            : cache.Memo(kind, rel, text, diagnostics, bag => parse(new ContentLoader(paths, bag, includeDrafts, sourceTexts)));

    /// <summary>
    /// sources.yml and the texts it names. Kept while sources.yml and every text file it read keep their size and
    /// time stamp, and only when it loaded without a diagnostic (a missing file may appear at any moment). A file
    /// written shortly before it was read cannot be trusted by its stamp (see <see cref="LoadCache.TextOf"/>): such a
    /// result is kept under a key no stamp matches, so the next load reads the files again, and when they hold what the
    /// kept result read (the same sources.yml text, the same text files' SHA-256), that result's own sources are handed
    /// back. The rest of the build tells a changed source by its object: a source that did not change stays the same.
    /// </summary>
    private List<Source> LoadSources(string fullPath)
    {
        if (cache is null)
        {
            return new SourceLoader(paths, diagnostics, sourceTexts).Load(fullPath);
        }

        // The key: the stamps of sources.yml and of the text files the kept result read.
        var rel = paths.Relative(fullPath);
        List<string> Files(List<Source>? sources) =>
        [
            fullPath,
            .. (sources ?? []).Where(s => s.Text is not null).Select(s => Path.Combine(paths.Root, s.Text!.Path)).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
        string KeyOf(List<string> files) => string.Join("\n", files.Select(Stamp));
        bool Settled(List<string> files) => files.All(f => new FileInfo(f).LastWriteTimeUtc < DateTime.UtcNow - LoadCache.Settled); // See LoadCache.TextOf.
        const string Unsettled = "\n?"; // Never a stamp's ending.

        var kept = cache.Peek<LoadedSources>("sources", rel);
        return cache.Memo("sources", rel, KeyOf(Files(kept?.Sources)), diagnostics,
            bag =>
            {
                var loader = new SourceLoader(paths, bag, sourceTexts, recordsInputs: true);
                var sources = loader.Load(fullPath);
                var inputs = loader.Inputs;
                return kept is not null && bag.IsEmpty && string.Equals(kept.Inputs, inputs, StringComparison.Ordinal)
                    ? kept
                    : new LoadedSources(sources, inputs);
            },
            keep: (_, reported) => reported.Count == 0,
            keyOf: loaded => Files(loaded.Sources) is var files && Settled(files) ? KeyOf(files) : KeyOf(files) + Unsettled).Sources;
    }

    /// <summary>The sources one load of sources.yml gave, with a record of what it read (<see cref="SourceLoader.Inputs"/>).</summary>
    private sealed record LoadedSources(List<Source> Sources, string Inputs);

    private static string Stamp(string fullPath) => Stamp(new FileInfo(fullPath));

    private static string Stamp(FileInfo info) =>
        info.Exists
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.FullName}\0{info.Length}\0{info.LastWriteTimeUtc.Ticks}")
            : info.FullName + "\0-";

    private BriefInfo? LoadBrief(string text, string rel)
    {
        var at = new NodeLocator(rel, 0);
        var tree = YamlReader.ParseTree(text, at, diagnostics);
        if (tree is not YamlMappingNode map)
        {
            if (tree is not null || text.Trim().Length == 0)
            {
                diagnostics.Error(Location.File(rel), DiagnosticCodes.WrongType, "brief.yml must be a mapping of fields, starting with title:");
            }

            return null;
        }

        var authorMaps = map.Children.TryGetValue(new YamlScalarNode("authors"), out var authorsNode) && authorsNode is YamlSequenceNode authorSeq
            ? authorSeq.Children.OfType<YamlMappingNode>().Select(m => (m, "an author", (IReadOnlyDictionary<string, string>)AuthorFields))
            : [];
        var dto = _yaml.Read<BriefDto>(text, tree, at, "brief.yml", BriefFields, diagnostics, authorMaps);
        if (dto is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(dto.Title) && !FieldNames.Misspelt(map, "title", BriefFields.ContainsKey, BriefFields.Keys))
        {
            diagnostics.Error(at.Of(map), DiagnosticCodes.MissingField, "brief.yml needs a title");
        }

        PartialDate? date = null;
        if (dto.Date is not null)
        {
            date = ParseDate(dto.Date, at.ValueOf(map, "date"));
        }

        var authors = new List<Author>();
        foreach (var a in dto.Authors ?? [])
        {
            if (a is null || string.IsNullOrWhiteSpace(a.Name))
            {
                diagnostics.Error(at.ValueOf(map, "authors"), DiagnosticCodes.MissingField, "every author needs a name");
                continue;
            }

            authors.Add(new Author(a.Name, a.Affiliation));
        }

        var nav = new List<string>();
        var navAt = new List<Location>();
        var navItems = map.Children.TryGetValue(new YamlScalarNode("nav"), out var navNode) && navNode is YamlSequenceNode navSeq
            ? navSeq.Children
            : null;
        for (var i = 0; i < (dto.Nav?.Count ?? 0); i++)
        {
            var id = dto.Nav![i];
            var itemAt = navItems is not null && i < navItems.Count ? at.Of(navItems[i]) : at.ValueOf(map, "nav");
            if (string.IsNullOrWhiteSpace(id))
            {
                diagnostics.Error(itemAt, DiagnosticCodes.MissingField, "nav has an empty item; every item is a page id");
                continue;
            }

            nav.Add(id);
            navAt.Add(itemAt);
        }

        var baseUrl = dto.BaseUrl ?? "/";
        if (UrlPaths.BaseProblem(baseUrl) is { } baseProblem)
        {
            diagnostics.Error(at.ValueOf(map, "base_url"), DiagnosticCodes.BadBaseUrl, $"base_url '{baseUrl}' {baseProblem}");
            baseUrl = "/";
        }

        var siteUrl = dto.SiteUrl;
        if (siteUrl is not null && UrlPaths.SiteProblem(siteUrl) is { } siteProblem)
        {
            diagnostics.Error(at.ValueOf(map, "site_url"), DiagnosticCodes.BadSiteUrl, $"site_url '{siteUrl}' {siteProblem}");
            siteUrl = null;
        }

        return new BriefInfo(
            dto.Title ?? "",
            dto.Subtitle,
            dto.Summary is null ? null : new MarkdownText(dto.Summary, at.TextOf(map, "summary")),
            dto.Language ?? "en",
            date,
            authors,
            dto.License,
            UrlPaths.NormalizeBase(baseUrl),
            siteUrl,
            dto.AllowHtml ?? false,
            nav,
            at.Of(map))
        {
            NavAt = navAt,
            Style = new StyleLoader(paths, diagnostics).Load(dto.Csl, at.ValueOf(map, "csl"), dto.Locale, at.ValueOf(map, "locale"), dto.Language ?? "en"),
        };
    }

    private List<Page> LoadPages(List<string> leftOutDrafts)
    {
        var dir = Path.Combine(paths.ContentDir, "pages");
        var pages = new List<Page>();
        if (!Directory.Exists(dir))
        {
            return pages;
        }

        // Pages are read and parsed side by side, each thread with a loader (and YAML reader) of its own; the order stays the files'.
        using var loaders = new ThreadLocal<ContentLoader>(() => new ContentLoader(paths, diagnostics, includeDrafts, sourceTexts, cache));
        List<string> List() => Directory.EnumerateFiles(dir, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        var files = cache is null ? List() : cache.Listing(dir, List);

        // The preview, told by the watcher which files changed: what the last pass over the same files loaded from each
        // of the others is taken whole, and only the changed ones are loaded (at 5,000 pages, going through each file's
        // memo one by one cost a few milliseconds of every rebuild).
        var kept = cache?.KeptPass(PageKind, files);
        var loaded = new Page?[files.Count];
        var todo = new List<int>(kept is null ? files.Count : 4);
        for (var i = 0; i < files.Count; i++)
        {
            if (kept?[i] is { } entry)
            {
                loaded[i] = (Page?)entry.Value;
                diagnostics.AddReported(entry.Diagnostics);
            }
            else
            {
                todo.Add(i);
            }
        }

        var again = Concurrently.Map(todo.Count, k => loaders.Value!.PageFile(files[todo[k]]));
        for (var k = 0; k < todo.Count; k++)
        {
            loaded[todo[k]] = again[k];
        }

        cache?.Passed(PageKind, files, todo);
        foreach (var page in loaded)
        {
            if (page is not null)
            {
                if (includeDrafts || !page.Draft)
                {
                    pages.Add(page);
                }
                else
                {
                    leftOutDrafts.Add(page.Id);
                }
            }
        }

        return pages;
    }

    private const string PageKind = "page";

    private Page? PageFile(string file) =>
        Guard(file, () => ReadFile(file) is var (text, rel)
            ? Memo(PageKind, rel, text, loader => loader.LoadPage(text, rel, Path.GetFileNameWithoutExtension(file)))
            : null);

    private Page? LoadPage(string text, string rel, string fileId)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var front = FrontMatter.Split(text);
        if (front is null)
        {
            diagnostics.Error(Location.File(rel), DiagnosticCodes.MissingField,
                "a page starts with front matter between '---' lines, holding at least a title");
            return null;
        }

        var at = new NodeLocator(rel, front.Value.YamlLineOffset);
        var tree = YamlReader.ParseTree(front.Value.Yaml, at, diagnostics);
        if (tree is not YamlMappingNode map)
        {
            if (tree is not null || front.Value.Yaml.Trim().Length == 0)
            {
                diagnostics.Error(Location.File(rel), DiagnosticCodes.MissingField, "front matter must be a mapping with at least a title");
            }

            return null;
        }

        var dto = _yaml.Read<FrontMatterDto>(front.Value.Yaml, tree, at, "front matter", FrontMatterFields, diagnostics);
        if (dto is null)
        {
            return null;
        }

        var ok = true;
        if (string.IsNullOrWhiteSpace(dto.Title))
        {
            if (!FieldNames.Misspelt(map, "title", FrontMatterFields.ContainsKey, FrontMatterFields.Keys))
            {
                diagnostics.Error(at.Of(map), DiagnosticCodes.MissingField, "front matter needs a title");
            }

            ok = false;
        }

        var id = dto.Id ?? fileId;
        if (!Ids.IsValid(id))
        {
            diagnostics.Error(dto.Id is null ? Location.File(rel) : at.ValueOf(map, "id"), DiagnosticCodes.InvalidId,
                $"page id '{id}' is not valid ({Ids.Rule}){(dto.Id is null ? "; rename the file or set id: in front matter" : "")}");
            ok = false;
        }

        var layout = dto.Layout ?? "page";
        if (!Ids.IsValid(layout))
        {
            diagnostics.Error(at.ValueOf(map, "layout"), DiagnosticCodes.InvalidId, $"layout '{layout}' is not a valid template name");
            ok = false;
        }

        var tags = new List<string>();
        var tagItems = map.Children.TryGetValue(new YamlScalarNode("tags"), out var tagNode) && tagNode is YamlSequenceNode tagSeq
            ? tagSeq.Children
            : null;
        for (var i = 0; i < (dto.Tags?.Count ?? 0); i++)
        {
            var tag = dto.Tags![i];
            if (!Ids.IsValid(tag))
            {
                diagnostics.Error(tagItems is not null && i < tagItems.Count ? at.Of(tagItems[i]) : at.ValueOf(map, "tags"), DiagnosticCodes.InvalidId,
                    $"tag '{tag}' is not a word usable in a URL (tags are lowercase letters, digits and '-', as ids)");
                continue;
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        // A date that does not parse is an error at its value; the page still exists, without that date.
        var date = dto.Date is null ? null : ParseDate(dto.Date, at.ValueOf(map, "date"));
        var updated = dto.Updated is null ? null : ParseDate(dto.Updated, at.ValueOf(map, "updated"));
        return ok
            ? new Page(id, dto.Title!, dto.Summary is null ? null : new MarkdownText(dto.Summary, at.TextOf(map, "summary")),
                dto.Order, layout, dto.Draft ?? false, front.Value.Body, Location.File(rel)) { Tags = tags, Date = date, Updated = updated }
            : null;
    }

    private List<T> LoadList<TDto, T>(string fileName, string describe, Dictionary<string, string> fields,
        Func<ContentLoader, TDto, YamlMappingNode, NodeLocator, T?> convert)
        where TDto : class
        where T : class
    {
        var full = Path.Combine(paths.ContentDir, fileName);
        return File.Exists(full) ? Guard(full, () => LoadListFile(full, describe, fields, convert)) ?? [] : [];
    }

    private List<T> LoadListFile<TDto, T>(string full, string describe, Dictionary<string, string> fields,
        Func<ContentLoader, TDto, YamlMappingNode, NodeLocator, T?> convert)
        where TDto : class
        where T : class
    {
        return ReadFile(full) is var (text, rel)
            ? Memo("list", rel, text, loader => loader.ParseList(text, rel, describe, fields, convert))
            : [];
    }

    private List<T> ParseList<TDto, T>(string text, string rel, string describe, Dictionary<string, string> fields,
        Func<ContentLoader, TDto, YamlMappingNode, NodeLocator, T?> convert)
        where TDto : class
        where T : class
    {
        var result = new List<T>();
        var fileName = Path.GetFileName(rel);

        var at = new NodeLocator(rel, 0);
        var tree = YamlReader.ParseTree(text, at, diagnostics);
        if (tree is null)
        {
            return result;
        }

        if (tree is not YamlSequenceNode seq || seq.Children.Any(c => c is not YamlMappingNode))
        {
            diagnostics.Error(at.Of(tree), DiagnosticCodes.WrongType, $"{fileName} must be a list of {describe} entries, each starting with '- '");
            return result;
        }

        var items = _yaml.Read<List<TDto>>(text, tree, at, describe, fields, diagnostics);
        if (items is null)
        {
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (convert(this, items[i], (YamlMappingNode)seq.Children[i], at) is { } item)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private bool Require(string? value, string field, string describe, YamlMappingNode map, NodeLocator at)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var fields = describe switch
        {
            "entity" => EntityFields,
            "figure" => FigureFields,
            _ => EventFields,
        };
        if (FieldNames.Misspelt(map, field, fields.ContainsKey, fields.Keys))
        {
            return false; // The misspelt field's own error says it.
        }

        diagnostics.Error(at.Of(map), DiagnosticCodes.MissingField, $"{describe} needs a {field}");
        return false;
    }

    private bool CheckId(string? id, YamlMappingNode map, NodeLocator at)
    {
        if (Ids.IsValid(id))
        {
            return true;
        }

        diagnostics.Error(at.ValueOf(map, "id"), DiagnosticCodes.InvalidId, $"id '{id}' is not valid ({Ids.Rule})");
        return false;
    }

    private Entity? ToEntity(EntityDto d, YamlMappingNode map, NodeLocator at)
    {
        var ok = Require(d.Id, "id", "entity", map, at) & Require(d.Name, "name", "entity", map, at) &
                 Require(d.Kind, "kind", "entity", map, at);
        if (!ok || !CheckId(d.Id, map, at))
        {
            return null;
        }

        if (!EntityKinds.Contains(d.Kind))
        {
            diagnostics.Error(at.ValueOf(map, "kind"), DiagnosticCodes.WrongType,
                $"entity kind '{d.Kind}' is not one of: {string.Join(", ", EntityKinds)}");
            return null;
        }

        if (d.Aliases is { } aliases && aliases.Exists(string.IsNullOrWhiteSpace))
        {
            diagnostics.Error(at.ValueOf(map, "aliases"), DiagnosticCodes.MissingField, "aliases has an empty item; every alias is a name");
            return null;
        }

        return new Entity(d.Id!, d.Name!, d.Kind!, d.Role, d.Aliases ?? [],
            d.Description is null ? null : new MarkdownText(d.Description, at.TextOf(map, "description")), at.Of(map));
    }

    private TimelineEvent? ToEvent(EventDto d, YamlMappingNode map, NodeLocator at)
    {
        if (!(Require(d.Date, "date", "timeline event", map, at) & Require(d.Title, "title", "timeline event", map, at)))
        {
            return null;
        }

        if (ParseDate(d.Date!, at.ValueOf(map, "date")) is not { } date)
        {
            return null;
        }

        var id = d.Id ?? DefaultEventId(date, d.Title!);
        if (!CheckId(id, map, at))
        {
            return null;
        }

        return new TimelineEvent(id, date, d.Title!, d.Text is null ? null : new MarkdownText(d.Text, at.TextOf(map, "text")), at.Of(map));
    }

    /// <summary>An event's id from its date and title, kept within the id length limit at a word boundary.</summary>
    private static string DefaultEventId(PartialDate date, string title)
    {
        var id = $"{date.Iso}-{Ids.Slug(title)}";
        if (id.Length <= InputLimits.IdLength)
        {
            return id;
        }

        var cut = id[..InputLimits.IdLength];
        var dash = cut.LastIndexOf('-');
        return dash > date.Iso.Length ? cut[..dash] : cut.TrimEnd('-');
    }

    private Figure? ToFigure(FigureDto d, YamlMappingNode map, NodeLocator at)
    {
        var ok = Require(d.Id, "id", "figure", map, at) & Require(d.Value, "value", "figure", map, at) &
                 Require(d.Label, "label", "figure", map, at) & Require(d.Cite, "cite", "figure", map, at);
        return ok && CheckId(d.Id, map, at)
            ? new Figure(d.Id!, d.Value!, d.Label!, new MarkdownText(d.Cite!, at.TextOf(map, "cite")), at.Of(map))
            : null;
    }

    private PartialDate? ParseDate(string text, Location where)
    {
        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        diagnostics.Error(where, DiagnosticCodes.BadDate, $"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }
}
