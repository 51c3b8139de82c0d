using AngleSharp.Html.Parser;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Security;

/// <summary>SPEC §5: every page carries a Content-Security-Policy, and the theme needs nothing it forbids.</summary>
public sealed class ContentSecurityPolicyTests
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

    [Fact]
    public void Every_page_of_the_brief_carries_the_policy_and_no_inline_script_or_style()
    {
        using var brief = new TestBrief();
        brief.Write("content/timeline.yml", "- date: 2019-01-02\n  title: Something happened\n  text: It did [@seed, ¶2].\n");
        var result = brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var pages = Directory.EnumerateFiles(brief.OutDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 8, $"{pages.Count} pages");
        foreach (var file in pages)
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
            var name = Path.GetRelativePath(brief.OutDir, file);
            var meta = page.Head!.QuerySelector("meta[http-equiv=Content-Security-Policy]");
            Assert.True(meta is not null, $"{name} has no Content-Security-Policy");
            Assert.Equal(Policy, meta!.GetAttribute("content"));
            Assert.True(page.Head.Children.Take(2).Contains(meta), $"{name}: the policy must come before anything it governs");
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(
                s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", $"{name}: inline script"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }
}
