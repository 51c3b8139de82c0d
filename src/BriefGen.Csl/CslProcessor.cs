using BriefGen.Csl.Disambiguation;
using BriefGen.Csl.Output;
using BriefGen.Csl.Rendering;
using BriefGen.Csl.Style;

namespace BriefGen.Csl;

/// <summary>
/// Formats citations and a bibliography for a set of items with one style and locale (CSL 1.0.2).
/// Deterministic and side-effect free apart from its own caches; not thread-safe.
/// </summary>
public sealed class CslProcessor
{
    private readonly CiteRenderer _r;
    private readonly IReadOnlyList<CslItem> _items;
    private readonly Dictionary<string, CslItem> _byId = new(StringComparer.Ordinal);
    private Dictionary<string, ItemState>? _states;
    private List<string>? _bibOrder;
    private readonly List<string> _citedOrder = [];
    private readonly HashSet<string> _cited = new(StringComparer.Ordinal);

    /// <summary>A processor for these items (ids must be unique; later duplicates are ignored).</summary>
    /// <param name="style">The style.</param>
    /// <param name="locale">The locale; the style's own locale overrides are merged on top.</param>
    /// <param name="items">The items that may be cited; the bibliography lists them all.</param>
    public CslProcessor(CslStyle style, CslLocale locale, IEnumerable<CslItem> items)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(locale);
        _r = new CiteRenderer(style, locale.WithStyle(style));
        var list = new List<CslItem>();
        foreach (var i in items)
            if (_byId.TryAdd(i.Id, i)) list.Add(i);
        _items = list;
    }

    /// <summary>The style.</summary>
    public CslStyle Style => _r.Style;

    /// <summary>The effective locale (with the style's overrides).</summary>
    public CslLocale Locale => _r.Locale;

    /// <summary>
    /// Registers items as cited, in the order the document first cites them, before any citation is formatted:
    /// citation numbers and disambiguation then count every cite of the document, whichever part is formatted
    /// first. Unknown ids raise <see cref="KeyNotFoundException"/>; ids already registered keep their place.
    /// </summary>
    public void Register(IEnumerable<string> idsInCitedOrder)
    {
        ArgumentNullException.ThrowIfNull(idsInCitedOrder);
        foreach (var id in idsInCitedOrder)
        {
            if (!_byId.ContainsKey(id)) throw new KeyNotFoundException($"no item with id '{id}'");
            if (_cited.Add(id))
            {
                _citedOrder.Add(id);
                _states = null;
            }
        }
    }

    /// <summary>
    /// Formats citations in document order: one result per citation (a note's text for note
    /// styles, the parenthetical for in-text styles), with each cite's position (first,
    /// subsequent, ibid, ibid-with-locator) computed from the order. Cites whose id is unknown
    /// raise <see cref="KeyNotFoundException"/>.
    /// </summary>
    public IReadOnlyList<CslCitationResult> FormatCitations(IReadOnlyList<CslCitation> citationsInDocumentOrder) =>
        FormatCitations(citationsInDocumentOrder, 0, citationsInDocumentOrder?.Count ?? 0);

    /// <summary>
    /// Formats the citations <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of a document,
    /// their positions counted through all of <paramref name="citationsInDocumentOrder"/>: the same results as those of
    /// the whole list, so processors that know the same items in the same cited order can format parts of a long
    /// document side by side.
    /// </summary>
    /// <param name="citationsInDocumentOrder">The document's citations, in order.</param>
    /// <param name="start">The first citation to format.</param>
    /// <param name="count">How many to format.</param>
    /// <param name="memo">Citations formatted before by processors that know the same style, locale, items and cited order:
    /// one with the same cites and positions is taken from it instead of rendered (see <see cref="CslCitationMemo"/>).</param>
    /// <param name="stop">Looked at every few hundred citations: a cancelled format throws <see cref="OperationCanceledException"/>.</param>
    public IReadOnlyList<CslCitationResult> FormatCitations(IReadOnlyList<CslCitation> citationsInDocumentOrder, int start, int count,
        CslCitationMemo? memo = null, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(citationsInDocumentOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, citationsInDocumentOrder.Count);
        foreach (var cit in citationsInDocumentOrder)
            foreach (var ci in cit.Items)
            {
                if (!_byId.ContainsKey(ci.Id)) throw new KeyNotFoundException($"no item with id '{ci.Id}'");
                if (_cited.Add(ci.Id))
                {
                    _citedOrder.Add(ci.Id);
                    _states = null;
                }
            }
        var states = EnsureStates();
        // A cite's position depends only on the citations before it.
        var positions = Positions.Compute(citationsInDocumentOrder, SortCites, _r.Style.Citation.Attr("near-note-distance"), start + count, stop);
        var results = new List<CslCitationResult>(count);
        for (var k = start; k < start + count; k++)
        {
            if ((k & 255) == 0)
            {
                stop.ThrowIfCancellationRequested();
            }

            var (cites, pos) = positions[k];
            CslCitationMemo.Key? key = null;
            if (memo is not null)
            {
                key = new CslCitationMemo.Key(cites, MemoPositions(pos));
                if (memo.TryGet(key, out var kept))
                {
                    results.Add(kept);
                    continue;
                }
            }

            var rendered = new List<(CslCitationItem Cite, ONode Node, CslPosition Pos)>();
            for (var j = 0; j < cites.Count; j++)
            {
                var ci = cites[j];
                var node = _r.RenderCite(_byId[ci.Id], states[ci.Id], ci, pos[j].Position, pos[j].NearNote, pos[j].FirstNote);
                if (node is not null) rendered.Add((ci, node, pos[j].Position));
            }
            var layout = _r.Style.Citation.Layout;
            ONode body;
            if (cites.Count == 1 && cites[0].AuthorOnly) body = rendered.Count > 0 ? rendered[0].Node : ONode.Leaf("");
            else
            {
                var joined = Collapse.Join(_r, rendered.Select(x => (x.Cite, x.Node)).ToList(), states, _byId, pos.Select(p => p.Position).ToList());
                var ctx = _r.NewContext(_items.Count > 0 ? _items[0] : new CslItemBuilder("", "").Build(), new ItemState(), _r.Style.Citation);
                body = Renderer.DecorateLayout(joined, layout.Fmt, ctx) ?? ONode.Leaf("");
                // A note that starts with a term (ibid.) starts a sentence: capitalize it, as citeproc-js does.
                if (_r.Style.IsNoteStyle) CapitalizeFirst(body);
            }
            var result = new CslCitationResult(new CslRichText(Flattener.Run(body, _r.Locale)), pos.Select(p => p.Position).ToArray());
            if (key is not null) memo!.Add(key, result);
            results.Add(result);
        }
        return results;
    }

    /// <summary>A citation's positions as they can change its text: the note numbers only where the style reads them.</summary>
    private CitePosition[] MemoPositions(CitePosition[] pos)
    {
        if (_r.Style.UsesFirstNoteNumber && _r.Style.UsesNearNote) return pos;
        var kept = new CitePosition[pos.Length];
        for (var j = 0; j < pos.Length; j++)
            kept[j] = new CitePosition(pos[j].Position, _r.Style.UsesNearNote && pos[j].NearNote, _r.Style.UsesFirstNoteNumber ? pos[j].FirstNote : null);
        return kept;
    }

    /// <summary>Formats one citation on its own (position first for every cite).</summary>
    public CslCitationResult FormatCitation(CslCitation citation) => FormatCitations([citation])[0];

    /// <summary>
    /// Whether the style's bibliography replaces an author repeated from the entry before (<c>subsequent-author-substitute</c>):
    /// without it, <see cref="FormatBibliography"/> gives the same entries either way.
    /// </summary>
    public bool SubstitutesAuthors => _r.Style.Bibliography?.Attr("subsequent-author-substitute") is not null;

    /// <summary>
    /// The bibliography: every item, sorted by the style, with <c>subsequent-author-substitute</c>
    /// applied and disambiguation (year suffixes) shared with the citations. Empty when the style has none.
    /// </summary>
    /// <param name="substituteAuthors">False to leave out <c>subsequent-author-substitute</c>, for an entry
    /// shown on its own (a page for one source) rather than under the entry before it.</param>
    public IReadOnlyList<CslBibliographyEntry> FormatBibliography(bool substituteAuthors = true)
    {
        var bib = _r.Style.Bibliography;
        if (bib is null) return [];
        var states = EnsureStates();
        var nodes = new List<(string Id, ONode Node)>();
        foreach (var id in _bibOrder!)
        {
            var c = _r.NewContext(_byId[id], states[id], bib);
            var body = _r.Render(c);
            if (body is null) continue;
            nodes.Add((id, body));
        }
        if (substituteAuthors) Bibliography.SubstituteAuthors(nodes, bib);
        var result = new List<CslBibliographyEntry>();
        foreach (var (id, node) in nodes)
        {
            var c = _r.NewContext(_byId[id], states[id], bib);
            var entry = Bibliography.SecondFieldAlign(node, bib, c);
            var decorated = Renderer.DecorateLayout(entry, bib.Layout.Fmt, c) ?? entry;
            result.Add(new CslBibliographyEntry(id, new CslRichText(Flattener.Run(decorated, _r.Locale))));
        }
        return result;
    }

    private static void CapitalizeFirst(ONode body)
    {
        foreach (var (leaf, noCase) in body.LeavesWithCase())
        {
            var t = leaf.Text!;
            var k = 0;
            while (k < t.Length && !char.IsLetterOrDigit(t[k])) k++;
            if (k == t.Length) continue;
            if (leaf.FromTerm && !noCase && char.IsLower(t[k])) leaf.Text = t[..k] + char.ToUpperInvariant(t[k]) + t[(k + 1)..];
            return;
        }
    }

    private IReadOnlyList<CslCitationItem> SortCites(CslCitation citation)
    {
        var keys = _r.Style.Citation.Sort;
        if (keys.Count == 0 || citation.Unsorted || citation.Items.Count < 2) return citation.Items;
        var states = EnsureStates();
        var withKeys = citation.Items.Select((ci, k) => (ci, k, key: Sorter.Keys(keys, sk =>
            _r.NewContext(_byId[ci.Id], states[ci.Id], _r.Style.Citation, ci, sortKey: sk)))).ToList();
        withKeys.Sort((a, b) =>
        {
            var r = Sorter.Compare(a.key, b.key, keys);
            return r != 0 ? r : a.k.CompareTo(b.k);
        });
        return withKeys.Select(x => x.ci).ToArray();
    }

    private Dictionary<string, ItemState> EnsureStates()
    {
        if (_states is not null) return _states;
        var states = _items.ToDictionary(i => i.Id, _ => new ItemState(), StringComparer.Ordinal);
        // Citation numbers: order of first citation, then the rest in input order.
        var registry = _citedOrder.Concat(_items.Select(i => i.Id).Where(id => !_cited.Contains(id))).ToList();
        for (var k = 0; k < registry.Count; k++) states[registry[k]].CitationNumber = k + 1;
        var bib = _r.Style.Bibliography;
        _bibOrder = bib is null ? registry : SortBibliography(registry, states, bib);
        if (bib is not null && !bib.Sort.Any(k => k.Variable == "citation-number" || k.Macro is not null && MacroUsesCitationNumber(k.Macro)) && bib.Sort.Count > 0)
            for (var k = 0; k < _bibOrder.Count; k++) states[_bibOrder[k]].CitationNumber = k + 1;
        Disambiguator.Run(_r, registry.Select(id => _byId[id]).ToList(), states, _bibOrder);
        if (bib is not null && bib.Sort.Count > 0) _bibOrder = SortBibliography(_bibOrder, states, bib);
        _states = states;
        return states;
    }

    private bool MacroUsesCitationNumber(string macro) =>
        _r.Style.Macros.TryGetValue(macro, out var m) && m.OfType<TextEl>().Any(t => t.Variable == "citation-number");

    private List<string> SortBibliography(List<string> order, Dictionary<string, ItemState> states, Section bib)
    {
        if (bib.Sort.Count == 0) return order;
        var keyed = order.Select((id, k) => (id, k, key: Sorter.Keys(bib.Sort, sk =>
            _r.NewContext(_byId[id], states[id], bib, sortKey: sk)))).ToList();
        keyed.Sort((a, b) =>
        {
            var r = Sorter.Compare(a.key, b.key, bib.Sort);
            return r != 0 ? r : a.k.CompareTo(b.k);
        });
        return keyed.Select(x => x.id).ToList();
    }
}
