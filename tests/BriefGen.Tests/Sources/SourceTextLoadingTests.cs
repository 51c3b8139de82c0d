using System.Security.Cryptography;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Sources;

/// <summary>SPEC §2–3: a source's text: file in each format, its errors at the text:/sha256: line, and its own fields.</summary>
public sealed class SourceTextLoadingTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private void Copy(string fixture, string to)
    {
        var full = Path.Combine(_brief.Root, to);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Copy(SourceFixtures.PathOf(fixture), full, overwrite: true);
    }

    private void WriteBytes(string to, byte[] bytes)
    {
        var full = Path.Combine(_brief.Root, to);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>sources.yml with the test seed and a second source; its text: stands on line 9.</summary>
    private void Sources(string text, string extra = "")
    {
        _brief.Write("content/sources.yml", $"""
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../seeds/seed.txt
            - id: other
              type: legal_case
              title: Other Source
              URL: https://example.org/other
              text: {text}
            {extra}
            """);
    }

    /// <summary>A quote box on the second page quoting <paramref name="quote"/> from source 'other' at <paramref name="locator"/>.</summary>
    private void Quote(string quote, string locator)
    {
        _brief.Write("content/entities.yml", "- id: court\n  name: The Court\n  kind: court\n");
        _brief.Write("content/pages/second.md", $"---\ntitle: Second Page\norder: 2\n---\nIntro.\n\n> “{quote}”\n> — [[court]], in its opinion [@other{locator}]\n");
    }

    [Fact]
    public void A_quote_from_a_pdf_verifies_and_its_running_header_is_a_misquote()
    {
        Copy("ca1-calvary-chapel-v-mills.pdf", "seeds/opinion.pdf");
        Sources("../seeds/opinion.pdf");
        var paragraph = SourceFixtures.ParagraphOfQuote(SourceFixtures.Ca1, "were identified as a major vector of transmission");
        Quote("were identified as a major vector of transmission", $", ¶{paragraph}");
        var result = _brief.Check();
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);

        Quote("a major Case: 20-1507 Document: 00117684624", $", ¶{paragraph}");
        var misquote = TestBrief.Single(_brief.Check(), DiagnosticCodes.Misquote);
        Assert.Contains("misquote", misquote.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_cited_by_page_verifies_on_that_page_and_a_wrong_page_names_the_right_one()
    {
        Copy("ca1-calvary-chapel-v-mills.pdf", "seeds/opinion.pdf");
        Sources("../seeds/opinion.pdf");
        Quote("The Chapel claimed violations of the Free Exercise Clause", ", p. 6");
        Assert.DoesNotContain(_brief.Check().Diagnostics, d => d.Severity == Severity.Error || d.Code == DiagnosticCodes.LocatorNotChecked);

        Quote("The Chapel claimed violations of the Free Exercise Clause", ", p. 3");
        var misquote = TestBrief.Single(_brief.Check(), DiagnosticCodes.Misquote);
        Assert.Contains("these words are on p. 6; cite [@other, p. 6]", misquote.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_source_page_maps_its_pages_and_notes_link_to_the_page_here_and_in_the_original()
    {
        Copy("ca1-calvary-chapel-v-mills.pdf", "seeds/opinion.pdf");
        Sources("../seeds/opinion.pdf", """
              archive_url: https://web.archive.org/web/2021/https://example.org/other
              archive_date: 2021-01-05
            """);
        Quote("The Chapel claimed violations of the Free Exercise Clause", ", p. 6");
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));

        var sourcePage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(_brief.ReadOutput("sources/other/index.html"));
        var page6 = sourcePage.GetElementById("page-6");
        Assert.NotNull(page6);
        Assert.Contains("p. 6", page6.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cited 1×", page6.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not cited", sourcePage.GetElementById("page-5")!.TextContent, StringComparison.Ordinal);

        // Robust Links: the original carries its archived copy and the date of that copy.
        var original = sourcePage.QuerySelector("p.source-links a[href='https://example.org/other']");
        Assert.NotNull(original);
        Assert.Equal("https://web.archive.org/web/2021/https://example.org/other", original.GetAttribute("data-versionurl"));
        Assert.Equal("2021-01-05", original.GetAttribute("data-versiondate"));
        Assert.Contains("Archived copy", _brief.ReadOutput("sources/index.html"), StringComparison.Ordinal);

        var second = _brief.ReadOutput("second/index.html");
        Assert.Contains("href=\"/sources/other/#page-6\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/other#page=6\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_across_a_page_break_verifies_with_pp_and_not_with_one_page()
    {
        Copy("ca1-calvary-chapel-v-mills.pdf", "seeds/opinion.pdf");
        Sources("../seeds/opinion.pdf");
        const string quote = "in-person gatherings (particularly those involving dense crowds or extended exposure to other persons) were identified as a major vector of transmission";
        Quote(quote, ", pp. 4–5");
        Assert.DoesNotContain(_brief.Check().Diagnostics, d => d.Severity == Severity.Error);

        Quote(quote, ", p. 4");
        TestBrief.Single(_brief.Check(), DiagnosticCodes.Misquote);
    }

    [Fact]
    public void A_quote_from_a_web_page_verifies_and_its_menu_text_is_a_misquote()
    {
        Copy("nytimes-1/source.html", "seeds/article.html");
        Sources("../seeds/article.html");
        Quote("plans to reverse its position on Sudan", ", ¶1");
        Assert.DoesNotContain(_brief.Check().Diagnostics, d => d.Severity == Severity.Error);

        Quote("Search NYTimes.com", "");
        TestBrief.Single(_brief.Check(), DiagnosticCodes.Misquote);
    }

    [Fact]
    public void An_unsupported_format_is_an_error_at_the_text_line_naming_the_formats()
    {
        WriteBytes("seeds/other.docx", [0x50, 0x4B, 0x03, 0x04]);
        Sources("../seeds/other.docx");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnsupportedSourceFormat);
        Assert.Equal(new Location("content/sources.yml", 9, 9), d.Location);
        Assert.Contains("source 'other'", d.Message, StringComparison.Ordinal);
        Assert.Contains("(.docx)", d.Message, StringComparison.Ordinal);
        Assert.Contains(".txt, .md, .pdf, .html, .htm", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_txt_file_is_an_error_at_the_text_line()
    {
        WriteBytes("seeds/other.txt", [.. "%PDF-1.7\n"u8, 0x00, 0x01, 0x02, .. "stream"u8]);
        Sources("../seeds/other.txt");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.SourceNotText);
        Assert.Equal(9, d.Location.Line);
        Assert.Contains("is binary, not text", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_txt_file_that_is_not_utf8_is_an_error()
    {
        WriteBytes("seeds/other.txt", [.. "Caf"u8, 0xE9, .. " au lait\n"u8]); // Latin-1 é
        Sources("../seeds/other.txt");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.SourceNotText);
        Assert.Contains("is not UTF-8 text", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_pdf_is_an_error_asking_for_a_text_copy()
    {
        WriteBytes("seeds/other.pdf", TestPdf.Pages(null, null));
        Sources("../seeds/other.pdf");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.PdfNoTextLayer);
        Assert.Equal(9, d.Location.Line);
        Assert.Contains("no text layer: scanned? provide a text copy", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_page_without_main_content_is_an_error()
    {
        _brief.Write("seeds/other.html", "<html><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav></body></html>");
        Sources("../seeds/other.html");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.HtmlNoMainContent);
        Assert.Equal(9, d.Location.Line);
    }

    [Fact]
    public void A_wrong_sha256_is_an_error_at_its_line_showing_the_files_hash()
    {
        _brief.Write("seeds/other.txt", "One paragraph.");
        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_brief.Root, "seeds/other.txt"))));
        Sources("../seeds/other.txt", "  sha256: " + new string('0', 64));
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.Sha256Mismatch);
        Assert.Equal(new Location("content/sources.yml", 10, 11), d.Location);
        Assert.Contains("has SHA-256 " + actual, d.Message, StringComparison.Ordinal);
        Assert.Contains("set sha256: " + actual, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_sha256_and_archive_fields_are_accepted_kept_and_not_exported_to_csl_json()
    {
        Copy("ca5-st-pierre-v-standard-insurance.pdf", "seeds/other.pdf");
        Sources("../seeds/other.pdf", """
              sha256: C5974D853DB8E0CFBB1CE44B8472C2274DF040F344EFBD6B60E56056B5FDEAB3
              archive_url: https://web.archive.org/web/2022/https://example.org/other
              archive_date: 2022-03-17
            """);
        var bag = new DiagnosticBag();
        var content = new ContentLoader(new RootPaths(_brief.Root), bag).Load();
        Assert.Empty(bag.Sorted());
        var source = content!.Sources.Single(s => s.Id == "other");
        Assert.Equal("c5974d853db8e0cfbb1ce44b8472c2274df040f344efbd6b60e56056b5fdeab3", source.Sha256);
        Assert.Equal("https://web.archive.org/web/2022/https://example.org/other", source.ArchiveUrl);
        Assert.Equal("2022-03-17", source.ArchiveDate?.Iso);
        Assert.Equal(10, source.Text!.Pages.Count);

        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var json = _brief.ReadOutput("sources.json");
        Assert.DoesNotContain("sha256", json, StringComparison.Ordinal);
        Assert.DoesNotContain("archive", json, StringComparison.Ordinal);
        Assert.Contains("\"URL\": \"https://example.org/other\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  sha256: 3f1c", DiagnosticCodes.WrongType)]
    [InlineData("  archive_url: javascript:alert(1)", DiagnosticCodes.UnsafeUrl)]
    [InlineData("  archive_date: yesterday", DiagnosticCodes.BadDate)]
    public void A_malformed_own_field_is_an_error_at_its_line(string field, string code)
    {
        _brief.Write("seeds/other.txt", "One paragraph.");
        Sources("../seeds/other.txt", field);
        var d = TestBrief.Single(_brief.Check(), code);
        Assert.Equal(10, d.Location.Line);
    }
}
