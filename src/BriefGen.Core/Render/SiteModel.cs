using BriefGen.Model;
using BriefGen.Resolve;
using Scriban.Runtime;

namespace BriefGen.Render;

/// <summary>The <c>site</c> object every template sees: the brief's metadata and navigation.</summary>
public static class SiteModel
{
    /// <summary>The generated reference pages, in the order the site's navigation lists them.</summary>
    public static readonly (string Id, string Title, string Path)[] ReferencePages =
    [
        ("entities", "People and organizations", SitePaths.Entities),
        ("timeline", "Timeline", SitePaths.Timeline),
        ("quotes", "Quotes", SitePaths.Quotes),
        ("figures", "Figures", SitePaths.Figures),
        ("sources", "Sources", SitePaths.Sources),
        ("search", "Search", SitePaths.Search),
        ("print", "Print", SitePaths.Print),
    ];

    public static ScriptObject Build(ResolvedBrief inputs, string? siteUrl)
    {
        var brief = inputs.Content.Brief;
        // The menu is brief.yml's nav when it has one (a large brief lists its sections there);
        // otherwise every page. Prev/next still walk every page in reading order.
        var nav = new ScriptArray();
        var inNav = brief.Nav.ToHashSet(StringComparer.Ordinal); // Looked up for every page: a list's scan made this quadratic.
        var listed = brief.Nav.Count > 0
            ? inputs.ReadingOrder.Where(p => inNav.Contains(p.Id))
            : inputs.ReadingOrder;
        foreach (var page in listed)
        {
            nav.Add(new ScriptObject { ["id"] = page.Id, ["title"] = page.Title, ["url"] = inputs.Url(SitePaths.Page(page.Id)) });
        }

        var authors = new ScriptArray();
        foreach (var a in brief.Authors)
        {
            authors.Add(new ScriptObject { ["name"] = a.Name, ["affiliation"] = a.Affiliation });
        }

        var reference = new ScriptArray();
        foreach (var (id, title, path) in ReferencePages)
        {
            reference.Add(new ScriptObject { ["id"] = id, ["title"] = title, ["url"] = inputs.Url(path) });
            if (id == "sources" && inputs.Tags.All.Count > 0)
            {
                // Tags exist only when some page has them, so the menu links them only then.
                reference.Add(new ScriptObject { ["id"] = "tags", ["title"] = "Tags", ["url"] = inputs.Url(SitePaths.Tags) });
            }
        }

        return new ScriptObject
        {
            ["reference_nav"] = reference,
            ["title"] = brief.Title,
            ["subtitle"] = brief.Subtitle,
            ["language"] = brief.Language,
            ["date"] = brief.Date?.Display,
            ["date_iso"] = brief.Date?.Iso,
            ["citation_date"] = Data.BriefCitation.HighwireDate(brief),
            ["license"] = brief.License,
            ["authors"] = authors,
            ["base_url"] = inputs.BaseUrl,
            ["site_url"] = siteUrl,
            ["feed_url"] = siteUrl is null ? null : siteUrl + Data.AtomFeed.Path,
            ["home_url"] = inputs.Url(SitePaths.Home),
            ["nav"] = nav,
            ["generator"] = "BriefGen",
        };
    }
}
