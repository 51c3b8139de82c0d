using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §2–3: content that does not parse or has the wrong shape is reported at its line and column.</summary>
public sealed class LoadingTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void Valid_brief_builds_without_diagnostics()
    {
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_page_saved_with_a_byte_order_mark_reads_as_the_same_text()
    {
        var path = Path.Combine(_brief.Root, "content/pages/second.md");
        var text = File.ReadAllText(path);
        Assert.True(_brief.Build(strict: true).Succeeded);
        var plain = _brief.ReadOutput("second/index.html");

        foreach (var encoding in new System.Text.Encoding[] { new System.Text.UTF8Encoding(true), System.Text.Encoding.Unicode, System.Text.Encoding.BigEndianUnicode, System.Text.Encoding.UTF32 })
        {
            _brief.WriteBytes("content/pages/second.md", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
            var result = _brief.Build(strict: true);
            Assert.True(result.Succeeded, encoding.WebName + "\n" + TestBrief.Lines(result));
            Assert.Equal(plain, _brief.ReadOutput("second/index.html"));
        }
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_in_a_page_reads_as_the_replacement_character()
    {
        var path = Path.Combine(_brief.Root, "content/pages/second.md");
        _brief.WriteBytes("content/pages/second.md", [.. File.ReadAllBytes(path), .. "\nByte "u8, 0xFF, .. " here.\n"u8]);
        Assert.True(_brief.Build().Succeeded);
        Assert.Contains("Byte \uFFFD here.", _brief.ReadOutput("second/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_and_column()
    {
        _brief.Write("content/entities.yml", """
            - id: mark-morgan
              name: Mark Morgan
              kind: [person
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.YamlSyntax);
        Assert.Equal("content/entities.yml", d.Location.Path);
        Assert.Equal(4, d.Location.Line);
        Assert.StartsWith("content/entities.yml(4,", d.ToString());
        Assert.Contains(": error BG0001: YAML does not parse", d.ToString());
    }

    [Fact]
    public void Unknown_source_field_is_an_error_at_the_key()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../seeds/seed.txt
              publish_txt: false
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnknownField);
        Assert.Equal(new Location("content/sources.yml", 5, 3), d.Location);
        Assert.Contains("'publish_txt'", d.Message);
    }

    [Fact]
    public void Unknown_entity_field_lists_the_allowed_ones()
    {
        _brief.Write("content/entities.yml", """
            - id: mpp
              name: Migrant Protection Protocols
              kind: policy
              nickname: Remain in Mexico
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnknownField);
        Assert.Equal(new Location("content/entities.yml", 4, 3), d.Location);
        Assert.Contains("expected one of: id, name, kind, role, aliases, description", d.Message);
    }

    [Fact]
    public void Missing_required_field_is_an_error()
    {
        _brief.Write("content/figures.yml", """
            - id: families
              value: "470,000"
              cite: "[@seed, ¶2]"
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.MissingField);
        Assert.Equal(new Location("content/figures.yml", 1, 3), d.Location);
        Assert.Equal("figure needs a label", d.Message);
    }

    [Fact]
    public void Wrong_type_names_the_field_and_what_it_expects()
    {
        _brief.Write("content/pages/second.md", """
            ---
            title: Second Page
            order: second
            ---
            Text.
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.WrongType);
        Assert.Equal(new Location("content/pages/second.md", 3, 8), d.Location);
        Assert.Contains("field 'order'", d.Message);
        Assert.Contains("a whole number", d.Message);
    }

    [Fact]
    public void Front_matter_errors_count_lines_from_the_top_of_the_file()
    {
        _brief.Write("content/pages/second.md", """
            ---
            title: Second Page
            summary: fine
            colour: blue
            ---
            Text.
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnknownField);
        Assert.Equal(new Location("content/pages/second.md", 4, 1), d.Location);
    }

    [Theory]
    [InlineData("2019-13")]
    [InlineData("2019-02-30")]
    [InlineData("Jan 2019")]
    [InlineData("19-01-01")]
    public void Bad_date_is_an_error_at_the_value(string date)
    {
        _brief.Write("content/timeline.yml", $"""
            - id: mpp-begins
              date: "{date}"
              title: MPP begins
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.BadDate);
        Assert.Equal(new Location("content/timeline.yml", 2, 9), d.Location);
    }

    [Fact]
    public void Duplicate_key_is_an_error()
    {
        _brief.Write("content/brief.yml", """
            title: Test Brief
            title: Another
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.DuplicateKey);
        Assert.Equal("content/brief.yml", d.Location.Path);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void Duplicate_id_across_kinds_names_both_places()
    {
        _brief.Write("content/entities.yml", """
            - id: second
              name: A Second Thing
              kind: concept
            """);
        var result = _brief.Check();
        var both = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateId).ToList();
        Assert.Equal(2, both.Count);
        Assert.Contains(both, d => d.Location.Path == "content/entities.yml" && d.Message.Contains("content/pages/second.md(1,1)"));
        Assert.Contains(both, d => d.Location.Path == "content/pages/second.md" && d.Message.Contains("content/entities.yml(1,3)"));
    }

    [Fact]
    public void Invalid_id_is_an_error()
    {
        _brief.Write("content/entities.yml", """
            - id: Mark_Morgan
              name: Mark Morgan
              kind: person
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.InvalidId);
        Assert.Equal(new Location("content/entities.yml", 1, 7), d.Location);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        _brief.Write("content/entities.yml", "- id: x\n  name: X\n  kind: planet\n");
        _brief.Write("content/figures.yml", "- id: f\n  value: \"1\"\n  label: one\n  cite: \"[@seed]\"\n  colour: red\n");
        _brief.Write("content/timeline.yml", "- date: \"2019-00\"\n  title: Bad\n");
        var result = _brief.Check();
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/entities.yml");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/figures.yml");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/timeline.yml");
    }

    [Fact]
    public void Page_without_front_matter_is_an_error()
    {
        _brief.Write("content/pages/second.md", "# Just a heading\n");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.MissingField);
        Assert.Equal(new Location("content/pages/second.md", 1, 1), d.Location);
    }

    [Fact]
    public void Source_text_outside_the_root_is_refused()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../../../etc/passwd
            """);
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.OutsideRoot);
        Assert.Equal(new Location("content/sources.yml", 4, 9), d.Location);
    }

    [Fact]
    public void Source_text_through_a_symbolic_link_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), "briefgen-outside-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(outside, "secret");
        try
        {
            File.CreateSymbolicLink(Path.Combine(_brief.Root, "seeds", "link.txt"), outside);
            _brief.Write("content/sources.yml", """
                - id: seed
                  type: article-newspaper
                  title: "[Test report]"
                  text: ../seeds/link.txt
                """);
            TestBrief.Single(_brief.Check(), DiagnosticCodes.OutsideRoot);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("java%73cript:alert(1)")]
    [InlineData("data:text/html,hi")]
    public void Source_url_with_unsafe_scheme_is_an_error(string url)
    {
        _brief.Write("content/sources.yml", $"""
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              URL: "{url}"
            """);
        TestBrief.Single(_brief.Check(), DiagnosticCodes.UnsafeUrl);
    }

    [Fact]
    public void Missing_brief_yml_is_a_clear_error()
    {
        _brief.Delete("content/brief.yml");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.MissingContent);
        Assert.Contains("content/brief.yml", d.Message);
    }

    [Fact]
    public void Nav_naming_a_missing_page_is_an_error()
    {
        _brief.Write("content/brief.yml", "title: T\nnav: [index, nowhere]\n");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnknownNavPage);
        Assert.Contains("'nowhere'", d.Message);
    }

    [Fact]
    public void Draft_pages_are_left_out_unless_asked_for()
    {
        _brief.Write("content/pages/draft.md", "---\ntitle: Work in progress\ndraft: true\n---\nText.\n");
        Assert.False(File.Exists(Path.Combine(_brief.OutDir, "draft/index.html")) || _brief.Build().Written.Contains("draft/index.html"));
        Assert.Contains("draft/index.html", _brief.Build(drafts: true).Written);
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "draft", "index.html")));
    }
}
