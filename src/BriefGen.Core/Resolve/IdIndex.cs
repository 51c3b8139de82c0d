using BriefGen.Diagnostics;
using BriefGen.Model;

namespace BriefGen.Resolve;

/// <summary>What an id names.</summary>
public enum TargetKind
{
    Page,
    Entity,
    Source,
    Event,
    Figure,
}

/// <summary>Something an id names, with the text a link shows and the site path it lives at.</summary>
public sealed record Target(string Id, TargetKind Kind, string Title, string SitePath, Location At, string? Role = null);

/// <summary>
/// The resolve stage's index of every id in the brief. Ids are unique across pages, entities,
/// sources, events and figures; a collision is reported at both places.
/// </summary>
public sealed class IdIndex
{
    /// <summary>The top-level folders the site generates itself; a page with one of these ids would overwrite them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new SortedSet<string>(StringComparer.Ordinal)
    {
        "assets", "entities", "figures", "print", "quotes", "search", "sources", "tags", "timeline",
    };

    // Looked up for every page on every preview rebuild: by hash, not through the sorted set's tree.
    private static readonly HashSet<string> ReservedLookup = new(Reserved, StringComparer.Ordinal);

    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);

    public IdIndex(BriefContent content, DiagnosticBag diagnostics)
    {
        foreach (var p in content.Pages)
        {
            if (ReservedLookup.Contains(p.Id))
            {
                diagnostics.Error(p.At, DiagnosticCodes.ReservedId,
                    $"page id '{p.Id}' clashes with the generated /{p.Id}/ page; rename the file or set another id: " +
                    $"({string.Join(", ", Reserved)} are taken)");
            }

            Add(new Target(p.Id, TargetKind.Page, p.Title, SitePaths.Page(p.Id), p.At), diagnostics);
        }

        foreach (var e in content.Entities)
        {
            Add(new Target(e.Id, TargetKind.Entity, e.Name, SitePaths.Entity(e.Id), e.At, e.Role), diagnostics);
        }

        foreach (var s in content.Sources)
        {
            Add(new Target(s.Id, TargetKind.Source, s.Get("title") ?? s.Id, SitePaths.Source(s.Id), s.At), diagnostics);
        }

        foreach (var ev in content.Events)
        {
            Add(new Target(ev.Id, TargetKind.Event, ev.Title, SitePaths.Timeline + "#" + ev.Id, ev.At), diagnostics);
        }

        foreach (var f in content.Figures)
        {
            Add(new Target(f.Id, TargetKind.Figure, f.Value, SitePaths.Figures + "#" + f.Id, f.At), diagnostics);
        }
    }

    public bool TryGet(string id, out Target target) => _targets.TryGetValue(id, out target!);

    public IEnumerable<string> Ids => _targets.Keys;

    /// <summary>Every id with what it names, in the order <see cref="Ids"/> lists them.</summary>
    public IReadOnlyDictionary<string, Target> All => _targets;

    private void Add(Target target, DiagnosticBag diagnostics)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_targets, target.Id, out var taken);
        if (!taken)
        {
            slot = target;
            return;
        }

        var first = slot!; // The first keeps the id.
        diagnostics.Error(target.At, DiagnosticCodes.DuplicateId,
            $"duplicate id '{target.Id}': this {Describe(target.Kind)} has the same id as the {Describe(first.Kind)} at {first.At}");
        diagnostics.Error(first.At, DiagnosticCodes.DuplicateId,
            $"duplicate id '{target.Id}': this {Describe(first.Kind)} has the same id as the {Describe(target.Kind)} at {target.At}");
    }

    private static string Describe(TargetKind kind) => kind switch
    {
        TargetKind.Event => "timeline event",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// The last id index, kept while what it reads is the same (the preview's): the same entities, sources, events and
/// figures (the same objects), and in each place a page with the same id, title and place in its file. A page whose
/// words changed below its front matter names the same target. What the index reported is reported again.
/// </summary>
public sealed class IdIndexMemo
{
    private BriefContent? _content;
    private IdIndex? _index;
    private IReadOnlyList<Diagnostic> _reported = [];

    internal IdIndex Of(BriefContent content, DiagnosticBag diagnostics)
    {
        if (_index is null || _content is null || !Same(_content, content))
        {
            var own = new DiagnosticBag();
            _index = new IdIndex(content, own);
            _reported = own.Sorted();
        }

        _content = content;
        diagnostics.AddReported(_reported);
        return _index;
    }

    private static bool Same(BriefContent a, BriefContent b)
    {
        if (!SameObjects(a.Entities, b.Entities) || !SameObjects(a.Sources, b.Sources) || !SameObjects(a.Events, b.Events) ||
            !SameObjects(a.Figures, b.Figures) || a.Pages.Count != b.Pages.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Pages.Count; i++)
        {
            Page was = a.Pages[i], now = b.Pages[i];
            if (!ReferenceEquals(was, now) &&
                (!string.Equals(was.Id, now.Id, StringComparison.Ordinal) || !string.Equals(was.Title, now.Title, StringComparison.Ordinal) || was.At != now.At))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameObjects<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
