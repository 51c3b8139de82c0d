using System.Text.Json;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Verify;

/// <summary>
/// SPEC §2–§3, "fail closed": each rule as input → diagnostics. A page body is written to
/// content/pages/index.md (its first line is line 4, after the front matter) of a brief citing a
/// five-paragraph source; the expected diagnostics are "line,column code" with a fragment of the message.
/// </summary>
public sealed class FailClosedTests : IDisposable
{
    private const string Source = """
        The court ruled 2-1 on Friday that the policy “is invalid in its entirety.”

        More than 470,000 parents and children crossed last fiscal year – a record.

        “You’re not even asking the key question,” Judge Ada Quill said at the hearing.

        The agency said arrests fell 71 percent after the policy began.

        The judges also said the program likely violated the nation’s obligations.
        """;

    private readonly TestBrief _brief = new();

    public FailClosedTests()
    {
        _brief.Write("seeds/seed.txt", Source);
        _brief.Write("content/entities.yml", """
            - id: ada-quill
              name: Ada Quill
              kind: person
              role: Judge
            - id: bo-lark
              name: Bo Lark
              kind: person
              role: Spokesman
            """);
        _brief.Write("content/pages/second.md", """
            ---
            title: Second Page
            order: 2
            ---
            [[ada-quill]] and [[bo-lark]] appear here [@seed, ¶3].
            """);
    }

    public void Dispose() => _brief.Dispose();

    public static TheoryData<string, string, string[]> Rules => new()
    {
        { "a running-text quotation found in the cited paragraph", "The policy “is invalid in its entirety” [@seed, ¶1].", [] },
        { "straight quotes and a citation after the full stop", "The policy \"is invalid in its entirety.\" [@seed, ¶1] Next.", [] },
        { "a misquote of three words or more", "The policy “is wholly invalid now” [@seed, ¶1].", ["4,12 BG0201 misquote: the quoted words “is wholly invalid now” are not in ¶1 of 'seed'; closest passage"] },
        { "a quotation cited to the wrong paragraph names the right one", "The judge said “not even asking the key question” [@seed, ¶1].", ["4,16 BG0201 these words are in ¶3; cite [@seed, ¶3]"] },
        { "one or two words not found", "It was “unlawful” [@seed, ¶1].", ["4,8 BG0206 the quoted word “unlawful” is not in ¶1 of 'seed'"] },
        { "a quotation in a paragraph that cites nothing", "Some call it “a record surge.”", ["4,14 BG0207 unsourced quotation"] },
        { "a quotation in an uncited sentence takes the next citation of its paragraph", "Some call it “a record.” It was large [@seed, ¶2].", [] },
        { "nested single quotes are part of the quotation", "She asked “You’re not even asking the key question,” in court [@seed, ¶3].", [] },
        { "an alteration of case", "“[T]he court ruled 2-1 on Friday” [@seed, ¶1].", [] },
        { "an alteration of a word's ending", "The policy “is invalid in its entiret[ies]” [@seed, ¶1].", [] },
        { "sic and an insertion are skipped", "The policy “is [sic] invalid in [the whole of] its entirety” [@seed, ¶1].", [] },
        { "a number in the cited passage", "More than 470,000 people crossed [@seed, ¶2].", [] },
        { "a number not in the cited passage", "Arrests fell 17 percent [@seed, ¶4].", ["4,14 BG0208 the number “17 percent” is not in ¶4 of 'seed', which has 71 percent"] },
        { "a score written with an en dash", "The court ruled 2–1 [@seed, ¶1].", [] },
        { "a signal means the support is indirect", "Arrests fell 17 percent [see @seed, ¶4].", [] },
        { "cf. is a signal too", "Arrests fell 17 percent [cf. @seed, ¶4].", [] },
        { "a locator that pins no paragraph is checked against the whole text, and says so", "The policy “is invalid in its entirety” [@seed, sec. 3].", ["4,12 BG0209 the locator “sec. 3” names no paragraph or page"] },
        { "a quote box whose attribution starts with two hyphens", "> “You’re not even asking the key question,”\n> -- [[ada-quill]], at the hearing [@seed, ¶3]", [] },
        { "a quote box whose attribution starts with an en dash", "> “You’re not even asking the key question,”\n> – [[ada-quill]], at the hearing [@seed, ¶3]", [] },
        { "a quote box cited to the wrong paragraph names the right one", "> “You’re not even asking the key question,”\n> — [[ada-quill]], at the hearing [@seed, ¶5]", ["4,1 BG0201 these words are in ¶3; cite [@seed, ¶3]"] },
        { "a blockquote that cites but has no attribution", "> “You’re not even asking the key question,” [@seed, ¶3]", ["4,1 BG0210 has no attribution line"] },
        { "a line typed under a quote box without a blank line", "> “You’re not even asking the key question,”\n> — [[ada-quill]], at the hearing [@seed, ¶3]\nShe said more.", ["5,3 BG0211 leave a blank line after the attribution"] },
        { "a speaker the cited passage does not name", "> “You’re not even asking the key question,”\n> — [[bo-lark]], at the hearing [@seed, ¶3]", ["5,3 BG0212 ¶3 and the two paragraphs before it do not name Bo Lark; 'seed' never names them"] },
        { "a speaker named two paragraphs before the cited one", "> “The agency said arrests fell 71 percent”\n> — [[ada-quill]], at the hearing [@seed, ¶4]", [] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule(string name, string body, string[] expected)
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\n" + body + "\n");
        var result = _brief.Check();
        var found = result.Diagnostics.Where(d => d.Location.Path == "content/pages/index.md").ToList();
        var report = $"{name}:\n{TestBrief.Lines(result)}";
        Assert.True(expected.Length == found.Count, report);
        foreach (var (want, got) in expected.Zip(found))
        {
            var parts = want.Split(' ', 3);
            Assert.True($"{got.Location.Line},{got.Location.Column}" == parts[0] && got.Code == parts[1] && got.Message.Contains(parts[2], StringComparison.Ordinal), $"expected {want}\n{report}");
        }
    }

    [Fact]
    public void A_misquote_in_running_text_is_an_error_and_fails_the_build()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nThe policy “is wholly invalid now” [@seed, ¶1].\n");
        Assert.False(_brief.Build().Succeeded);
    }

    [Fact]
    public void Running_text_quotations_count_in_the_summary_and_appear_in_brief_json_with_their_status()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nThe policy “is invalid in its entirety” [@seed, ¶1], “a record” [@seed, sec. 2].\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Equal(2, result.Stats.Quotes);
        Assert.Equal(1, result.Stats.QuotesVerified);
        using var json = JsonDocument.Parse(_brief.ReadOutput("brief.json"));
        var running = json.RootElement.GetProperty("quotes").EnumerateArray().Where(q => q.GetProperty("kind").GetString() == "running").ToList();
        Assert.Equal(["verified", "locator-not-checked"], running.Select(q => q.GetProperty("status").GetString()));
        Assert.Equal("is invalid in its entirety", running[0].GetProperty("text").GetString());
    }

    [Fact]
    public void A_verified_quotation_is_marked_for_readers_with_where_it_was_found()
    {
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nThe policy “is invalid in its entirety” [@seed, ¶1].\n");
        Assert.True(_brief.Build().Succeeded);
        Assert.Contains("<span class=\"quotation\" title=\"Quotation verified against ¶1 of [Test report]\">“is invalid in its entirety”</span>", _brief.ReadOutput("index.html"));
    }

    [Fact]
    public void A_quotation_in_an_entity_description_and_a_timeline_text_is_checked()
    {
        _brief.Write("content/entities.yml", """
            - id: ada-quill
              name: Ada Quill
              kind: person
              description: She said “you are wholly wrong” [@seed, ¶3].
            """);
        _brief.Write("content/timeline.yml", """
            - date: 2020-02-28
              title: The ruling
              text: The court found the policy “is invalid in its entirety” [@seed, ¶2].
            """);
        var result = _brief.Check();
        Assert.Contains(result.Diagnostics, d => d.Code == "BG0201" && d.Location.Path == "content/entities.yml");
        Assert.Contains(result.Diagnostics, d => d.Code == "BG0201" && d.Location.Path == "content/timeline.yml" && d.Message.Contains("¶1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_figure_cited_to_the_wrong_paragraph_names_the_right_one()
    {
        _brief.Write("content/figures.yml", """
            - id: crossed
              value: "470,000"
              label: parents and children crossed
              cite: "[@seed, ¶1]"
            """);
        var error = TestBrief.Single(_brief.Check(), "BG0202");
        Assert.Contains("it is in ¶2; cite [@seed, ¶2]", error.Message);
    }

    [Fact]
    public void A_figure_not_in_the_source_shows_the_closest_passage()
    {
        _brief.Write("content/figures.yml", """
            - id: crossed
              value: "480,000"
              label: parents and children crossed
              cite: "[@seed, ¶2]"
            """);
        var error = TestBrief.Single(_brief.Check(), "BG0202");
        Assert.Contains("closest passage: “More than 470,000 parents and children crossed last fiscal year – a record.”", error.Message);
    }
}

/// <summary>The sample brief's own sourcing under the fail-closed rules: no false alarm on anything it quotes or counts.</summary>
public sealed class SampleBriefSourcingTests
{
    [Fact]
    public void Every_quotation_and_number_of_the_sample_brief_is_verified()
    {
        SampleBrief.AssertSourcingVerified(SampleBrief.Root);
    }

    [Fact]
    public void Running_text_quotations_count_in_the_summary_beside_the_quote_boxes()
    {
        var result = SampleBrief.AssertSourcingVerified(FixtureBriefs.Mpp);
        Assert.True(result.Stats.Quotes > 13, $"the MPP fixture has 13 quote boxes and more quotations in running text; counted {result.Stats.Quotes}");
    }
}
