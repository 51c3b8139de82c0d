using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BriefGen.BrowserTests;

/// <summary>axe-core finds no violations on any page kind, in light and dark colour schemes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture site)
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
    public async Task No_axe_violations(string kind, string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var context = await site.Require().NewContextAsync(new BrowserNewContextOptions { ColorScheme = scheme });
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Server!.Url(path));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe();
            var violations = result.Violations.Select(v =>
                $"{kind} ({scheme}): {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
            Assert.True(violations.Count == 0, string.Join("\n", violations));
            await context.CloseAsync();
        }
    }
}
