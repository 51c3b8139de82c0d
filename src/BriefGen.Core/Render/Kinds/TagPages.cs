using BriefGen.Model;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render.Kinds;

/// <summary>/tags/ and /tags/&lt;tag&gt;/: the pages by the tags of their front matter, when any page has tags.</summary>
public sealed class TagPages(RenderInputs inputs) : IPageKind
{
    public IEnumerable<Func<PageView>> Pages()
    {
        var tags = inputs.Brief.Tags.All;
        if (tags.Count == 0)
        {
            yield break;
        }

        yield return Index;
        foreach (var tag in tags)
        {
            yield return () => One(tag);
        }
    }

    /// <summary>A page's tags as links to their pages, in the order its front matter lists them.</summary>
    public static ScriptArray Links(RenderInputs inputs, Page page)
    {
        var list = new ScriptArray();
        foreach (var tag in page.Tags.Select(inputs.Brief.Tags.Find).OfType<Tag>())
        {
            list.Add(Link(inputs, tag));
        }

        return list;
    }

    private static ScriptObject Link(RenderInputs inputs, Tag tag) => new()
    {
        ["name"] = tag.Name,
        ["url"] = inputs.Url(tag.SitePath),
        ["count"] = tag.Pages.Count,
    };

    private PageView Index()
    {
        var tags = new ScriptArray();
        foreach (var tag in inputs.Brief.Tags.All)
        {
            var model = Link(inputs, tag);
            model["pages"] = PageList(tag);
            tags.Add(model);
        }

        return new PageView(SitePaths.Tags, "tags.html", new ScriptObject
        {
            ["id"] = "tags",
            ["kind"] = "tags",
            ["title"] = "Tags",
            ["url"] = inputs.Url(SitePaths.Tags),
            ["description"] = "The pages of this brief by tag.",
            ["tags"] = tags,
        });
    }

    private PageView One(Tag tag) => new(tag.SitePath, "tag.html", new ScriptObject
    {
        ["id"] = "tags/" + tag.Name, // never a content id, which has no slash
        ["kind"] = "tag",
        ["title"] = "Tagged “" + tag.Name + "”",
        ["tag"] = Link(inputs, tag),
        ["url"] = inputs.Url(tag.SitePath),
        ["description"] = $"The pages of this brief tagged “{tag.Name}”.",
        ["pages"] = PageList(tag),
        ["tags_url"] = inputs.Url(SitePaths.Tags),
    });

    /// <summary>The pages of a tag in reading order, each with its plain-text summary.</summary>
    private ScriptArray PageList(Tag tag)
    {
        var list = new ScriptArray();
        foreach (var page in tag.Pages)
        {
            var link = inputs.Link(page);
            link["description"] = inputs.Parsed.PageSummaries.TryGetValue(page.Id, out var summary) ? inputs.Describe(summary) : null;
            list.Add(link);
        }

        return list;
    }
}
