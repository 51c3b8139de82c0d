using System.Text;
using System.Xml;
using BriefGen.Render.Kinds;

namespace BriefGen.Render.Data;

/// <summary>The files GitHub Pages and crawlers expect: sitemap.xml, robots.txt, .nojekyll.</summary>
public static class SiteFiles
{
    public static IEnumerable<OutputFile> For(IReadOnlyList<string> pages, RenderInputs inputs, CancellationToken stop = default)
    {
        var root = inputs.SiteUrl ?? inputs.MarkdownSite.BaseUrl;
        yield return new OutputFile("sitemap.xml", Sitemap(pages, root));
        var robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (inputs.SiteUrl is { } site)
        {
            robots.Append("Sitemap: ").Append(site).Append("sitemap.xml\n");
        }

        yield return new OutputFile("robots.txt", Encoding.UTF8.GetBytes(robots.ToString()));
        yield return new OutputFile(".nojekyll", []);
        yield return new OutputFile(SearchPages.IndexPath, SearchPages.Index(inputs, stop));
        if (inputs.SiteUrl is { } feedRoot)
        {
            yield return new OutputFile(AtomFeed.Path, AtomFeed.Write(inputs, feedRoot, inputs.BuildTime));
        }
    }

    /// <summary>Every page but 404.html, by its pretty URL. Absolute when site_url is known.</summary>
    private static byte[] Sitemap(IReadOnlyList<string> pages, string root)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages.Where(p => p.EndsWith("index.html", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", root + page[..^"index.html".Length]);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
