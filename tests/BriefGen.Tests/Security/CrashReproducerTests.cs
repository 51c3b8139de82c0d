using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Security;

/// <summary>
/// Each input that once crashed the build with a stack trace (issue: hostile and broken input) now ends in
/// a located diagnostic and a failed build.
/// </summary>
public sealed class CrashReproducerTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private TestBrief WithEntity(string yaml) => _brief.Write("content/entities.yml", yaml);

    [Fact]
    public void An_alias_list_missing_its_closing_bracket_is_a_yaml_error()
    {
        WithEntity("- id: paez\n  name: Richard Paez\n  kind: person\n  aliases: [Paez, Judge Richard Paez\n  role: Judge\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.YamlSyntax, "content/entities.yml");
        Assert.Equal(4, d.Location.Line);
    }

    [Fact]
    public void An_empty_nav_item_is_an_error()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav:\n  - index\n  -\n  - second\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.MissingField, "content/brief.yml");
        Assert.Contains("nav has an empty item", d.Message);
    }

    [Fact]
    public void An_empty_author_is_an_error()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\nauthors:\n  -\n  - name: Ann Writer\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.MissingField, "content/brief.yml");
        Assert.Contains("every author needs a name", d.Message);
    }

    [Fact]
    public void An_empty_alias_is_an_error()
    {
        WithEntity("- id: paez\n  name: Richard Paez\n  kind: person\n  aliases:\n    - Paez\n    -\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.MissingField, "content/entities.yml");
    }

    [Theory]
    [InlineData("¶٣")]
    [InlineData("¶99999999999")]
    public void A_locator_with_foreign_digits_or_a_huge_number_is_malformed(string locator)
    {
        _brief.Write("content/pages/index.md", $"---\ntitle: Home\n---\nWelcome [@seed, {locator}].\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.MalformedCitation, "content/pages/index.md");
    }

    [Fact]
    public void A_huge_page_number_is_a_page_label_and_a_quote_cited_to_it_is_not_taken_as_checked()
    {
        // Page labels are text (iv, A-3), so a huge number is no overflow; a plain-text source has no pages to pin it to.
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nThe court ruled “on Friday that the policy” [@seed, pp. 3-99999999999].\n");
        var result = _brief.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LocatorNotChecked && d.Location.Path == "content/pages/index.md");
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("search")]
    [InlineData("entities")]
    [InlineData("print")]
    [InlineData("quotes")]
    [InlineData("figures")]
    [InlineData("timeline")]
    [InlineData("assets")]
    [InlineData("tags")]
    public void A_page_named_like_a_generated_page_is_an_error(string id)
    {
        _brief.Write($"content/pages/{id}.md", "---\ntitle: Clash\n---\nText.\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.ReservedId, $"content/pages/{id}.md");
        Assert.Contains($"'{id}'", d.Message);
    }

    [Fact]
    public void A_page_id_set_in_front_matter_to_a_generated_page_is_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\nid: sources\n---\nText.\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.ReservedId, "content/pages/second.md");
    }

    [Fact]
    public void Blockquotes_nested_128_deep_are_an_error_at_their_line()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText.\n\n" + new string('>', 128) + " deep\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.TooDeep, "content/pages/second.md");
        Assert.Equal(6, d.Location.Line);
    }

    [Fact]
    public void Lists_nested_100_deep_are_an_error()
    {
        var lists = string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- x\n"));
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText.\n\n" + lists);
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.TooDeep, "content/pages/second.md");
    }

    [Fact]
    public void Fifty_thousand_nested_brackets_are_an_error()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n" + new string('[', 50_000) + "\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.TooDeep, "content/pages/second.md");
    }

    [Fact]
    public void Emphasis_nested_past_the_renderers_depth_is_an_error_not_a_crash()
    {
        // Found by the fuzz test: Markdig parses this, but its renderer stops at 128 levels by throwing.
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\nsummary: " +
            string.Concat(Enumerable.Range(0, 150).Select(i => i % 2 == 0 ? "*a " : "_b ")) + "x\n");
        var result = _brief.Build();
        Hostile.AssertWellFormed(result);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
    }

    [Theory]
    [InlineData("\uffff")]
    [InlineData("\u0001")]
    [InlineData("\u001b")]
    public void A_character_no_feed_may_carry_is_an_error_at_its_place(string character)
    {
        // Found by the fuzz test: U+FFFF in the title crashed the sitemap's XML writer.
        _brief.Write("content/brief.yml", $"title: Test{character} Brief\nnav: [index, second]\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.InvalidCharacter, "content/brief.yml");
        Assert.Equal(new Location("content/brief.yml", 1, 12), d.Location);
    }

    [Fact]
    public void A_control_character_in_base_url_is_an_error()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second]\nbase_url: \"/a\\x01b/\"\n");
        var d = Hostile.AssertError(_brief.Build(), DiagnosticCodes.BadBaseUrl, "content/brief.yml");
        Assert.Contains("\\u0001", d.Message);
    }

    [Fact]
    public void A_nul_in_a_text_path_is_an_error()
    {
        _brief.Write("content/sources.yml", "- id: seed\n  type: article-newspaper\n  title: Report\n  text: \"../seeds/se\\0ed.txt\"\n");
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.OutsideRoot, "content/sources.yml");
    }

    [Fact]
    public void A_300_character_id_fails_check_as_well_as_build()
    {
        var id = new string('a', 300);
        _brief.Write($"content/pages/{id[..200]}.md", $"---\ntitle: Long\nid: {id}\n---\nText.\n");
        Hostile.AssertError(_brief.Check(), DiagnosticCodes.InvalidId);
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.InvalidId);
    }

    [Fact]
    public void An_id_of_100_characters_builds()
    {
        var id = new string('a', 100);
        _brief.Write($"content/pages/{id}.md", "---\ntitle: Long\n---\nText.\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, id, "index.html")));
    }

    [Fact]
    public void A_long_timeline_title_gets_an_id_within_the_limit()
    {
        _brief.Write("content/timeline.yml", $"- date: 2019-01-02\n  title: {string.Join(' ', Enumerable.Repeat("word", 60))}\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
    }

    [Fact]
    public void Fifty_thousand_opening_braces_in_yaml_are_an_error_not_a_stack_overflow()
    {
        _brief.Write("content/figures.yml", new string('{', 50_000));
        var result = _brief.Build();
        Hostile.AssertWellFormed(result);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/figures.yml" && d.Severity == Severity.Error);
    }

    [Fact]
    public void Fifty_thousand_opening_brackets_in_yaml_are_too_deep()
    {
        _brief.Write("content/figures.yml", new string('[', 50_000));
        Hostile.AssertError(_brief.Build(), DiagnosticCodes.TooDeep, "content/figures.yml");
    }
}
