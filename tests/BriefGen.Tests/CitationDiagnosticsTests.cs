using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §2–3: every citation Pandoc would read is checked, and unreadable locators are errors at their place.</summary>
public sealed class CitationDiagnosticsTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private Diagnostic Only(string body, string code)
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n" + body + "\n");
        return TestBrief.Single(_brief.Check(), code);
    }

    [Theory]
    [InlineData("As @sead says, it ruled.", 4, 4)]
    [InlineData("As @sead [p. 3] says.", 4, 4)]
    [InlineData("It ruled [-@sead].", 4, 12)]
    [InlineData("It ruled [see @seed, ¶1; -@sead, ¶2].", 4, 27)]
    [InlineData("It ruled [@{sead}].", 4, 11)]
    [InlineData("Cited [a link [@sead] in text](https://example.org/).", 4, 16)]
    public void An_unknown_key_is_an_error_at_its_at_sign(string body, int line, int column)
    {
        var d = Only(body, DiagnosticCodes.UnknownSource);
        Assert.Equal(new Location("content/pages/second.md", line, column), d.Location);
        Assert.Contains("'@sead'", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean @seed", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mail press@example.org.")]
    [InlineData("Write \\@sead and \\[@sead].")]
    [InlineData("Code `@sead`.")]
    public void Text_that_is_no_citation_is_not_checked(string body)
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n" + body + " [@seed, ¶1]\n");
        Assert.DoesNotContain(_brief.Check().Diagnostics, d => d.Code is DiagnosticCodes.UnknownSource or DiagnosticCodes.MalformedCitation);
    }

    [Theory]
    [InlineData("It ruled [@seed, ¶٣].", 18, "digits 0–9")]
    [InlineData("It ruled [@seed, ¶99999999999].", 19, "too large")]
    [InlineData("It ruled [@seed, ¶0].", 19, "numbered from 1")]
    [InlineData("It ruled [@seed, ¶¶3–2].", 20, "paragraph locator '¶¶3–2' does not read as paragraph numbers: the range 3–2 runs backwards")]
    [InlineData("It ruled [@seed, para. x].", 18, "no paragraph numbers")]
    [InlineData("It ruled [@seed, p. a].", 18, "no page numbers")]
    [InlineData("As @seed [¶0] says.", 12, "numbered from 1")]
    public void An_unreadable_paragraph_or_page_locator_is_an_error_at_the_locator(string body, int column, string why)
    {
        var d = Only(body, DiagnosticCodes.MalformedCitation);
        Assert.Equal(new Location("content/pages/second.md", 4, column), d.Location);
        Assert.Contains(why, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("It ruled [see @seed\nand @seed, ¶2].", 5, 5)]
    [InlineData("It ruled [see [@seed] @seed].", 4, 16)]
    [InlineData("It ruled [@seed, ¶1, as @seed [¶2] says].", 4, 25)]
    public void A_key_inside_a_prefix_or_suffix_is_an_error(string body, int line, int column)
    {
        var d = Only(body, DiagnosticCodes.NestedCitation);
        Assert.Equal(new Location("content/pages/second.md", line, column), d.Location);
        Assert.Contains("separate cited items with ';'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_list_beyond_the_source_is_out_of_range()
    {
        var d = Only("It ruled [@seed, ¶¶1, 9].", DiagnosticCodes.LocatorOutOfRange);
        Assert.Contains("¶¶1, 9", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pandocs_forms_of_paragraph_locators_build_cleanly()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nA [@seed, paragraph 1]. B [@seed para 2]. C @seed [¶3]. D [-@seed, paras. 1 and 3].\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
    }
}
