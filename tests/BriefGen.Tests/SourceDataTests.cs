using System.Text.Json;
using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;
using Json.Schema;

namespace BriefGen.Tests;

/// <summary>
/// SPEC §2 sources.yml as CSL data: every CSL date form, names with particles, suffixes and literals, categories as
/// a list; and /sources.json valid against the CSL-JSON schema without BriefGen's own fields.
/// </summary>
public sealed class SourceDataTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private const string Sources = """
        - id: seed
          type: article-newspaper
          title: Beta
          author: [{ family: Gogh, given: Vincent, non-dropping-particle: van }, { family: King, given: Martin Luther, suffix: Jr. }, { literal: Wire Service }, { family: Fontaine, given: Jean, dropping-particle: de, non-dropping-particle: La }]
          issued: 2019/2020
          accessed: 2020-03-01
          categories: [immigration, courts]
          license: CC-BY-4.0
          text: ../seeds/seed.txt
          sha256: ""
          publish_text: false
          archive_url: https://web.archive.org/web/2020/https://example.org/
          archive_date: 2020-03-01
        - id: uncertain
          type: book
          title: Old
          issued: 1850~
        - id: parts
          type: report
          title: Range
          issued: { date-parts: [[2019, 5], [2020, 7]] }
        - id: circa
          type: report
          title: About
          issued: { date-parts: [[1900]], circa: true }
        - id: season
          type: report
          title: Seasonal
          issued: { date-parts: [[2021]], season: 1 }
        - id: literal
          type: report
          title: Literal
          issued: { literal: Spring 1900s }
        - id: raw
          type: report
          title: Raw
          issued: { raw: 2020-21 }
        """;

    private static readonly string Uses = "---\ntitle: Second\n---\nA [@seed, ¶1] [@uncertain] [@parts] [@circa] [@season] [@literal] [@raw].\n";

    private BuildResult BuildWith(string sources)
    {
        _brief.Write("content/sources.yml", sources);
        _brief.Write("content/pages/second.md", Uses);
        return _brief.Build();
    }

    [Fact]
    public void Every_csl_date_form_names_and_categories_load()
    {
        var result = BuildWith(Sources.Replace("  sha256: \"\"\n", "", StringComparison.Ordinal));
        Assert.True(result.Succeeded, TestBrief.Lines(result));
    }

    [Fact]
    public void Sources_json_is_valid_csl_json_without_briefgen_s_own_fields()
    {
        var result = BuildWith(Sources.Replace("  sha256: \"\"\n", "", StringComparison.Ordinal));
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var text = _brief.ReadOutput("sources.json");
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "csl-data.json")));
        using var json = JsonDocument.Parse(text);
        var verdict = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(verdict.IsValid, string.Join("\n", (verdict.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var seed = json.RootElement[0];
        foreach (var own in new[] { "text", "sha256", "publish_text", "archive_url", "archive_date", "license" })
        {
            Assert.False(seed.TryGetProperty(own, out _), own);
        }

        Assert.Equal(["immigration", "courts"], seed.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToArray());
        Assert.Equal("van", seed.GetProperty("author")[0].GetProperty("non-dropping-particle").GetString());
        Assert.Equal("Jr.", seed.GetProperty("author")[1].GetProperty("suffix").GetString());
        Assert.Equal("de", seed.GetProperty("author")[3].GetProperty("dropping-particle").GetString());
        Assert.Equal("[[2019],[2020]]", Compact(seed.GetProperty("issued").GetProperty("date-parts")));
        var byId = json.RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.True(byId["uncertain"].GetProperty("issued").GetProperty("circa").GetBoolean());
        Assert.Equal("[[2019,5],[2020,7]]", Compact(byId["parts"].GetProperty("issued").GetProperty("date-parts")));
        Assert.Equal("Spring 1900s", byId["literal"].GetProperty("issued").GetProperty("literal").GetString());
        Assert.Equal("1", byId["season"].GetProperty("issued").GetProperty("season").GetString());

        // The schema check itself refuses what the old export wrote.
        using var bad = JsonDocument.Parse("[{\"id\":\"x\",\"type\":\"book\",\"categories\":\"law\"}]");
        Assert.False(schema.Evaluate(bad.RootElement).IsValid);
    }

    [Fact]
    public void Particles_and_suffixes_reach_the_bibliography()
    {
        Assert.True(BuildWith(Sources.Replace("  sha256: \"\"\n", "", StringComparison.Ordinal)).Succeeded);
        var html = _brief.ReadOutput("sources/index.html");
        // Chicago demotes the particle in the inverted first name and keeps it in the others (CMOS 8.5).
        Assert.Contains("Gogh, Vincent van, Martin Luther King Jr., Wire Service, and Jean de La Fontaine.", html);
    }

    [Fact]
    public void Date_ranges_circa_and_literal_dates_are_formatted_by_the_style()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nsummary: A brief for tests.\nnav: [index, second]\ncsl: apa\n");
        Assert.True(BuildWith(Sources.Replace("  sha256: \"\"\n", "", StringComparison.Ordinal)).Succeeded);
        var html = _brief.ReadOutput("sources/index.html");
        Assert.Contains("Spring 1900s", html);
        Assert.Contains("2019–2020", html);
    }

    [Theory]
    [InlineData("issued: 2020-13", "is not a date")]
    [InlineData("issued: { date-parts: [[2020, 2, 30]] }", "is not a date")]
    [InlineData("issued: { date-parts: 2020 }", "date-parts is a list")]
    [InlineData("issued: { dateparts: [[2020]] }", "unknown date field 'dateparts'")]
    [InlineData("issued: { circa: true }", "needs date-parts, literal or raw")]
    [InlineData("issued: 99999999999", "is not a date")]
    public void A_date_that_is_none_of_the_forms_is_one_error_at_its_place(string field, string message)
    {
        _brief.Write("content/sources.yml", $"- id: seed\n  type: report\n  title: T\n  text: ../seeds/seed.txt\n  {field}\n");
        var result = _brief.Check();
        var d = Assert.Single(result.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal(5, d.Location.Line);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Categories_must_be_a_list()
    {
        _brief.Write("content/sources.yml", "- id: seed\n  type: report\n  title: T\n  text: ../seeds/seed.txt\n  categories: law\n");
        var result = _brief.Check();
        Assert.Contains("expected a list", TestBrief.Single(result, DiagnosticCodes.WrongType).Message);
    }

    private static string Compact(JsonElement e) => JsonSerializerCompact(e.GetRawText());

    private static string JsonSerializerCompact(string raw) => string.Concat(raw.Where(c => !char.IsWhiteSpace(c)));
}
