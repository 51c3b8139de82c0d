using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Load.Images;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Images;

/// <summary>SPEC §2 images: files in content/ published at stable URLs, captions as figures, alt text required.</summary>
public sealed class ImageTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private TestBrief Page(string body) => _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\n" + body);

    private AngleSharp.Html.Dom.IHtmlDocument Built(string sitePath, string? baseUrl = null)
    {
        var result = _brief.Build(strict: true, baseUrl: baseUrl);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        return new HtmlParser().ParseDocument(_brief.ReadOutput(sitePath));
    }

    [Fact]
    public void An_image_in_content_is_published_at_its_path_under_content_with_its_size()
    {
        var png = TestImages.Png(3, 2);
        _brief.WriteBytes("content/images/map.png", png);
        Page("The map ![Map of the border crossings](../images/map.png) shows it.\n");
        var img = Built("second/index.html").QuerySelector("main img")!;
        Assert.Equal("/images/map.png", img.GetAttribute("src"));
        Assert.Equal("Map of the border crossings", img.GetAttribute("alt"));
        Assert.Equal("3", img.GetAttribute("width"));
        Assert.Equal("2", img.GetAttribute("height"));
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(_brief.OutDir, "images", "map.png")));
    }

    [Fact]
    public void An_image_url_follows_the_base_url()
    {
        _brief.WriteBytes("content/pages/chart.png", TestImages.Png(1, 1));
        Page("![A chart](chart.png)\n");
        Assert.Equal("/repo/pages/chart.png", Built("second/index.html", "/repo/").QuerySelector("main img")!.GetAttribute("src"));
    }

    [Fact]
    public void A_titled_image_alone_in_its_paragraph_is_a_figure_captioned_by_its_title()
    {
        _brief.WriteBytes("content/images/map.png", TestImages.Png(4, 4));
        Page("Before.\n\n![Map of the border crossings](../images/map.png \"Ports of entry where MPP applied, 2019\")\n\nAfter.\n");
        var doc = Built("second/index.html");
        var figure = Assert.Single(doc.QuerySelectorAll("main figure.image"));
        Assert.Equal("Ports of entry where MPP applied, 2019", figure.QuerySelector("figcaption")!.TextContent);
        var img = figure.QuerySelector("img")!;
        Assert.Equal("Map of the border crossings", img.GetAttribute("alt"));
        Assert.False(img.HasAttribute("title"), "the caption is not repeated as a tooltip");
        Assert.Null(figure.ParentElement!.Closest("p"));
        Assert.Equal(["Before.", "After."], doc.QuerySelectorAll("main p").Select(p => p.TextContent).Where(t => t is "Before." or "After.").ToArray());
    }

    [Fact]
    public void A_titled_image_inside_a_sentence_keeps_its_title_and_is_no_figure()
    {
        _brief.WriteBytes("content/images/map.png", TestImages.Png(4, 4));
        Page("See ![Map](../images/map.png \"The map\") here.\n");
        var doc = Built("second/index.html");
        Assert.Empty(doc.QuerySelectorAll("main figure.image"));
        Assert.Equal("The map", doc.QuerySelector("main p img")!.GetAttribute("title"));
    }

    [Fact]
    public void A_caption_is_escaped_text()
    {
        _brief.WriteBytes("content/images/map.png", TestImages.Png(4, 4));
        Page("![Map](../images/map.png \"<script>alert(1)</script> & more\")\n");
        var html = _brief.Build(strict: true) is { Succeeded: true } ? _brief.ReadOutput("second/index.html") : "";
        Assert.Contains("<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</figcaption>", html);
    }

    [Fact]
    public void An_image_shown_twice_from_two_files_is_published_once_and_relative_to_each_file()
    {
        _brief.WriteBytes("content/images/map.png", TestImages.Png(2, 2));
        Page("![Map](../images/map.png)\n");
        _brief.Write("content/entities.yml", "- id: border\n  name: The border\n  kind: place\n  description: \"![Map of the border](images/map.png) [[second]]\"\n");
        _brief.Write("content/pages/index.md", "---\ntitle: Home\n---\nWelcome [@seed, ¶1]. ![Map](/images/map.png) [[border]]\n");
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Single(result.Written, p => p == "images/map.png");
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "images", "map.png")));
        Assert.Contains("src=\"/images/map.png\"", _brief.ReadOutput("entities/border/index.html"));
        Assert.Contains("src=\"/images/map.png\"", _brief.ReadOutput("index.html"));
    }

    [Fact]
    public void An_image_file_name_with_a_space_is_percent_encoded_in_the_page()
    {
        _brief.WriteBytes("content/images/border map.png", TestImages.Png(2, 2));
        Page("![Map](<../images/border map.png>)\n");
        Assert.Equal("/images/border%20map.png", Built("second/index.html").QuerySelector("main img")!.GetAttribute("src"));
        Assert.True(File.Exists(Path.Combine(_brief.OutDir, "images", "border map.png")));
    }

    [Fact]
    public void An_image_without_alt_text_is_an_error_at_its_line_and_column()
    {
        _brief.WriteBytes("content/images/map.png", TestImages.Png(2, 2));
        Page("Some text.\n\nThe map: ![](../images/map.png)\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.ImageWithoutAlt);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(new Location("content/pages/second.md", 6, 10), d.Location);
        Assert.Contains("no alt text", d.Message);
    }

    [Fact]
    public void A_missing_image_file_is_one_error_at_its_line_and_column_not_a_broken_output_link()
    {
        Page("Text.\n\n  ![The map](../images/missing.png \"Caption\")\n");
        var result = _brief.Build();
        var d = TestBrief.Single(result, DiagnosticCodes.MissingImage);
        Assert.Equal(new Location("content/pages/second.md", 6, 3), d.Location);
        Assert.Equal("image '../images/missing.png' not found (looked for content/images/missing.png)", d.Message);
        Assert.DoesNotContain(result.Diagnostics, x => x.Code == DiagnosticCodes.BrokenOutputLink);
        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void An_image_outside_content_is_refused()
    {
        _brief.WriteBytes("seeds/map.png", TestImages.Png(2, 2));
        Page("![The map](../../seeds/map.png)\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.ImageOutsideContent);
        Assert.Contains("outside content/", d.Message);
    }

    [Fact]
    public void An_svg_image_is_refused_because_it_can_carry_scripts()
    {
        _brief.Write("content/images/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        Page("![A chart](../images/chart.svg)\n");
        var result = _brief.Build();
        var d = TestBrief.Single(result, DiagnosticCodes.UnsupportedImage);
        Assert.Contains("SVG", d.Message);
        Assert.Contains("scripts", d.Message);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_file_that_is_not_the_image_its_name_says_is_refused()
    {
        _brief.Write("content/images/map.png", "<html><script>alert(1)</script></html>");
        Page("![The map](../images/map.png)\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.ImageNotWhatItSays);
        Assert.Contains("named as a PNG image but its bytes are no image format", d.Message);
    }

    [Fact]
    public void An_image_from_another_site_is_a_warning_because_the_policy_blocks_it()
    {
        Page("![A photo](https://example.org/photo.jpg)\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded);
        var d = TestBrief.Single(result, DiagnosticCodes.ExternalImage);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("Content-Security-Policy", d.Message);
    }

    [Fact]
    public void An_image_that_would_overwrite_a_theme_file_is_refused()
    {
        _brief.WriteBytes("templates/assets/logo.png", TestImages.Png(1, 1));
        _brief.WriteBytes("content/assets/logo.png", TestImages.Png(2, 2));
        Page("![Logo](../assets/logo.png)\n");
        var d = TestBrief.Single(_brief.Build(), DiagnosticCodes.ImageClash);
        Assert.Contains("/assets/logo.png", d.Message);
    }

    [Fact]
    public void Images_nothing_shows_are_not_published()
    {
        _brief.WriteBytes("content/images/draft.png", TestImages.Png(2, 2));
        var result = _brief.Build(strict: true);
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Contains("index.html", result.Written);
        Assert.DoesNotContain(result.Written, p => p.EndsWith(".png", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("png", 640, 480)]
    [InlineData("gif", 17, 3)]
    [InlineData("jpeg", 1200, 800)]
    public void Image_sizes_are_read_from_the_header(string kind, int width, int height)
    {
        var bytes = kind switch { "png" => TestImages.Png(width, height), "gif" => TestImages.Gif(width, height), _ => TestImages.Jpeg(width, height) };
        var format = ImageFormat.Sniff(bytes)!;
        Assert.Equal((width, height), format.SizeOf(bytes));
    }

    [Fact]
    public void A_truncated_header_gives_no_size_rather_than_a_crash()
    {
        var bytes = TestImages.Jpeg(10, 10)[..12];
        Assert.Null(ImageFormat.Jpeg.SizeOf(bytes));
    }
}
