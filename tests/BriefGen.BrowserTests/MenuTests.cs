using Microsoft.Playwright;

namespace BriefGen.BrowserTests;

/// <summary>The header menu: a disclosure on phones that opens without JavaScript; on wide screens always shown.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MenuTests(BrowserFixture site)
{
    private async Task<IPage> Open(int width, bool javaScript)
    {
        var context = await site.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server!.Url("the-ruling/"));
        return page;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_phone_the_menu_is_closed_until_its_button_opens_it(bool javaScript)
    {
        var page = await Open(375, javaScript);
        var button = page.Locator("details.site-menu > summary", new() { HasText = "Menu" });
        var sections = page.Locator("nav[aria-label=Sections] a").First;
        Assert.True(await button.IsVisibleAsync());
        Assert.False(await sections.IsVisibleAsync(), "the menu's links are hidden until the menu opens");
        Assert.Equal("false", await button.EvaluateAsync<string>("b => String(b.parentElement.open)"));

        await button.ClickAsync();
        Assert.True(await sections.IsVisibleAsync());
        Assert.True(await page.Locator("nav[aria-label=Reference] a", new() { HasText = "Sources" }).IsVisibleAsync());

        await page.Keyboard.PressAsync("Enter"); // the button keeps focus: Enter closes it again
        Assert.False(await sections.IsVisibleAsync());
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Space"); // and the keyboard opens it as a button
        Assert.True(await sections.IsVisibleAsync());
    }

    [Fact]
    public async Task On_a_wide_screen_the_menu_is_shown_with_no_button()
    {
        var page = await Open(1280, javaScript: false);
        Assert.False(await page.Locator("details.site-menu > summary").IsVisibleAsync());
        Assert.True(await page.Locator("nav[aria-label=Sections] a").First.IsVisibleAsync());
        Assert.True(await page.Locator("nav[aria-label=Reference] a", new() { HasText = "Sources" }).IsVisibleAsync());
        var current = page.Locator("nav[aria-label=Sections] a[aria-current=page]");
        Assert.True(await current.IsVisibleAsync());
    }
}
