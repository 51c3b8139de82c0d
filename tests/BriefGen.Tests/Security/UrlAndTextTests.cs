using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Security;

/// <summary>SPEC §3: base_url, site_url and source URLs validated strictly; diagnostics never carry raw lines from content.</summary>
public sealed class UrlAndTextTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Theory]
    [InlineData("/\\\\evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/x//y/")]
    [InlineData("https://evil.example/")]
    [InlineData("/a b/")]
    [InlineData("/../")]
    [InlineData("/a\\\"b/")]
    [InlineData("repo/")]
    public void A_base_url_that_is_not_path_segments_is_an_error(string baseUrl)
    {
        _brief.Write("content/brief.yml", $"title: Test Brief\nnav: [index, second]\nbase_url: \"{baseUrl}\"\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.BadBaseUrl, "content/brief.yml");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/repo/")]
    [InlineData("/my-brief/v1.2/")]
    [InlineData("/caf%C3%A9/")]
    public void A_base_url_of_path_segments_builds(string baseUrl)
    {
        _brief.Write("content/brief.yml", $"title: Test Brief\nnav: [index, second]\nbase_url: \"{baseUrl}\"\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
    }

    [Fact]
    public void The_backslash_base_url_never_reaches_a_script_tag()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\nbase_url: \"/\\\\evil.example/\"\n");
        Assert.False(_brief.Build().Succeeded);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Theory]
    [InlineData("/\\evil.example/")]
    [InlineData("//evil.example/")]
    public void A_bad_base_url_flag_is_a_usage_error(string baseUrl)
    {
        var run = Tool.Dotnet(["build", "--root", _brief.Root, "--base-url", baseUrl]);
        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void A_site_url_with_a_line_break_is_an_error_and_adds_nothing_to_robots_txt()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\nsite_url: \"https://example.org/\\nDisallow: /\"\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.BadSiteUrl, "content/brief.yml");
        Assert.DoesNotContain('\n', d.ToString());
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:/example.org")]
    public void A_source_url_that_is_not_http_is_an_error(string url)
    {
        _brief.Write("content/sources.yml", $"- id: seed\n  type: report\n  title: Report\n  URL: \"{url}\"\n  text: ../seeds/seed.txt\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.UnsafeUrl, "content/sources.yml");
    }

    [Fact]
    public void A_multi_line_key_is_shown_on_one_line()
    {
        _brief.Write("content/entities.yml", "- id: paez\n  name: Paez\n  kind: person\n  \"bad\\nkey\\r\\u001b[31m\": x\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.UnknownField, "content/entities.yml");
        Assert.Contains("bad\\nkey\\r\\u001b[31m", d.Message);
    }

    [Fact]
    public void A_huge_locator_is_cut_short_in_the_message()
    {
        _brief.Write("content/pages/index.md", $"---\ntitle: Home\n---\nWelcome [@seed, ¶1 {new string('x', 1_000_000)}].\n");
        var result = _brief.Build();
        Hostile.AssertWellFormed(result);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length <= DiagnosticText.MaxMessage + 40, $"{d.Message.Length} characters"));
    }

    [Fact]
    public void A_long_message_is_cut_once_and_says_how_much_was_left_out()
    {
        // The check reports into a sink of its own, kept for the preview, then into the build's: cut once, not twice.
        _brief.Write("content/pages/index.md", $"---\ntitle: Home\n---\nWelcome [there](/{new string('y', 3000)}/).\n");
        var result = _brief.Build();
        var cut = Assert.Single(result.Diagnostics, d => d.Message.Contains("more characters)", StringComparison.Ordinal));
        // The link's 3,000 characters appear twice in the message: over 5,000 of them are left out, not the few of a second cut.
        var left = System.Text.RegularExpressions.Regex.Match(cut.Message, @"^[^…]*… \((\d+) more characters\)$");
        Assert.True(left.Success, cut.Message);
        Assert.True(int.Parse(left.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 5000, cut.Message[^40..]);
    }

    [Fact]
    public void Diagnostic_text_escapes_control_characters_and_truncates()
    {
        Assert.Equal("a\\nb\\u0000c", DiagnosticText.OneLine("a\nb\0c"));
        Assert.Equal("abc… (7 more characters)", DiagnosticText.OneLine("abcdefghij", 3));
    }
}
