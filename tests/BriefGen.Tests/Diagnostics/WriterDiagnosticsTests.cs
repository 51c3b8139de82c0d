using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Diagnostics;

/// <summary>
/// Each common mistake of a writer gives one clear diagnostic, at its own line and column, with a hint;
/// nothing that follows from it (citations of a source, links to an entity, a page's place in nav) is
/// reported again.
/// </summary>
public sealed class WriterDiagnosticsTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public WriterDiagnosticsTests()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              name: Alpha Agency
              kind: organization
            - id: beta
              name: Beta Court
              kind: court
            """);
        _brief.Write("content/pages/index.md", """
            ---
            title: Home
            ---
            Welcome to the brief [@seed, ¶1], with [[alpha]], [[beta]] and [[second]].

            More [@seed, ¶2] and [@seed, ¶3].
            """);
    }

    public void Dispose() => _brief.Dispose();

    private static Diagnostic Only(BuildResult result)
    {
        Assert.True(result.Diagnostics.Count == 1, $"expected one diagnostic, got:\n{TestBrief.Lines(result)}");
        return result.Diagnostics[0];
    }

    [Fact]
    public void Base_brief_has_no_diagnostics()
    {
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Lowercase_doi_in_a_source_is_one_error_suggesting_DOI_and_its_citations_still_resolve()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              doi: 10.1000/xyz
              text: ../seeds/seed.txt
              publish_text: false
            """);
        var result = _brief.Check();
        var d = Only(result);
        Assert.Equal(DiagnosticCodes.UnknownField, d.Code);
        Assert.Equal(new Location("content/sources.yml", 4, 3), d.Location);
        Assert.Contains("unknown field 'doi' in source (did you mean 'DOI'? field names are case-sensitive)", d.Message);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Source_with_a_misspelt_title_is_one_error_not_also_a_missing_title()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              titel: "[Test report]"
              text: ../seeds/seed.txt
              publish_text: false
            """);
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/sources.yml", 3, 3), d.Location);
        Assert.Contains("unknown field 'titel' in source (did you mean 'title'?)", d.Message);
    }

    [Fact]
    public void Source_with_an_uppercase_ID_is_one_error_and_its_citations_are_not_errors_too()
    {
        _brief.Write("content/sources.yml", """
            - ID: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../seeds/seed.txt
            """);
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/sources.yml", 1, 3), d.Location);
        Assert.StartsWith("unknown field 'ID' in source (did you mean 'id'? field names are case-sensitive)", d.Message);
    }

    [Fact]
    public void Unknown_front_matter_field_is_one_error_and_the_page_still_exists()
    {
        _brief.Write("content/pages/second.md", """
            ---
            title: Second Page
            order: 2
            tagz: [asylum]
            ---
            Some text.
            """);
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.UnknownField, d.Code);
        Assert.Equal(new Location("content/pages/second.md", 4, 1), d.Location);
        Assert.StartsWith("unknown field 'tagz' in front matter (did you mean 'tags'?); expected one of: ", d.Message);
    }

    [Fact]
    public void Misspelt_title_in_front_matter_is_one_error_with_no_nav_or_link_errors()
    {
        _brief.Write("content/pages/second.md", "---\ntitel: Second Page\n---\nSome text.\n");
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/pages/second.md", 2, 1), d.Location);
        Assert.Contains("unknown field 'titel' in front matter (did you mean 'title'?)", d.Message);
    }

    [Fact]
    public void Tags_in_front_matter_are_a_list_of_words_kept_on_the_page()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\ntags: [asylum, courts, asylum]\n---\nSome text.\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));

        var diagnostics = new DiagnosticBag();
        var content = new ContentLoader(new RootPaths(_brief.Root), diagnostics).Load();
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(["asylum", "courts"], content!.Pages.Single(p => p.Id == "second").Tags);
        Assert.Empty(content.Pages.Single(p => p.Id == "index").Tags);
    }

    [Fact]
    public void A_tag_that_is_not_a_word_is_an_error_at_the_tags()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\ntags: [asylum, Two Words]\n---\nSome text.\n");
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.InvalidId, d.Code);
        Assert.Equal(new Location("content/pages/second.md", 3, 16), d.Location);
        Assert.Contains("tag 'Two Words' is not a word", d.Message);
    }

    [Fact]
    public void Unknown_entity_field_suggests_the_near_one_and_links_to_the_entity_are_not_errors()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              nmae: Alpha Agency
              kind: organization
            - id: beta
              name: Beta Court
              kind: court
              roll: appeals court
            """);
        var result = _brief.Check();
        var lines = TestBrief.Lines(result);
        Assert.True(result.Diagnostics.Count == 2, lines);
        Assert.Equal(new Location("content/entities.yml", 2, 3), result.Diagnostics[0].Location);
        Assert.StartsWith("unknown field 'nmae' in entity (did you mean 'name'?); expected one of: id, name, kind", result.Diagnostics[0].Message);
        Assert.Equal(new Location("content/entities.yml", 7, 3), result.Diagnostics[1].Location);
        Assert.StartsWith("unknown field 'roll' in entity (did you mean 'role'?)", result.Diagnostics[1].Message);
        Assert.DoesNotContain(DiagnosticCodes.UnknownLink, lines);
        Assert.DoesNotContain(DiagnosticCodes.MissingField, lines);
    }

    [Fact]
    public void Unknown_field_holding_a_list_or_mapping_is_skipped_whole_and_the_fields_after_it_are_read()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              name: Alpha Agency
              notes: { seen: [2019, 2020], by: { name: x } }
              kind: organization
            - id: beta
              name: Beta Court
              links:
                - one
                - [two, three]
              kind: court
            """);
        var result = _brief.Check();
        Assert.True(result.Diagnostics.Count == 2, TestBrief.Lines(result));
        Assert.Equal(new Location("content/entities.yml", 3, 3), result.Diagnostics[0].Location);
        Assert.StartsWith("unknown field 'notes' in entity; expected one of: ", result.Diagnostics[0].Message);
        Assert.Equal(new Location("content/entities.yml", 7, 3), result.Diagnostics[1].Location);
        Assert.StartsWith("unknown field 'links' in entity; expected one of: ", result.Diagnostics[1].Message);
    }

    [Fact]
    public void Unknown_brief_field_suggests_the_near_one()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nsumary: A brief for tests.\nnav: [index, second]\n");
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/brief.yml", 2, 1), d.Location);
        Assert.StartsWith("unknown field 'sumary' in brief.yml (did you mean 'summary'?)", d.Message);
    }

    [Fact]
    public void Unknown_author_field_suggests_the_near_one_and_the_brief_still_builds_its_checks()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nauthors:\n  - name: Jane Doe\n    afiliation: Example Institute\nnav: [index, secnd]\n");
        var result = _brief.Check();
        Assert.True(result.Diagnostics.Count == 2, TestBrief.Lines(result));
        Assert.Equal(new Location("content/brief.yml", 4, 5), result.Diagnostics[0].Location);
        Assert.Equal("unknown field 'afiliation' in an author (did you mean 'affiliation'?); expected one of: name, affiliation",
            result.Diagnostics[0].Message);
        Assert.Equal(DiagnosticCodes.UnknownNavPage, result.Diagnostics[1].Code); // brief.yml was still read
        Assert.Equal(new Location("content/brief.yml", 5, 14), result.Diagnostics[1].Location);
    }

    [Fact]
    public void Unknown_timeline_and_figure_fields_suggest_the_near_ones()
    {
        _brief.Write("content/timeline.yml", "- date: 2020-02-28\n  titl: Ruling\n  title: The ruling\n");
        _brief.Write("content/figures.yml", "- id: families\n  value: \"470,000\"\n  lable: families\n  label: families crossed\n  cite: \"[@seed, ¶2]\"\n");
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome [@seed, ¶1] [[alpha]] [[beta]] [[second]] [[families]].\n");
        var result = _brief.Check();
        Assert.True(result.Diagnostics.Count == 2, TestBrief.Lines(result));
        Assert.Equal(new Location("content/figures.yml", 3, 3), result.Diagnostics[0].Location);
        Assert.StartsWith("unknown field 'lable' in figure (did you mean 'label'?)", result.Diagnostics[0].Message);
        Assert.Equal(new Location("content/timeline.yml", 2, 3), result.Diagnostics[1].Location);
        Assert.StartsWith("unknown field 'titl' in timeline event (did you mean 'title'?)", result.Diagnostics[1].Message);
    }

    [Fact]
    public void Wrong_type_in_one_entity_names_the_field_and_links_to_the_file_ids_are_not_errors()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              name: Alpha Agency
              kind: organization
              aliases: Alpha
            - id: beta
              name: Beta Court
              kind: court
            """);
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.WrongType, d.Code);
        Assert.Equal(new Location("content/entities.yml", 4, 3), d.Location);
        Assert.Equal("field 'aliases' of entity has the wrong type: expected a list of names", d.Message);
    }

    [Fact]
    public void Unquoted_colon_in_brief_yml_says_to_quote_the_value()
    {
        _brief.Write("content/brief.yml", "title: Remain in Mexico: the ruling\nnav: [index, second]\n");
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal(new Location("content/brief.yml", 1, 24), d.Location);
        Assert.EndsWith("so quote the value: title: \"Remain in Mexico: the ruling\"", d.Message);
    }

    [Fact]
    public void Unquoted_colon_in_front_matter_is_one_error_at_the_file_line_with_no_nav_or_link_errors()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second: the \"sequel\"\norder: 2\n---\nSome text.\n");
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/pages/second.md", 2, 14), d.Location);
        Assert.StartsWith("YAML does not parse: ", d.Message);
        Assert.EndsWith("quote the value: title: \"Second: the \\\"sequel\\\"\"", d.Message);
    }

    [Fact]
    public void Entity_line_indented_too_far_is_one_error_naming_the_line_above()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              name: Alpha Agency
               kind: organization
            - id: beta
              name: Beta Court
              kind: court
            """);
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal(new Location("content/entities.yml", 3, 8), d.Location);
        Assert.EndsWith("line 3 is indented more than line 2 above it (3 spaces, not 2), so it reads as part of line 2's value; " +
                        "line the fields of one entry up", d.Message);
    }

    [Fact]
    public void Entity_line_indented_with_a_tab_says_so()
    {
        _brief.Write("content/entities.yml", "- id: alpha\n  name: Alpha Agency\n\tkind: organization\n- id: beta\n  name: Beta Court\n  kind: court\n");
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal(new Location("content/entities.yml", 2, 9), d.Location); // where the parser stopped: the value before the tab
        Assert.EndsWith("line 3 is indented with a tab; YAML indents with spaces only", d.Message);
    }

    [Fact]
    public void Entity_line_indented_too_little_is_one_error_naming_the_line_above()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              name: Alpha Agency
              kind: organization
             - id: beta
              name: Beta Court
              kind: court
            """);
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/entities.yml", 4, 2), d.Location);
        Assert.Contains("line 4 is indented less than line 3 above it (1 space, not 2)", d.Message);
    }

    [Fact]
    public void Entity_entry_nested_under_the_one_above_is_one_error()
    {
        _brief.Write("content/entities.yml", """
            - id: alpha
              name: Alpha Agency
              kind: organization
              - id: beta
              name: Beta Court
              kind: court
            """);
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/entities.yml", 4, 3), d.Location);
        Assert.Contains("line 4 starts a '- ' entry among the fields of line 3 above it", d.Message);
    }

    [Fact]
    public void Sources_yml_that_does_not_parse_is_one_error_not_one_per_citation()
    {
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: Test: report
              text: ../seeds/seed.txt
            """);
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/sources.yml", 3, 14), d.Location);
        Assert.EndsWith("quote the value: title: \"Test: report\"", d.Message);
    }

    [Fact]
    public void Nav_item_naming_no_page_is_reported_at_the_item_in_a_block_list()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav:\n  - index\n  - secnd\n");
        var d = Only(_brief.Check());
        Assert.Equal(DiagnosticCodes.UnknownNavPage, d.Code);
        Assert.Equal(new Location("content/brief.yml", 4, 5), d.Location);
        Assert.Equal("nav names 'secnd', but there is no page with that id in content/pages/ (did you mean 'second'?)", d.Message);
    }

    [Fact]
    public void Nav_item_naming_no_page_is_reported_at_the_item_in_a_flow_list()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, second, nowhere]\n");
        var d = Only(_brief.Check());
        Assert.Equal(new Location("content/brief.yml", 2, 22), d.Location);
        Assert.Equal("nav names 'nowhere', but there is no page with that id in content/pages/", d.Message);
    }
}
