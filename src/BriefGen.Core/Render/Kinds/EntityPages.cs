using BriefGen.Load;
using BriefGen.Model;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>
/// /entities/, grouped by kind, and one page per entity: name, role, description, the quotes of the
/// person (wherever they stand, its own description included), "Mentioned in" (every place that links
/// here, to the section) and related entities.
/// </summary>
public sealed class EntityPages(RenderInputs inputs) : IPageKind
{
    private static readonly Dictionary<string, string> KindTitles = new(StringComparer.Ordinal)
    {
        ["person"] = "People", ["organization"] = "Organizations", ["court"] = "Courts", ["policy"] = "Policies",
        ["law"] = "Laws", ["place"] = "Places", ["concept"] = "Concepts",
    };

    public IEnumerable<Func<PageView>> Pages()
    {
        yield return Index;
        foreach (var entity in inputs.Content.Entities.DistinctBy(e => e.Id))
        {
            yield return () => EntityPage(entity);
        }
    }

    private PageView Index()
    {
        var groups = new ScriptArray();
        foreach (var kind in ContentLoader.EntityKinds)
        {
            var entities = new ScriptArray();
            foreach (var entity in inputs.Content.Entities.Where(e => e.Kind == kind).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                entities.Add(Summary(entity));
            }

            if (entities.Count > 0)
            {
                groups.Add(new ScriptObject { ["kind"] = kind, ["title"] = KindTitles[kind], ["entities"] = entities });
            }
        }

        var model = new ScriptObject
        {
            ["id"] = "entities",
            ["kind"] = "entities",
            ["title"] = "People and organizations",
            ["url"] = inputs.Url(SitePaths.Entities),
            ["description"] = "The people, courts, agencies, organizations, policies and concepts in this brief.",
            ["groups"] = groups,
        };
        return new PageView(SitePaths.Entities, "entities.html", model);
    }

    private ScriptObject Summary(Entity entity) => new()
    {
        ["id"] = entity.Id,
        ["name"] = entity.Name,
        ["kind"] = entity.Kind,
        ["role"] = entity.Role,
        ["url"] = inputs.Url(SitePaths.Entity(entity.Id)),
        ["mention_count"] = inputs.Mentions.To(entity.Id).Count,
    };

    private PageView EntityPage(Entity entity)
    {
        var sitePath = SitePaths.Entity(entity.Id);
        var context = inputs.Page(sitePath);
        var quotes = new ScriptArray();
        foreach (var use in inputs.Brief.QuotesBySpeaker[entity.Id])
        {
            quotes.Add(QuoteModel.Quote(inputs, use));
        }

        var related = new ScriptArray();
        var relatedIds = inputs.Mentions.From(entity.Id).Concat(inputs.Mentions.To(entity.Id).Where(m => m.FromKind == TargetKind.Entity).Select(m => m.FromId))
            .Distinct(StringComparer.Ordinal).Where(id => id != entity.Id);
        foreach (var id in relatedIds)
        {
            if (inputs.Entities.TryGetValue(id, out var other))
            {
                related.Add(Summary(other));
            }
        }

        var model = new ScriptObject
        {
            ["id"] = entity.Id,
            ["kind"] = "entity",
            ["entity_kind"] = entity.Kind,
            ["entity_kind_title"] = KindTitles[entity.Kind],
            ["title"] = entity.Name,
            ["url"] = inputs.Url(sitePath),
            ["role"] = entity.Role,
            ["aliases"] = new ScriptArray(entity.Aliases),
            ["description"] = entity.Role ?? entity.Name,
            ["body"] = inputs.Parsed.EntityDescriptions.TryGetValue(entity.Id, out var d) ? inputs.Render(d, context) : null,
            ["quotes"] = quotes,
            ["mentioned_in"] = MentionsModel.Of(inputs.Mentions.To(entity.Id), inputs),
            ["related"] = related,
            ["index_url"] = inputs.Url(SitePaths.Entities),
        };
        model["notes"] = inputs.Notes(context);
        return new PageView(sitePath, "entity.html", model);
    }
}

/// <summary>Backlinks as templates see them.</summary>
public static class MentionsModel
{
    public static ScriptArray Of(IEnumerable<Mention> mentions, RenderInputs inputs)
    {
        var list = new ScriptArray();
        foreach (var m in mentions)
        {
            var url = inputs.Url(m.FromSitePath) + (m.Section is not null && !m.FromSitePath.Contains('#', StringComparison.Ordinal) ? "#" + m.Section : "");
            list.Add(new ScriptObject
            {
                ["title"] = m.FromTitle,
                ["kind"] = m.FromKind.ToString().ToLowerInvariant(),
                ["section"] = m.SectionTitle,
                ["url"] = url,
            });
        }

        return list;
    }
}
