using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Model;
using SmartReader;

namespace BriefGen.Load.SourceTexts;

/// <summary>
/// <c>.html</c>, <c>.htm</c>: the main content of a web page as Readability's algorithm finds it
/// (SmartReader), without menus, ads, scripts or footers; its block elements (<c>p</c>, <c>li</c>,
/// <c>blockquote</c>, headings, table cells) are the paragraphs, in document order. A page in which no
/// main content is found is refused.
/// </summary>
public sealed class HtmlReader : ISourceTextReader
{
    private const string Blocks = "p, li, blockquote, h1, h2, h3, h4, h5, h6, td, th";

    // A fixed address: the page is never fetched, and its own address must not change what is extracted.
    private const string BaseAddress = "https://source.invalid/";

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];

    public string CacheKey => "html-1";

    public bool IsCached => true;

    public SourceTextRead Read(byte[] bytes, string path)
    {
        var html = Decode(bytes);
        Article article;
        try
        {
            var reader = new Reader(BaseAddress, html) { DisableJSONLD = true, Debug = false };
            article = reader.GetArticle();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SourceTextRead.Fail(DiagnosticCodes.HtmlNoMainContent, $"could not be read as a web page ({e.Message.TrimEnd('.')})");
        }

        var paragraphs = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content) ? Paragraphs(article.Content) : [];
        if (paragraphs.Count == 0)
        {
            return SourceTextRead.Fail(DiagnosticCodes.HtmlNoMainContent,
                "has no main content that BriefGen can find (Readability found no article in it); save the article's page itself, or give a text copy (.txt)");
        }

        return SourceTextRead.Ok(new SourceText(path, paragraphs));
    }

    /// <summary>The innermost block elements of the content, in document order, their text with white space collapsed.</summary>
    public static List<string> Paragraphs(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var paragraphs = new List<string>();
        foreach (var element in document.QuerySelectorAll(Blocks))
        {
            // A block holding blocks (a list item with a nested list) contributes only its own text.
            var text = Collapse(element.QuerySelector(Blocks) is null ? element.TextContent : OwnText(element));
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        return paragraphs;
    }

    private static string OwnText(INode node)
    {
        var sb = new StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement e && e.Matches(Blocks))
            {
                sb.Append(' ');
            }
            else if (child is IElement or IText)
            {
                sb.Append(child is IText t ? t.Data : OwnText(child));
            }
        }

        return sb.ToString();
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\n', '\r', '\f', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>UTF-8 unless a byte-order mark says otherwise (what a saved page almost always is).</summary>
    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
