using Microsoft.Playwright;

namespace BriefGen.BrowserTests;

/// <summary>
/// Every page kind loads under its own Content-Security-Policy with no violation: the theme's scripts,
/// styles and images all come from the site itself. The policy is enforced (never bypassed) here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture site)
{
    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, path) in PageKinds.All)
        {
            data.Add(name, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task No_content_security_policy_violation(string kind, string path)
    {
        var context = await site.Require().NewContextAsync(new BrowserNewContextOptions { BypassCSP = false });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{kind}: console: {m.Text}");
            }
        };

        // Record violations from the first moment of the document, before any of the page's own scripts run.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
              window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        await page.GotoAsync(site.Server!.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Use the page a little, so that what scripts add on interaction is checked too.
        if (await page.Locator("sup.cite a").CountAsync() > 0)
        {
            await page.Locator("sup.cite a").First.FocusAsync();
            await page.WaitForTimeoutAsync(300);
        }

        if (kind == "search")
        {
            await page.Locator("input[type=search]").FillAsync("court");
            await page.WaitForTimeoutAsync(300);
        }

        var policy = await page.Locator("meta[http-equiv=Content-Security-Policy]").GetAttributeAsync("content");
        Assert.Contains("script-src 'self'", policy);
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        problems.AddRange(violations.Select(v => $"{kind}: {v}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await context.CloseAsync();
    }
}
