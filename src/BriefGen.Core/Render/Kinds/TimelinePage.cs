using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>/timeline/: every event in date order, at the precision it was given, with its links, citations and backlinks.</summary>
public sealed class TimelinePage(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        yield return View;
    }

    private PageView View()
    {
        var context = inputs.Page(SitePaths.Timeline);
        var events = new ScriptArray();

        foreach (var ev in OutputPages.EventsInOrder(inputs.Content))
        {
            var entities = new ScriptArray();
            foreach (var id in inputs.Mentions.From(ev.Id))
            {
                if (inputs.Brief.Ids.TryGet(id, out var target) && target.Kind == TargetKind.Entity)
                {
                    entities.Add(new ScriptObject { ["id"] = id, ["name"] = target.Title, ["url"] = inputs.Url(target.SitePath) });
                }
            }

            events.Add(new ScriptObject
            {
                ["id"] = ev.Id,
                ["date"] = ev.Date.Display,
                ["date_iso"] = ev.Date.Iso,
                ["title"] = ev.Title,
                ["text"] = inputs.Parsed.EventTexts.TryGetValue(ev.Id, out var t) ? inputs.Render(t, context) : null,
                ["entities"] = entities,
                ["mentioned_in"] = MentionsModel.Of(inputs.Mentions.To(ev.Id), inputs),
            });
        }

        var model = new ScriptObject
        {
            ["id"] = "timeline",
            ["kind"] = "timeline",
            ["title"] = "Timeline",
            ["url"] = inputs.Url(SitePaths.Timeline),
            ["description"] = "The events of the brief in date order, each at the precision its sources support.",
            ["events"] = events,
        };
        model["notes"] = inputs.Notes(context);
        return new PageView(SitePaths.Timeline, "timeline.html", model);
    }
}
