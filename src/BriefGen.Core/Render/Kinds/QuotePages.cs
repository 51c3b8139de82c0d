using System.Globalization;
using BriefGen.Markdown;
using BriefGen.Markdown.QuoteBoxes;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>/quotes/: every quote box of the brief, grouped by speaker, each linking to where it is used.</summary>
public sealed class QuotePages(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return Index;
    }

    private PageView Index()
    {
        var speakers = new ScriptArray();
        foreach (var group in inputs.QuoteUses
                     .GroupBy(q => q.Box.Speaker?.Id ?? "")
                     .OrderBy(g => Speaker(g.Key).Title, StringComparer.Ordinal))
        {
            var speaker = Speaker(group.Key);
            var quotes = new ScriptArray();
            foreach (var use in group)
            {
                quotes.Add(Quote(inputs, use));
            }

            speakers.Add(new ScriptObject
            {
                ["id"] = group.Key,
                ["name"] = speaker.Title,
                ["url"] = speaker.Url,
                ["role"] = speaker.Role,
                ["quotes"] = quotes,
            });
        }

        var model = new ScriptObject
        {
            ["id"] = "quotes",
            ["kind"] = "quotes",
            ["title"] = "Quotes",
            ["url"] = inputs.Url(SitePaths.Quotes),
            ["description"] = "Every quotation in this brief, by speaker, with where it is used and whether its words were verified against the source.",
            ["speakers"] = speakers,
            ["count"] = inputs.QuoteUses.Count,
        };
        return new PageView(SitePaths.Quotes, "quotes.html", model);
    }

    private LinkTarget Speaker(string id) =>
        inputs.Site.Find(id) ?? new LinkTarget("", id.Length == 0 ? "Unattributed" : id, "entity");

    /// <summary>A quote as templates see it: its words, where it is used, and its verification.</summary>
    public static ScriptObject Quote(RenderInputs inputs, QuoteUse use)
    {
        var check = inputs.Site.Check(use.Box);
        return new ScriptObject
        {
            ["text"] = use.Box.Text,
            ["page_title"] = use.PageTitle,
            ["url"] = use.PageUrl + "#" + use.Anchor,
            ["status"] = check?.Status switch
            {
                QuoteStatus.Verified => "verified",
                QuoteStatus.Unverifiable => "unverifiable",
                _ => "misquoted",
            },
            ["paragraph"] = check?.Locator.Display,
            ["source_title"] = check?.SourceTitle,
            ["check_url"] = check is null ? null
                : check.SourceUrl + (check.Locator.IsParagraphs ? "#p" + check.Locator.Start.ToString(CultureInfo.InvariantCulture) : ""),
        };
    }
}
