using BriefGen.Markdown;
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
        foreach (var group in inputs.Brief.Quotes
                     .GroupBy(q => q.SpeakerId ?? "")
                     .OrderBy(g => Speaker(g.Key).Title, StringComparer.Ordinal))
        {
            var speaker = Speaker(group.Key);
            var quotes = new ScriptArray();
            foreach (var use in group)
            {
                quotes.Add(QuoteModel.Quote(inputs, use));
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
            ["count"] = inputs.Brief.Quotes.Count,
        };
        return new PageView(SitePaths.Quotes, "quotes.html", model);
    }

    private LinkTarget Speaker(string id) =>
        inputs.Site.Find(id) ?? new LinkTarget("", id.Length == 0 ? "Unattributed" : id, "entity");
}
