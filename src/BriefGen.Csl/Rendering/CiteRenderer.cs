using BriefGen.Csl.Output;
using BriefGen.Csl.Style;

namespace BriefGen.Csl.Rendering;

/// <summary>Renders one cite or bibliography entry through a layout.</summary>
internal sealed class CiteRenderer(CslStyle style, CslLocale locale)
{
    public CslStyle Style { get; } = style;
    public CslLocale Locale { get; } = locale;

    public Context NewContext(CslItem item, ItemState state, Section section, CslCitationItem? cite = null,
        CslPosition position = CslPosition.First, bool nearNote = false, int? firstNote = null,
        SortKey? sortKey = null, bool forDisambiguation = false) => new()
    {
        Style = Style, Locale = Locale, Item = item, State = state, Section = section, Cite = cite,
        Position = position, NearNote = nearNote, FirstNoteNumber = firstNote,
        IsBibliography = section == Style.Bibliography && cite is null, SortKey = sortKey,
        ForDisambiguation = forDisambiguation,
    };

    /// <summary>The layout's children for one item (without the layout's own affixes).</summary>
    public ONode? Render(Context c)
    {
        var kids = Renderer.RenderAll(c.Section.Layout.Children, c);
        if (c.AuthorMode == 2) return c.AuthorOnlyOutput;
        return kids.Count == 0 ? null : ONode.Seq(kids);
    }

    /// <summary>A cite with its prefix and suffix.</summary>
    public ONode? RenderCite(CslItem item, ItemState state, CslCitationItem cite, CslPosition position, bool nearNote, int? firstNote)
    {
        var c = NewContext(item, state, Style.Citation, cite, position, nearNote, firstNote);
        c.AuthorMode = cite.AuthorOnly ? 2 : cite.SuppressAuthor ? 1 : 0;
        var body = Render(c);
        if (body is null) return null;
        return WithAffixes(body, cite);
    }

    public static ONode WithAffixes(ONode body, CslCitationItem cite)
    {
        if (string.IsNullOrEmpty(cite.Prefix) && string.IsNullOrEmpty(cite.Suffix)) return body;
        var kids = new List<ONode>();
        if (!string.IsNullOrEmpty(cite.Prefix)) kids.Add(Markup.Parse(cite.Prefix));
        kids.Add(body);
        if (!string.IsNullOrEmpty(cite.Suffix)) kids.Add(Markup.Parse(cite.Suffix));
        return ONode.Seq(kids);
    }

    /// <summary>The text that decides whether two items are ambiguous in citations.</summary>
    public string AmbiguityKey(CslItem item, ItemState state)
    {
        var c = NewContext(item, state, Style.Citation, new CslCitationItem(item.Id), forDisambiguation: true);
        return Render(c)?.Key() ?? "";
    }
}
