using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Citations;

/// <summary>The notes of a page as templates see them: <c>page.notes</c>.</summary>
public static class NotesModel
{
    public static ScriptArray Build(PageContext page, IReadOnlyDictionary<string, Source> sources, CitationFormatter style, Func<string, string> url)
    {
        var notes = new ScriptArray();
        foreach (var note in page.Notes.Notes)
        {
            if (!sources.TryGetValue(note.Item.Key, out var source))
            {
                continue;
            }

            var backlinks = new ScriptArray();
            foreach (var mark in note.Marks)
            {
                backlinks.Add(new ScriptObject { ["id"] = mark.Id, ["label"] = mark.BackLink });
            }

            var locator = note.Item.Locator;
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
