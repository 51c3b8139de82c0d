using System.Globalization;
using System.Text;
using System.Xml;
using BriefGen.Model;
using BriefGen.Resolve;

namespace BriefGen.Render.Data;

/// <summary>
/// /feed.xml: an Atom 1.0 feed (RFC 4287) of the brief's pages, newest first, written only when site_url is
/// known, since every id and link in a feed must be absolute. Dates come from the pages' front matter
/// (<c>updated:</c>, else <c>date:</c>) and otherwise from the build time (SOURCE_DATE_EPOCH, else the
/// brief's date), never the clock, so the feed is the same bytes on every build of the same input.
/// </summary>
public static class AtomFeed
{
    public const string Path = "feed.xml";

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>One entry: the page, when it was published (if known) and when it last changed.</summary>
    private sealed record Entry(Page Page, int Order, DateTime? Published, DateTime Updated);

    public static byte[] Write(RenderInputs inputs, string siteUrl, DateTime buildTime)
    {
        var brief = inputs.Content.Brief;
        var entries = inputs.ReadingOrder
            .Select((page, order) => new Entry(page, order, Time(page.Date),
                Time(page.Updated) ?? Time(page.Date) ?? buildTime))
            .OrderByDescending(e => e.Updated)
            .ThenBy(e => e.Order)
            .ToList();

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            if (brief.Language is { Length: > 0 } language)
            {
                xml.WriteAttributeString("xml", "lang", null, language);
            }

            xml.WriteElementString("id", Atom, siteUrl);
            xml.WriteElementString("title", Atom, brief.Title);
            if (brief.Subtitle is { Length: > 0 } subtitle)
            {
                xml.WriteElementString("subtitle", Atom, subtitle);
            }

            xml.WriteElementString("updated", Atom, Stamp(entries.Count > 0 ? entries.Max(e => e.Updated) : buildTime));
            Link(xml, "self", siteUrl + Path, "application/atom+xml");
            Link(xml, "alternate", siteUrl, "text/html");

            // Atom needs an author for the feed or every entry: the brief's authors, else the brief itself.
            foreach (var name in brief.Authors.Select(a => a.Name).Where(n => n.Length > 0).DefaultIfEmpty(brief.Title))
            {
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, name);
                xml.WriteEndElement();
            }

            if (brief.License is { Length: > 0 } license)
            {
                xml.WriteElementString("rights", Atom, license);
            }

            xml.WriteStartElement("generator", Atom);
            xml.WriteString("BriefGen");
            xml.WriteEndElement();

            foreach (var entry in entries)
            {
                var url = siteUrl + SitePaths.Page(entry.Page.Id);
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, url);
                xml.WriteElementString("title", Atom, entry.Page.Title);
                Link(xml, "alternate", url, "text/html");
                if (entry.Published is { } published)
                {
                    xml.WriteElementString("published", Atom, Stamp(published));
                }

                xml.WriteElementString("updated", Atom, Stamp(entry.Updated));
                foreach (var tag in entry.Page.Tags)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", tag);
                    xml.WriteAttributeString("scheme", siteUrl + SitePaths.Tags);
                    xml.WriteEndElement();
                }

                if (inputs.Parsed.PageSummaries.TryGetValue(entry.Page.Id, out var summary) && inputs.Describe(summary) is { Length: > 0 } text)
                {
                    xml.WriteElementString("summary", Atom, text);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static DateTime? Time(PartialDate? date) =>
        date is { } d ? new DateTime(d.Year, d.Month ?? 1, d.Day ?? 1, 0, 0, 0, DateTimeKind.Utc) : null;

    /// <summary>An RFC 3339 timestamp in UTC, as Atom requires.</summary>
    private static string Stamp(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
