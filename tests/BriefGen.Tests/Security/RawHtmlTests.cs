using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Security;

/// <summary>SPEC §3: with allow_html: true raw HTML is kept but sanitized, each removal a warning at its place.</summary>
public sealed class RawHtmlTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public RawHtmlTests()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\nallow_html: true\n");
    }

    public void Dispose() => _brief.Dispose();

    private (Build.BuildResult Result, AngleSharp.Html.Dom.IHtmlDocument Page) BuildSecond(string body)
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n" + body);
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        return (result, new HtmlParser().ParseDocument(_brief.ReadOutput("second/index.html")));
    }

    private static AngleSharp.Dom.IElement Content(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("main") ?? page.Body!;

    [Theory]
    [InlineData("<script>alert(1)</script>", "script")]
    [InlineData("<noscript><p>alert(1)</p></noscript>", "noscript")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>", "iframe")]
    [InlineData("<object data=\"x.swf\"></object>", "object")]
    [InlineData("<embed src=\"x.swf\">", "embed")]
    [InlineData("<base href=\"https://evil.example/\">", "base")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", "meta")]
    [InlineData("<form action=\"https://evil.example/\"><input name=\"q\"></form>", "form")]
    [InlineData("<style>body { display: none }</style>", "style")]
    public void Dangerous_elements_are_removed_with_a_warning(string html, string tag)
    {
        var (result, page) = BuildSecond($"Text.\n\n{html}\n");
        Assert.Empty(Content(page).QuerySelectorAll(tag));
        Assert.DoesNotContain("alert(1)", Content(page).TextContent);
        Assert.DoesNotContain("display: none", Content(page).TextContent);
        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.HtmlSanitized);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(new Location("content/pages/second.md", 6, 1), d.Location);
        Assert.Contains($"<{tag}>", d.Message);
    }

    [Fact]
    public void Event_attributes_and_script_urls_are_removed()
    {
        var (result, page) = BuildSecond("Text <img src=\"https://example.org/x.png\" alt=\"x\" onerror=\"alert(1)\"> and <a href=\"javascript:alert(1)\">a link</a>.\n");
        var main = Content(page);
        Assert.DoesNotContain("onerror", main.InnerHtml);
        Assert.DoesNotContain("javascript:", main.InnerHtml);
        Assert.Contains("a link", main.TextContent);
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.HtmlSanitized).ToList();
        Assert.Contains(warnings, d => d.Message.Contains("onerror", StringComparison.Ordinal) && d.Location.Column == 6);
    }

    [Fact]
    public void A_style_attribute_is_removed()
    {
        var (_, page) = BuildSecond("<p style=\"position:fixed\">Styled</p>\n");
        Assert.Null(Content(page).QuerySelector("[style]"));
        Assert.Contains("Styled", Content(page).TextContent);
    }

    [Fact]
    public void Safe_html_and_the_briefs_own_markup_survive()
    {
        var (result, page) = BuildSecond("Text <b>bold</b> and <kbd>Ctrl</kbd> [@seed, ¶2].\n\n<details><summary>More</summary>\n\nHidden [@seed, ¶1].\n\n</details>\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.HtmlSanitized);
        var main = Content(page);
        Assert.NotNull(main.QuerySelector("b"));
        Assert.NotNull(main.QuerySelector("details summary"));
        Assert.Equal(2, main.QuerySelectorAll("sup.cite a[role=doc-noteref][data-note]").Length);
    }

    [Fact]
    public void A_tag_split_across_inlines_cannot_smuggle_a_script()
    {
        var (_, page) = BuildSecond("Text <svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg> <scr<b></b>ipt>alert(1)</script>\n");
        Assert.Empty(page.QuerySelectorAll("main script, main svg"));
        Assert.DoesNotContain("javascript:", Content(page).InnerHtml);
    }

    [Fact]
    public void Strict_fails_a_brief_whose_html_was_sanitized()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n<script>alert(1)</script>\n");
        Assert.False(_brief.Build(strict: true).Succeeded);
    }
}
