using AngleSharp.Html.Parser;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §2 Markdown and §5 output: what a reader gets from the built-in templates.</summary>
public sealed class RenderingTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private AngleSharp.Html.Dom.IHtmlDocument Page(string sitePath) => new HtmlParser().ParseDocument(_brief.ReadOutput(sitePath));

    [Fact]
    public void Pages_get_pretty_urls()
    {
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Equal([".nojekyll", "404.html", "assets/briefgen.js", "assets/favicon.svg", "assets/search-index.js", "assets/search.js", "assets/site.css",
            "brief.json", "cite.bib", "cite.ris", "entities/index.html", "figures/index.html", "index.html", "print/index.html", "quotes/index.html", "robots.txt",
            "search/index.html", "second/index.html", "sitemap.xml", "sources.json", "sources/index.html", "sources/seed/index.html", "timeline/index.html"],
            result.Written.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(result.Written.Append(".briefgen-output").Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(_brief.OutDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_brief.OutDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nav_follows_brief_yml_and_marks_the_current_page()
    {
        _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\nText.\n");
        _brief.Write("content/brief.yml", "title: Test Brief\nnav: [index, third, second]\n");
        _brief.Build();
        var doc = Page("third/index.html");
        var links = doc.QuerySelectorAll("nav[aria-label=Sections] a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/", "/third/", "/second/"], links);
        Assert.Equal("/third/", doc.QuerySelector("[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal("/", doc.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/second/", doc.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_header_menu_is_a_disclosure_that_needs_no_script()
    {
        Assert.True(_brief.Build().Succeeded);
        var header = Page("second/index.html").QuerySelector("header.site-header")!;
        var menu = header.QuerySelector("details.site-menu")!;
        Assert.False(menu.HasAttribute("open"), "on phones the menu starts closed");
        Assert.Equal("Menu", menu.QuerySelector(":scope > summary")!.TextContent);
        Assert.Equal(["Sections", "Reference"], menu.QuerySelectorAll(":scope > nav").Select(n => n.GetAttribute("aria-label")).ToArray());
        Assert.Empty(header.QuerySelectorAll("script, [onclick], button"));
    }

    [Fact]
    public void Without_nav_pages_follow_their_order_field()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\n");
        _brief.Write("content/pages/first.md", "---\ntitle: First\norder: 1\n---\nText.\n");
        _brief.Build();
        var links = Page("index.html").QuerySelectorAll("nav[aria-label=Sections] a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(["/", "/first/", "/second/"], links);
    }

    [Fact]
    public void Base_url_prefixes_every_internal_link_and_asset()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nSee [home](/) and [the first page](/second/#a-heading).\n\n## A heading\n");
        var result = _brief.Build(baseUrl: "/repo/");
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        foreach (var file in new[] { "index.html", "second/index.html" })
        {
            var doc = Page(file);
            var urls = doc.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!)
                .Concat(doc.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            Assert.All(urls, u => Assert.True(u.StartsWith("/repo/", StringComparison.Ordinal) || u.StartsWith('#'), $"{file}: {u}"));
        }
    }

    [Fact]
    public void Base_url_in_brief_yml_is_used_when_no_flag_is_given()
    {
        _brief.Write("content/brief.yml", "title: Test Brief\nbase_url: /mpp\n");
        _brief.Build();
        Assert.Equal("/mpp/assets/site.css", Page("index.html").QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void Headings_get_github_style_ids_and_a_table_of_contents()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n## The 2-1 ruling\n\n### Who voted\n\nText.\n");
        _brief.Build();
        var doc = Page("second/index.html");
        Assert.NotNull(doc.GetElementById("the-2-1-ruling"));
        Assert.Equal(["#the-2-1-ruling", "#who-voted"], doc.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")).ToArray());
    }

    [Fact]
    public void Pipe_tables_and_alerts_render()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> [!NOTE]\n> Worth knowing.\n");
        _brief.Build();
        var doc = Page("second/index.html");
        Assert.Equal(2, doc.QuerySelectorAll("table td").Length);
        Assert.Contains("Worth knowing.", doc.QuerySelector(".markdown-alert-note")!.TextContent);
    }

    [Fact]
    public void Raw_html_is_escaped_with_a_warning_unless_allowed()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText <b>bold</b>.\n\n<script>alert(1)</script>\n");
        var result = _brief.Build();
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.RawHtmlEscaped).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Equal(new Location("content/pages/second.md", 4, 6), warnings[0].Location);
        var html = _brief.ReadOutput("second/index.html");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);

        _brief.Write("content/brief.yml", "title: Test Brief\nallow_html: true\n");
        result = _brief.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.RawHtmlEscaped);
        Assert.Contains("<b>bold</b>", _brief.ReadOutput("second/index.html"));
    }

    [Fact]
    public void Strict_turns_warnings_into_errors_and_writes_nothing()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\nText <b>bold</b>.\n");
        var result = _brief.Build(strict: true);
        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("vbscript:msgbox")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    public void Links_with_unsafe_schemes_are_errors(string url)
    {
        _brief.Write("content/pages/second.md", $"---\ntitle: Second\n---\nA [link]({url}).\n");
        var d = TestBrief.Single(_brief.Check(), DiagnosticCodes.UnsafeUrl);
        Assert.Equal(new Location("content/pages/second.md", 4, 3), d.Location);
    }

    [Fact]
    public void Template_values_are_escaped_by_default()
    {
        _brief.Write("content/pages/second.md", "---\ntitle: \"<script>alert('x')</script> & more\"\n---\nText.\n");
        _brief.Build();
        var html = _brief.ReadOutput("second/index.html");
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html);
    }

    [Fact]
    public void A_root_without_templates_uses_the_built_in_ones()
    {
        Assert.False(Directory.Exists(Path.Combine(_brief.Root, "templates")));
        var result = _brief.Build();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "templates/assets/site.css")), _brief.ReadOutput("assets/site.css"));
    }

    /// <summary>
    /// The built-in theme writes each page straight into base.html's output; a theme of the root's own renders the page
    /// first, as a string. The same theme both ways makes the same bytes, markup, escapes and preformatted lines included.
    /// </summary>
    [Fact]
    public void The_built_in_theme_writes_pages_into_base_html_byte_for_byte_as_the_same_theme_from_the_root()
    {
        _brief.Write("content/pages/third.md", "---\ntitle: Third & <last>\n---\n## A \"heading\"\n\nIt's said [@seed, ¶3].\n\n```\n  indented\n\tcode\n```\n\n> A quote box.\n");
        var builtIn = _brief.Check();
        Assert.True(builtIn.Succeeded, TestBrief.Lines(builtIn));

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "templates"), "*", SearchOption.AllDirectories))
        {
            _brief.Write(Path.GetRelativePath(Repo.Root, file), File.ReadAllText(file));
        }

        var fromRoot = _brief.Check();
        Assert.True(fromRoot.Succeeded, TestBrief.Lines(fromRoot));
        Assert.Equal(builtIn.Files.Select(f => f.Path), fromRoot.Files.Select(f => f.Path));
        foreach (var (a, b) in builtIn.Files.Zip(fromRoot.Files))
        {
            Assert.True(a.Bytes.AsSpan().SequenceEqual(b.Bytes), $"{a.Path} differs");
        }

        Assert.Contains("<pre><code>  indented\n\tcode\n</code></pre>", System.Text.Encoding.UTF8.GetString(builtIn.Files.Single(f => f.Path == "third/index.html").Bytes));
    }

    [Fact]
    public void Templates_in_the_root_override_the_built_in_ones_by_name()
    {
        _brief.Write("templates/base.html", "{{ content }}");
        _brief.Write("templates/home.html", "<h1>{{ site.title }}</h1>{{ page.body }}{{ include 'partials/notes.html' }}");
        _brief.Write("templates/page.html", "<h1 class=custom>{{ page.title }}</h1>");
        _brief.Build();
        Assert.Equal("<h1 class=custom>Second Page</h1>", _brief.ReadOutput("second/index.html").Trim());
        Assert.Contains("<ul class=\"bibliography\">", _brief.ReadOutput("sources/index.html"));
    }

    [Fact]
    public void Template_syntax_errors_are_reported_in_the_template_file()
    {
        _brief.Write("templates/home.html", "ok");
        _brief.Write("templates/page.html", "line one\n{{ if page.title }}\nno end");
        var result = _brief.Check();
        var d = result.Diagnostics.First(x => x.Code == DiagnosticCodes.TemplateError);
        Assert.Equal("templates/page.html", d.Location.Path);
    }

    [Fact]
    public void A_character_pair_that_two_writes_of_a_template_split_reaches_the_page_as_one_character()
    {
        // base.html writes its page straight as UTF-8: the high half of 😀 ends one write, the low half starts the next.
        // A high half that ends the page, with no low half after it, is one U+FFFD, as in the text encoded whole.
        _brief.Write("templates/base.html", "<p>{{ \"\\uD83D\" }}{{ \"\\uDE00\" }} and {{ \"\\uD83D\" }}</p>{{ content }}<p>{{ \"\\uD83D\" }}");
        var result = _brief.Check();
        Assert.True(result.Succeeded, TestBrief.Lines(result));
        var page = result.Files.Single(f => f.Path == "second/index.html").Bytes;
        var expected = System.Text.Encoding.UTF8.GetBytes("<p>\U0001F600 and \uFFFD</p>");
        Assert.True(page.AsSpan().StartsWith(expected), System.Text.Encoding.UTF8.GetString(page[..Math.Min(page.Length, 60)]));
        Assert.True(page.AsSpan().TrimEnd((byte)'\n').EndsWith("<p>\uFFFD"u8), System.Text.Encoding.UTF8.GetString(page[Math.Max(0, page.Length - 60)..]));
    }

    [Theory]
    [InlineData("{{ string.shout = 1 }}")]
    [InlineData("{{ date.now = 1 }}")]
    public void A_template_cannot_change_what_every_page_shares(string assignment)
    {
        // Every render shares Scriban's objects and BriefGen's functions: a page that changed them would change the pages after it.
        _brief.Write("templates/page.html", "line one\n" + assignment + "\n{{ url 'assets/site.css' }}");
        var result = _brief.Check();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, x => x.Code == DiagnosticCodes.TemplateError && x.Location.Path == "templates/page.html");
        Assert.Equal(2, d.Location.Line);
        Assert.Contains("(rendering /second/)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_cannot_leave_the_template_folder()
    {
        _brief.Write("secret.html", "secret");
        _brief.Write("templates/home.html", "{{ include '../secret.html' }}");
        _brief.Write("templates/page.html", "x");
        var result = _brief.Check();
        var d = result.Diagnostics.First(x => x.Code == DiagnosticCodes.TemplateError);
        Assert.Equal(new Location("templates/home.html", 1, 4), d.Location);
        Assert.DoesNotContain(result.Files, f => System.Text.Encoding.UTF8.GetString(f.Bytes).Contains("secret"));
    }

    [Fact]
    public void Included_partials_are_written_as_markup()
    {
        _brief.Write("templates/base.html", "{{ content }}");
        _brief.Write("templates/partials/x.html", "<em>{{ page.title }}</em>");
        _brief.Write("templates/home.html", "{{ include 'partials/x.html' }}{{ page.body }}{{ include 'partials/notes.html' }}");
        _brief.Write("templates/page.html", "{{ include 'partials/x.html' }}");
        _brief.Build();
        Assert.Equal("<em>Second Page</em>", _brief.ReadOutput("second/index.html").Trim());
    }
}

/// <summary>Large briefs: nothing in the templates caps loops or truncates output.</summary>
public sealed class LargeBriefTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    [Fact]
    public void A_page_over_a_megabyte_and_a_nav_over_a_thousand_entries_render_whole()
    {
        var body = string.Concat(Enumerable.Repeat("A long paragraph of text that goes on and on for the test. ", 20_000));
        _brief.Write("content/pages/second.md", "---\ntitle: Second\n---\n" + body + "\n\nTHE-END-MARKER\n");
        for (var i = 0; i < 1100; i++)
        {
            _brief.Write($"content/pages/p{i:D4}.md", $"---\ntitle: Page {i}\n---\nText.\n");
        }

        _brief.Write("content/brief.yml", "title: Test Brief\n");
        var result = _brief.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(5)));
        var html = _brief.ReadOutput("second/index.html");
        Assert.Contains("THE-END-MARKER", html);
        Assert.EndsWith("</html>\n", html);
        Assert.Contains("Page 1099", _brief.ReadOutput("index.html"));
    }
}
