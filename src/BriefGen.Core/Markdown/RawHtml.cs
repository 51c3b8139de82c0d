using Ganss.Xss;

namespace BriefGen.Markdown;

/// <summary>
/// Raw HTML in a brief that sets <c>allow_html: true</c>: kept, but through an allowlist like GitHub's, so a
/// fork's pull request cannot publish a script. No script, style, iframe, object, embed, base, meta or form;
/// no on* event attributes or style attributes; links and images only to http(s), mailto or the site itself.
/// </summary>
public static class RawHtml
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt",
        "ruby", "s", "samp", "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ];

    private static readonly string[] Attributes =
    [
        "abbr", "align", "alt", "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "cite", "class",
        "colspan", "datetime", "dir", "headers", "height", "href", "hreflang", "id", "lang", "name", "open", "rel",
        "reversed", "role", "rowspan", "scope", "span", "src", "srcset", "start", "summary", "title", "type", "valign",
        "value", "width",
    ];

    private static readonly HashSet<string> DropContent = new(
        ["script", "style", "iframe", "object", "embed", "noscript", "noembed", "noframes", "template", "textarea", "select", "title", "xmp", "svg", "math"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HtmlSanitizer Shared = Create();

    /// <summary>A sanitizer with BriefGen's allowlist; a fresh one when the caller listens to its removals.</summary>
    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite", "srcset"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.AllowDataAttributes = true;

        // An unknown wrapper keeps its text, as GitHub does; what a script, style or frame holds is code, not text.
        sanitizer.KeepChildNodes = true;
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DropContent.Contains(e.Tag.LocalName))
            {
                e.Tag.InnerHtml = "";
            }
        };
        return sanitizer;
    }

    /// <summary>The HTML with everything outside the allowlist removed.</summary>
    public static string Sanitize(string html) => Shared.Sanitize(html);

    /// <summary>What sanitizing <paramref name="html"/> removes, one phrase each ("the script element", "the onerror attribute").</summary>
    public static IReadOnlyList<string> Removals(string html)
    {
        var removed = new List<string>();
        var sanitizer = Create();
        sanitizer.RemovingTag += (_, e) => removed.Add($"the <{e.Tag.LocalName}> element");
        sanitizer.RemovingAttribute += (_, e) => removed.Add(e.Reason == RemoveReason.NotAllowedUrlValue
            ? $"the {e.Attribute.Name} URL '{e.Attribute.Value}'"
            : $"the {e.Attribute.Name} attribute");
        sanitizer.RemovingStyle += (_, e) => removed.Add($"the style {e.Style.Name}");
        sanitizer.RemovingAtRule += (_, _) => removed.Add("a CSS rule");
        sanitizer.Sanitize(html);
        return removed;
    }
}
