using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Citations;

/// <summary>The notes of a page as templates see them: <c>page.notes</c>.</summary>
public static class NotesModel
{
    /// <param name="page">The page.</param>
    /// <param name="sources">The brief's sources by id.</param>
    /// <param name="style">The formatted notes.</param>
    /// <param name="url">Makes a site path a link.</param>
    /// <param name="footnote">Renders a footnote's text as its note (escaped HTML).</param>
    /// <param name="stop">Looked at before each note: the print page's thousands of notes stop when the preview is told to.</param>
    public static ScriptArray Build(PageContext page, IReadOnlyDictionary<string, Source> sources, CitationFormatter style, Func<string, string> url,
        Func<Markdig.Extensions.Footnotes.Footnote, Html> footnote, CancellationToken stop = default)
    {
        var notes = new ScriptArray();
        foreach (var note in page.Notes.Notes)
        {
            stop.ThrowIfCancellationRequested();
            var backlinks = new ScriptArray();
            foreach (var mark in note.Marks)
            {
                backlinks.Add(new ScriptObject { ["id"] = mark.Id, ["label"] = mark.BackLink });
            }

            if (note.Footnote is { } footnoteBlock)
            {
                notes.Add(new ScriptObject
                {
                    ["number"] = note.Number,
                    ["id"] = note.Id,
                    ["kind"] = "footnote",
                    ["text"] = footnote(footnoteBlock),
                    ["backlinks"] = backlinks,
                });
                continue;
            }

            if (note.Item is not { } item || !sources.TryGetValue(item.Key, out var source))
            {
                continue;
            }

            var locator = item.Locator;
            string? paragraphUrl = null, externalUrl = null;
            if (locator.IsParagraphs && source.Text is { } text)
            {
                paragraphUrl = url(SitePaths.Source(source.Id)) + Anchors.ParagraphLink(locator.Start);
                if (source.Get("URL") is { } u && locator.End <= text.Paragraphs.Count)
                {
                    var passage = string.Join(" ", text.Paragraphs.Skip(locator.Start - 1).Take(locator.End - locator.Start + 1));
                    externalUrl = u.Split('#')[0] + "#" + TextFragment.For(passage);
                }
            }
            else if (locator.Pages.Count > 0 && source.Text is { HasPages: true } paged && paged.FindPageLabel(locator.Pages[0].First) is { } first)
            {
                // A page of a PDF: its place in the page map, and the original at that page (#page=N counts from 1).
                paragraphUrl = url(SitePaths.Source(source.Id)) + Anchors.PageLink(first.Label);
                if (source.Get("URL") is { } u)
                {
                    externalUrl = u.Split('#')[0] + "#page=" + first.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            else if (source.Get("URL") is { } u)
            {
                externalUrl = u;
            }

            notes.Add(new ScriptObject
            {
                ["number"] = note.Number,
                ["id"] = note.Id,
                ["kind"] = "citation",
                ["text"] = new Html(style.NoteHtml(page, note)),
                ["backlinks"] = backlinks,
                ["source_id"] = source.Id,
                ["bibliography_url"] = url(SitePaths.Sources) + "#" + source.Id,
                ["source_url"] = url(SitePaths.Source(source.Id)),
                ["paragraph_url"] = paragraphUrl,
                ["paragraph"] = paragraphUrl is null ? null : locator.Display,
                ["external_url"] = externalUrl,
            });
        }

        return notes;
    }
}
