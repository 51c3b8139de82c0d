using BriefGen.Diagnostics;
using BriefGen.Render;
using Scriban.Runtime;

namespace BriefGen.Tests;

/// <summary>The built-in theme's renders share contexts, one render at a time, and each gets only its own output.</summary>
public sealed class TemplateRunnerTests
{
    private static TemplateRunner Runner(DiagnosticBag diagnostics) =>
        new(TemplateSet.BuiltIn(diagnostics), new ScriptObject { ["title"] = "A brief" }, "/", new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), diagnostics);

    private static ScriptObject Caption(string attribution, string? role) => new()
    {
        ["caption"] = new ScriptObject { ["attribution"] = new Html(attribution), ["role"] = role },
        ["q"] = null,
    };

    [Fact]
    public void Renders_to_a_string_reuse_one_context_and_each_returns_only_its_own_output()
    {
        var diagnostics = new DiagnosticBag();
        var runner = Runner(diagnostics);

        var first = runner.Run(SiteLinks.CaptionPartial, Caption("Ana Ortiz", "Judge"), "a", TestContext.Current.CancellationToken);
        var second = runner.Run(SiteLinks.CaptionPartial, Caption("Ben Cole", null), "b", TestContext.Current.CancellationToken);
        var third = runner.Run(SiteLinks.CaptionPartial, Caption("Ana Ortiz", "Judge"), "c", TestContext.Current.CancellationToken);

        Assert.True(diagnostics.IsEmpty);
        Assert.Equal("<figcaption><span class=\"attribution\">— Ana Ortiz</span> <span class=\"speaker-role\">Judge</span></figcaption>\n", first);
        Assert.Equal("<figcaption><span class=\"attribution\">— Ben Cole</span></figcaption>\n", second);
        Assert.Equal(first, third);
        Assert.Equal(1, runner.ContextsMade);
    }

    [Fact]
    public void A_render_to_a_string_inside_a_page_render_takes_a_context_of_its_own()
    {
        var diagnostics = new DiagnosticBag();
        var runner = Runner(diagnostics);
        string? inside = null;
        var body = new PageBody(output =>
        {
            inside = runner.Run(SiteLinks.CaptionPartial, Caption("Ana Ortiz", null), "inner", TestContext.Current.CancellationToken);
            if (output is null)
            {
                return "<p>body</p>";
            }

            output.Write("<p>body</p>", 0, "<p>body</p>".Length);
            return "";
        });

        var page = runner.RunToUtf8("base.html", new ScriptObject { ["page"] = new ScriptObject { ["title"] = "T", ["url"] = "/t/" }, ["content"] = body }, "t", TestContext.Current.CancellationToken);
        var again = runner.Run(SiteLinks.CaptionPartial, Caption("Ana Ortiz", null), "after", TestContext.Current.CancellationToken);

        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Sorted()));
        Assert.Contains("<p>body</p>", System.Text.Encoding.UTF8.GetString(page!));
        Assert.DoesNotContain("body", inside);
        Assert.Equal(inside, again);
        Assert.Equal(2, runner.ContextsMade);
    }
}
