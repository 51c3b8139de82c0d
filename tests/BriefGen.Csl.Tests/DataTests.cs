using Json.Schema;

namespace BriefGen.Csl.Tests;

/// <summary>CSL data in and out: date forms, names with particles, categories, CSL-JSON export valid against the schema.</summary>
public sealed class DataTests
{
    [Theory]
    [InlineData("2020", 2020, null, null, false)]
    [InlineData("2019-01", 2019, 1, null, false)]
    [InlineData("2020-02-28", 2020, 2, 28, false)]
    [InlineData("1850~", 1850, null, null, true)]
    [InlineData("1850?", 1850, null, null, true)]
    [InlineData("-0044-03-15", -44, 3, 15, false)]
    public void Parse_reads_single_dates(string text, int year, int? month, int? day, bool circa)
    {
        var d = CslDate.Parse(text)!;
        Assert.Equal(new CslDatePart(year, month, day), d.Parts[0]);
        Assert.Equal(circa, d.Circa);
        Assert.False(d.IsRange);
    }

    [Fact]
    public void Parse_reads_ranges_and_seasons()
    {
        var r = CslDate.Parse("2019/2020")!;
        Assert.True(r.IsRange);
        Assert.Equal([new CslDatePart(2019), new CslDatePart(2020)], r.Parts);
        var m = CslDate.Parse("2019-05/2019-07")!;
        Assert.Equal(new CslDatePart(2019, 7), m.Parts[1]);
        var s = CslDate.Parse("2020-22")!;
        Assert.Equal("2", s.Season);
        Assert.Null(s.Parts[0].Month);
    }

    [Theory]
    [InlineData("2020-13")]
    [InlineData("2021-02-30")]
    [InlineData("March 2020")]
    [InlineData("2019/2020/2021")]
    public void Parse_refuses_what_is_no_date(string text) => Assert.Null(CslDate.Parse(text));

    [Fact]
    public void Reader_reads_every_csl_json_date_form_names_and_categories()
    {
        var items = CslItemReader.Read("""
            [{"id":"a","type":"book","title":"T","categories":["law","asylum"],
              "author":[{"family":"van Gogh","given":"Vincent"},{"family":"King","given":"Martin Luther","suffix":"Jr."},{"literal":"WHO"}],
              "issued":{"date-parts":[[2019],[2020]]},
              "original-date":{"date-parts":[[1850]],"circa":true},
              "event-date":{"date-parts":[[2020]],"season":3},
              "accessed":{"literal":"Spring 1900s"},
              "submitted":{"raw":"2020-02-28"},
              "volume":3}]
            """);
        var a = items[0];
        Assert.Equal(["law", "asylum"], a.Categories);
        Assert.Equal("van", a.Names["author"][0].NonDroppingParticle);
        Assert.Equal("Gogh", a.Names["author"][0].Family);
        Assert.Equal("Jr.", a.Names["author"][1].Suffix);
        Assert.Equal("WHO", a.Names["author"][2].Literal);
        Assert.True(a.Dates["issued"].IsRange);
        Assert.True(a.Dates["original-date"].Circa);
        Assert.Equal("3", a.Dates["event-date"].Season);
        Assert.Equal("Spring 1900s", a.Dates["accessed"].Literal);
        Assert.Equal(new CslDatePart(2020, 2, 28), a.Dates["submitted"].Parts[0]);
        Assert.Equal("3", a.Get("volume"));
    }

    [Fact]
    public void Writer_output_is_valid_against_the_csl_data_schema_and_round_trips()
    {
        var refs = CslItemReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "differential-references.json")));
        var extra = new CslItemBuilder("forms", "report")
            .Set("title", "Every date form").Set("part-number", "2").Set("not-a-csl-field", "dropped")
            .SetDate("issued", CslDate.Parse("2019/2020")!).SetDate("original-date", CslDate.Parse("1850~")!)
            .SetDate("event-date", CslDate.Parse("2020-23")!).SetDate("accessed", new CslDate { Literal = "Spring 1900s" })
            .SetNames("author", [new CslName { Family = "Bruijn", NonDroppingParticle = "de", Given = "N. G." }, new CslName { Literal = "WHO" }])
            .AddCategory("law").Build();
        var json = CslItemWriter.Write([.. refs, extra]);
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "csl-data.json")));
        using var instance = System.Text.Json.JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        using var bad = System.Text.Json.JsonDocument.Parse("[{\"id\":\"x\",\"type\":\"book\",\"categories\":\"law\",\"sha256\":\"00\"}]");
        Assert.False(schema.Evaluate(bad.RootElement).IsValid, "the schema check must refuse categories as a string and unknown fields");
        Assert.DoesNotContain("not-a-csl-field", json, StringComparison.Ordinal);
        Assert.Contains("\"part\": \"2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"categories\": [", json, StringComparison.Ordinal);
        var back = CslItemReader.Read(json);
        Assert.Equal(refs.Count + 1, back.Count);
        var forms = back.Single(i => i.Id == "forms");
        Assert.True(forms.Dates["issued"].IsRange);
        Assert.True(forms.Dates["original-date"].Circa);
        Assert.Equal("3", forms.Dates["event-date"].Season);
        Assert.Equal("de", forms.Names["author"][0].NonDroppingParticle);
        Assert.Equal(CslItemWriter.Write(back), json);
    }
}

/// <summary>A style that cannot be used is refused with its line and column, never a crash.</summary>
public sealed class StyleErrorTests
{
    private const string Head = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">";

    [Fact]
    public void Malformed_xml_names_line_and_column()
    {
        var e = Assert.Throws<CslException>(() => CslStyle.Parse(Head + "\n<citation><layout></citation></style>"));
        Assert.Equal(2, e.Line);
        Assert.True(e.Column > 0);
    }

    [Fact]
    public void Undefined_and_recursive_macros_are_refused()
    {
        var undefined = Assert.Throws<CslException>(() => CslStyle.Parse(Head + "\n<citation><layout>\n  <text macro=\"nope\"/></layout></citation></style>"));
        Assert.Contains("'nope'", undefined.Message, StringComparison.Ordinal);
        Assert.Equal(3, undefined.Line);
        var loop = Assert.Throws<CslException>(() => CslStyle.Parse(Head + "<macro name=\"a\"><group><text macro=\"b\"/></group></macro>"
            + "<macro name=\"b\"><text macro=\"a\"/></macro><citation><layout><text macro=\"a\"/></layout></citation></style>"));
        Assert.Contains("calls itself", loop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_style_is_refused()
    {
        Assert.Throws<CslException>(() => CslStyle.Parse("<locale/>"));
        Assert.Throws<CslException>(() => CslStyle.Parse(Head + "</style>"));
        Assert.Throws<ArgumentException>(() => CslStyle.BuiltIn("chicago"));
    }
}
