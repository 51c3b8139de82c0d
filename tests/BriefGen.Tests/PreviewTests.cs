using System.Text;
using BriefGen.Cli.Serve;
using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>The preview behind <c>serve</c>: incremental rebuilds, one at a time, coalesced, surviving failure.</summary>
public sealed class PreviewTests : IDisposable
{
    private readonly TestBrief _brief = new();

    private int _saves;

    public PreviewTests()
    {
        _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\nMore text [@seed, ¶3].\n");

        // Files saved a while ago, as in a real session: the load cache trusts their time stamps (see LoadCache.TextOf).
        foreach (var file in Directory.EnumerateFiles(_brief.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Past);
        }
    }

    private static readonly DateTime Past = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes a file as a save some minutes ago, each save with its own time stamp.</summary>
    private void Save(string path, string text)
    {
        _brief.Write(path, text);
        File.SetLastWriteTimeUtc(Path.Combine(_brief.Root, path), Past.AddMinutes(++_saves));
    }

    public void Dispose() => _brief.Dispose();

    private Preview NewPreview() => new(_brief.Options(baseUrl: "/"));

    /// <summary>A preview, built once, of the brief with the page "second" linking to the heading "Where" of "third".</summary>
    private Preview LinkedToWhere()
    {
        Save("content/pages/third.md", "---\ntitle: Third\n---\n## Where\n\nText [@seed, ¶3].\n");
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nSee [there](../third/#where).\n");
        var preview = NewPreview();
        var first = preview.Run();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        return preview;
    }

    /// <summary>A rebuild that succeeds, then the print page and data files brought up to date after it.</summary>
    private static void RunAndFinish(Preview preview)
    {
        var rebuilt = preview.Run();
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        Assert.True(preview.Finish(TestContext.Current.CancellationToken)?.Succeeded ?? true);
    }

    /// <summary>A brief in a numeric style of its own (<c>styles/numeric.csl</c>) with two sources, seed and other.</summary>
    private void SaveNumberedBrief(string nav)
    {
        Save("styles/numeric.csl", """
            <?xml version="1.0" encoding="utf-8"?>
            <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
              <info><title>Numbered</title><id>numbered</id><updated>2024-01-01T00:00:00+00:00</updated></info>
              <citation><layout prefix="[" suffix="]"><text variable="citation-number"/></layout></citation>
              <bibliography><layout><text variable="citation-number" suffix=". "/><text variable="title"/></layout></bibliography>
            </style>
            """);
        Save("content/brief.yml", $"title: Test Brief\nsummary: A brief for tests.\nnav: {nav}\ncsl: styles/numeric.csl\n");
        Save("content/sources.yml", "- id: seed\n  type: report\n  title: Seed report\n  text: ../seeds/seed.txt\n- id: other\n  type: report\n  title: Other report\n  text: ../seeds/seed.txt\n");
    }

    /// <summary>Every file a full build of the brief writes is served by <paramref name="preview"/>, byte for byte.</summary>
    private void AssertServesAFullBuild(Preview preview)
    {
        var full = new Build.Builder(_brief.Options(baseUrl: "/")).Check();
        Assert.True(full.Succeeded, TestBrief.Lines(full));
        foreach (var file in full.Files)
        {
            Assert.True(file.Bytes.AsSpan().SequenceEqual(preview.Site[file.Path]), $"{file.Path} differs from a full build");
        }
    }

    private static string Text(Preview preview, string path) => Encoding.UTF8.GetString(preview.Site[path]);

    /// <summary>Two texts with the same words on one page (two figures citing one paragraph) are two marks of one note.</summary>
    [Fact]
    public void Two_figures_citing_the_same_paragraph_are_two_marks_as_in_a_full_build()
    {
        Save("content/figures.yml",
            "- id: crossed\n  value: \"470,000\"\n  label: crossed\n  cite: \"[@seed, ¶2]\"\n" +
            "- id: again\n  value: \"470,000\"\n  label: crossed again\n  cite: \"[@seed, ¶2]\"\n");
        var preview = NewPreview();
        var run = preview.Run();
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        preview.Finish(TestContext.Current.CancellationToken);
        AssertServesAFullBuild(preview);
        var figures = Text(preview, "figures/index.html");
        Assert.Contains("id=\"cite-1-1\"", figures);
        Assert.Contains("id=\"cite-1-2\"", figures);
    }

    [Fact]
    public void A_rebuild_renders_only_the_pages_whose_inputs_changed()
    {
        var preview = NewPreview();
        var first = preview.Run();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(first.Pages, first.Rendered);

        var unchanged = preview.Run();
        Assert.True(unchanged.Succeeded);
        Assert.Empty(unchanged.RenderedPaths);

        // New words on one page: that page at once; then the print page, which holds every page, and the data files.
        Save("content/pages/third.md", "---\ntitle: Third\n---\nOther text [@seed, ¶3].\n");
        var edit = preview.Run();
        Assert.Equal(["third/index.html"], edit.RenderedPaths);
        Assert.Contains("Other text", Text(preview, "third/index.html"));
        Assert.DoesNotContain("Other text", Text(preview, "print/index.html"));
        var rest = preview.Finish(TestContext.Current.CancellationToken);
        Assert.NotNull(rest);
        Assert.True(rest.FollowUp && rest.Succeeded);
        Assert.Equal(["print/index.html"], rest.RenderedPaths);
        Assert.Contains("Other text", Text(preview, "print/index.html"));
        Assert.Contains("Other text", Text(preview, "assets/search-index.js"));
        Assert.Null(preview.Finish(TestContext.Current.CancellationToken));

        // A new title is shown wherever the page is linked: every page's menu or prev/next.
        Save("content/pages/third.md", "---\ntitle: Third Renamed\n---\nOther text [@seed, ¶3].\n");
        var renamed = preview.Run();
        Assert.Contains("second/index.html", renamed.RenderedPaths);
        Assert.Contains("Third Renamed", Text(preview, "second/index.html"));

        // A new citation changes the source's page, which lists where it is cited.
        Save("content/pages/third.md", "---\ntitle: Third Renamed\n---\nOther text [@seed, ¶3] and [@seed, ¶2].\n");
        var cited = preview.Run();
        Assert.Contains("sources/seed/index.html", cited.RenderedPaths);
        Assert.DoesNotContain("second/index.html", cited.RenderedPaths);
    }

    [Fact]
    public void A_follow_up_stopped_by_a_newer_save_leaves_the_site_as_it_was_and_the_next_rebuild_finishes_it()
    {
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        Save("content/pages/third.md", "---\ntitle: Third\n---\nOther text [@seed, ¶3].\n");
        Assert.True(preview.Run().Succeeded);
        var before = preview.Site;

        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        Assert.Null(preview.Finish(stopped.Token));
        Assert.Same(before, preview.Site); // Nothing of it was served.
        Assert.True(preview.HasFollowUp);

        // The newer save, rebuilt; its follow-up holds both edits.
        Save("content/pages/third.md", "---\ntitle: Third\n---\nNewer text [@seed, ¶3].\n");
        Assert.True(preview.Run().Succeeded);
        var rest = preview.Finish(TestContext.Current.CancellationToken);
        Assert.True(rest is { Succeeded: true, FollowUp: true });
        Assert.False(preview.HasFollowUp);
        AssertServesAFullBuild(preview);

        Assert.Contains("Newer text", Text(preview, "print/index.html"));
    }

    [Fact]
    public void The_print_page_and_the_data_files_stop_when_told_and_report_nothing()
    {
        var diagnostics = new DiagnosticBag();
        var site = new Build.Builder(_brief.Options(baseUrl: "/")).Prepare(diagnostics);
        Assert.NotNull(site);
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        var going = TestContext.Current.CancellationToken;

        Assert.ThrowsAny<OperationCanceledException>(() => site.PrintView(stopped.Token));
        var view = site.PrintView(going);
        Assert.ThrowsAny<OperationCanceledException>(() => site.Render(view, stopped.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => site.DataFiles(["index.html"], stopped.Token).ToList());
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.Severity == Severity.Error);

        // Not stopped, the same view renders, and the contexts a stopped render used are not left stopped; the notes the
        // stopped view began to format are formatted in full.
        var print = site.Render(view, going)!.Bytes;
        Assert.Contains("Third", Encoding.UTF8.GetString(print));
        var full = new Build.Builder(_brief.Options(baseUrl: "/")).Check();
        Assert.Equal(full.Files.Single(f => f.Path == "print/index.html").Bytes, print);
        Assert.Contains(site.DataFiles(["index.html"], going), f => f.Path == "assets/search-index.js");
        Assert.NotNull(site.Render(site.Views().First(v => v.SitePath == "third/"), going));
    }

    [Fact]
    public async Task A_save_while_the_follow_up_runs_stops_it_and_is_rebuilt_at_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var rebuilds = 0;
        var followUps = new List<bool>(); // Whether each follow-up was stopped.
        var inFollowUp = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var queue = new RebuildQueue(
            () =>
            {
                if (Interlocked.Increment(ref rebuilds) == 2)
                {
                    second.TrySetResult();
                }

                return new Rebuild(true, [], [], 0, TimeSpan.Zero, []);
            },
            _ => { },
            e => Assert.Fail(e.ToString()),
            TimeSpan.FromMilliseconds(5),
            TimeSpan.FromMilliseconds(5),
            token =>
            {
                // A follow-up that would take a minute unless stopped.
                inFollowUp.TrySetResult();
                var stopped = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
                lock (followUps)
                {
                    followUps.Add(stopped);
                }

                return null;
            },
            TimeSpan.FromMilliseconds(20));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);

        queue.Request();
        await inFollowUp.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        queue.Request();
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the save waited {clock.Elapsed.TotalSeconds:F1} s for the follow-up");
        await stop.CancelAsync();
        await loop;
        lock (followUps)
        {
            Assert.True(followUps[0], "the follow-up ran on after the save");
        }
    }

    /// <summary>
    /// The incremental site must be the site a full build makes: after each kind of edit — words, a citation, a
    /// quotation, a cross-link, a heading, a title, a source, a page added and removed — every file is compared. Either
    /// the preview looks at every file's stamp, or it is told the file that changed, as <c>serve</c>'s watcher tells it.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void After_every_kind_of_edit_the_preview_serves_what_a_full_build_makes(bool told)
    {
        var preview = NewPreview();
        Assert.True(preview.Run(told ? new HashSet<string>() : null).Succeeded);
        var edits = new (string Path, string? Text)[]
        {
            ("content/pages/third.md", "---\ntitle: Third\n---\nMore words [@seed, ¶3].\n"),
            ("content/pages/third.md", "---\ntitle: Third\n---\nSome words [@seed, ¶3].\n"), // The same size, at once (just now).
            ("content/pages/third.md", "---\ntitle: Third\n---\nSome words [@seed, ¶3]. A record [@seed, ¶2].\n"),
            ("content/pages/third.md", "---\ntitle: Third\n---\nThe judge said “You’re not even asking the key question” [@seed, ¶3].\n"),
            ("content/pages/third.md", "---\ntitle: Third\n---\nSee [[second]] [@seed, ¶3].\n"),
            ("content/pages/third.md", "---\ntitle: Third\n---\n## Where\n\nSee [[second]] [@seed, ¶3].\n"),
            ("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\n## A heading\n\nOther text, see [[third]].\n"),
            ("content/pages/third.md", "---\ntitle: Third Renamed\n---\n## Where\n\nSee [[second]] [@seed, ¶3].\n"),
            ("content/sources.yml", "- id: seed\n  type: article-newspaper\n  title: \"[Renamed report]\"\n  text: ../seeds/seed.txt\n  publish_text: false\n"),
            ("content/pages/fourth.md", "---\ntitle: Fourth\n---\nA new page [@seed, ¶1].\n"),
            ("content/pages/fourth.md", null),
            ("content/pages/third.md", "---\ntitle: Third Renamed\n---\nNo link now [@seed, ¶1].\n"),
            ("content/pages/fifth.md", "---\ntitle: Fifth\n---\nA fifth page [@seed, ¶1].\n"), // Outside nav, by id: before third.
            ("content/pages/third.md", "---\ntitle: Third Renamed\norder: 1\n---\nNo link now [@seed, ¶1].\n"), // By order: now before fifth.
            ("content/pages/third.md", "---\ntitle: Third Renamed\norder: 1\n---\nWords again [@seed, ¶2].\n"),
            ("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\n## A heading\n\nOther words, see [[third]].\n"),
        };

        var compared = new List<int>();
        var pages = new List<int>();
        foreach (var (path, text, i) in edits.Select((e, i) => (e.Path, e.Text, i)))
        {
            if (text is null)
            {
                _brief.Delete(path);
            }
            else if (i < 2)
            {
                _brief.Write(path, text); // Just now: its time stamp is not trusted, so it is read again.
            }
            else
            {
                Save(path, text);
            }

            var run = preview.Run(told ? new HashSet<string> { Path.GetFullPath(Path.Combine(_brief.Root, path)) } : null);
            Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
            compared.Add(run.ViewsBuilt);
            pages.Add(run.Pages);
            Assert.True(preview.Finish(TestContext.Current.CancellationToken)?.Succeeded ?? true);

            var full = new Build.Builder(_brief.Options(baseUrl: "/")).Check();
            Assert.True(full.Succeeded, TestBrief.Lines(full));
            var expected = full.Files.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), preview.Site.Keys.Order(StringComparer.Ordinal));
            foreach (var (file, bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(preview.Site[file]), $"after writing {path}: {file} differs from a full build");
            }
        }

        // Edits to the words of pages took the fast path (a few views built); a title, a source, a new page did not.
        Assert.Equal([1, 1], compared.Take(2));
        Assert.All(new[] { 2, 3, 4, 5, 6, 11, 14, 15 }, i => Assert.True(compared[i] < pages[i], $"edit {i} built all {pages[i]} views"));
        Assert.All(new[] { 7, 8, 9, 10, 12, 13 }, i => Assert.Equal(pages[i], compared[i]));
        Assert.Equal(pages[8] + 1, pages[9]); // With the new page.
    }

    /// <summary>
    /// The checks of every text (raw HTML, citations, cross-links, footnote references, placeholders) keep what they
    /// found in texts that did not change: a rebuild reads only the edited text again, unless what the checks read
    /// besides it (the sources, the ids) changed, and it reports all that a full build reports either way.
    /// </summary>
    [Fact]
    public void A_rebuild_checks_only_the_edited_text_and_still_reports_every_finding()
    {
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nSee [[nowhere]], <b>bold</b> and a note[^gone].\n\n[//]: # (briefgen-placeholder: write here)\n");
        Save("content/pages/third.md", "---\ntitle: Third\n---\nText [@seed, ¶9].\n");
        var options = _brief.Options(baseUrl: "/");
        var cache = new Build.BuildCache();
        string Found(Build.BuildResult result) => string.Join("\n", result.Diagnostics);
        string Full() => Found(new Build.Builder(options).Check());
        int Misses() => cache.Resolve.CitationChecks.Misses + cache.Resolve.LinkChecks.Texts.Misses + cache.Resolve.FootnoteChecks.Misses +
                        cache.Resolve.MarkdownChecks.Misses + cache.Resolve.PlaceholderChecks.Misses;
        var texts = new Build.Builder(options).Prepare(new BriefGen.Diagnostics.DiagnosticBag())!.Brief.Parsed.All().Count();

        var first = Found(new Build.Builder(options, cache).Check());
        Assert.Equal(Full(), first);
        foreach (var code in new[] { "BG0301", "BG0102", "BG0012", "BG0114", "BG0602" })
        {
            Assert.Contains(code, first, StringComparison.Ordinal);
        }

        // One page's words: that page's body is read again by each of the five checks (four over every text, one over pages).
        var before = Misses();
        Save("content/pages/third.md", "---\ntitle: Third\n---\nOther text [@seed, ¶8].\n");
        var edited = Found(new Build.Builder(options, cache).Check());
        Assert.Equal(Full(), edited);
        Assert.Contains("¶8", edited, StringComparison.Ordinal);
        Assert.Equal(5, Misses() - before);

        // A new source: the citation and link checks read every text again; the others read only what changed (nothing).
        before = Misses();
        Save("content/sources.yml", "- id: seed\n  type: article-newspaper\n  title: \"[Test report]\"\n  text: ../seeds/seed.txt\n  publish_text: false\n" +
                                    "- id: nowhere\n  type: webpage\n  title: Nowhere\n  url: https://example.org/\n");
        var sourced = Found(new Build.Builder(options, cache).Check());
        Assert.Equal(Full(), sourced);
        Assert.DoesNotContain("[[nowhere]] names no page", sourced, StringComparison.Ordinal);
        Assert.Equal(2 * texts, Misses() - before);
    }

    /// <summary>
    /// The link checks keep the site's paths between rebuilds while the pages, entities, sources and tags are the same: a
    /// page that appears or goes is a change of them, and an unchanged page's link to it is checked again.
    /// </summary>
    [Fact]
    public void A_link_in_an_unchanged_page_is_checked_again_when_the_page_it_names_appears_or_goes()
    {
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nSee [the fourth](/fourth/).\n");
        var preview = NewPreview();
        static bool Broken(Rebuild run) => run.Diagnostics.Any(d => d.Code == DiagnosticCodes.BrokenContentLink);
        Assert.True(Broken(preview.Run()));

        // An edit elsewhere that keeps the site: the kept finding is reported again.
        Save("content/pages/third.md", "---\ntitle: Third\n---\nOther text [@seed, ¶3].\n");
        Assert.True(Broken(preview.Run(new HashSet<string> { Path.Combine(_brief.Root, "content/pages/third.md") })));

        var fourth = Path.Combine(_brief.Root, "content/pages/fourth.md");
        Save("content/pages/fourth.md", "---\ntitle: Fourth\n---\nText [@seed, ¶2].\n");
        var added = preview.Run(new HashSet<string> { fourth });
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.False(Broken(added));

        File.Delete(fourth);
        Assert.True(Broken(preview.Run(new HashSet<string> { fourth })));
    }

    /// <summary>
    /// The parsed texts by id are patched from the last rebuild while the pages' ids stay the same: a page's summary
    /// written, changed and taken out again shows as a full build shows it each time.
    /// </summary>
    [Fact]
    public void A_summary_written_changed_and_taken_out_again_shows_as_a_full_build_shows_it()
    {
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        foreach (var summary in new[] { "A first summary.", "A second summary.", null })
        {
            var front = summary is null ? "" : $"summary: {summary}\n";
            Save("content/pages/third.md", "---\ntitle: Third\n" + front + "---\nMore text [@seed, ¶3].\n");
            RunAndFinish(preview);
            AssertServesAFullBuild(preview);
            var page = Text(preview, "third/index.html");
            Assert.Equal(summary is not null, page.Contains(summary ?? "summary.", StringComparison.Ordinal));
            Assert.DoesNotContain(summary == "A second summary." ? "A first summary." : "A second summary.", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_edit_that_removes_an_anchor_another_page_links_to_fails_the_fast_path_too()
    {
        var preview = LinkedToWhere();

        Save("content/pages/third.md", "---\ntitle: Third\n---\n## Elsewhere\n\nText [@seed, ¶3].\n");
        var run = preview.Run();
        Assert.False(run.Succeeded);
        Assert.Contains(run.Diagnostics, d => d.Code == "BG0303" && d.Message.Contains("'where'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_renamed_with_the_link_to_it_in_one_rebuild_succeeds_before_the_print_page_is_redone()
    {
        var preview = LinkedToWhere();

        // Both files saved before the rebuild: the pages go first; the print page, which still has the old link, follows.
        Save("content/pages/third.md", "---\ntitle: Third\n---\n## Elsewhere\n\nText [@seed, ¶3].\n");
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nSee [there](../third/#elsewhere).\n");
        var run = preview.Run();
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        Assert.DoesNotContain("print/index.html", run.RenderedPaths);
        var rest = preview.Finish(TestContext.Current.CancellationToken);
        Assert.NotNull(rest);
        Assert.True(rest.Succeeded, string.Join("\n", rest.Diagnostics));
        Assert.Contains("print/index.html", rest.RenderedPaths);
        Assert.Contains("../third/#elsewhere", Text(preview, "print/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_rebuild_that_fails_its_link_check_the_next_one_serves_what_a_full_build_makes()
    {
        var preview = LinkedToWhere();
        var good = preview.Site;

        // The anchor goes: the rebuild fails in the output link check, and the last good site stays served.
        Save("content/pages/third.md", "---\ntitle: Third\n---\n## Elsewhere\n\nText [@seed, ¶3].\n");
        Assert.False(preview.Run().Succeeded);
        Assert.Same(good, preview.Site);

        // The link goes too: now the rebuild succeeds, and it is the site a full build makes.
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nSee [there](../third/).\n");
        RunAndFinish(preview);
        var full = new Build.Builder(_brief.Options(baseUrl: "/")).Check();
        Assert.Equal(full.Files.Select(f => f.Path).Order(StringComparer.Ordinal), preview.Site.Keys.Order(StringComparer.Ordinal));
        Assert.All(full.Files, f => Assert.True(f.Bytes.AsSpan().SequenceEqual(preview.Site[f.Path]), f.Path));

        // The anchor's link again, to the heading that is gone: failing again shows the failed scan was not kept.
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nSee [there](../third/#where).\n");
        var again = preview.Run();
        Assert.False(again.Succeeded);
        Assert.Contains(again.Diagnostics, d => d.Message.Contains("'where'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_citation_style_re_renders_in_text_citations_and_footnotes()
    {
        _brief.Write("content/sources.yml", "- id: seed\n  type: book\n  title: Beta\n  author: [{ family: Adams, given: Bo }]\n  issued: 2020\n  text: ../seeds/seed.txt\n");
        _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\n@seed [¶3] says so.[^1]\n\n[^1]: As [@seed, ¶2] has it.\n");
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        Assert.Contains("<span class=\"cite-author\">Adams</span><sup", Text(preview, "third/index.html"));

        _brief.Write("content/brief.yml", "title: Test Brief\nsummary: A brief for tests.\nnav: [index, second]\ncsl: apa\n");
        var restyled = preview.Run();
        Assert.Contains("third/index.html", restyled.RenderedPaths);
        var html = Text(preview, "third/index.html");
        Assert.Contains("<span class=\"cite-author\">Adams</span> <span class=\"cite cite-in-text\"", html);
        Assert.Contains("As <span class=\"cite-in-note\">(Adams, 2020, para. 2)</span> has it.", html);
    }

    /// <summary>
    /// In a numeric style a source's number is the order in which the brief first cites it, pages taken in reading order:
    /// a page moved ahead by its <c>order</c> renumbers the sources, and the preview shows what a full build does.
    /// </summary>
    [Fact]
    public void A_page_moved_by_its_order_renumbers_the_sources_of_a_numeric_style()
    {
        SaveNumberedBrief("[index]"); // Pages outside nav go by order.
        Save("content/pages/index.md", "---\ntitle: Home\n---\nWelcome.\n");
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nOne report [@other, ¶1].\n");
        Save("content/pages/third.md", "---\ntitle: Third\norder: 3\n---\nAnother report [@seed, ¶2].\n");
        var preview = NewPreview();
        var first = preview.Run();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Contains("data-note=\"note-1\">[1]", Text(preview, "second/index.html"));
        Assert.Contains("data-note=\"note-1\">[2]", Text(preview, "third/index.html"));

        Save("content/pages/third.md", "---\ntitle: Third\norder: 1\n---\nAnother report [@seed, ¶2].\n");
        RunAndFinish(preview);
        Assert.Contains("data-note=\"note-1\">[2]", Text(preview, "second/index.html"));
        Assert.Contains("data-note=\"note-1\">[1]", Text(preview, "third/index.html"));
        AssertServesAFullBuild(preview);
    }

    /// <summary>
    /// The first-cited order is kept between rebuilds while every page cites the same keys in the same order: an edit of a
    /// page's words keeps the numbers, and an edit that cites the sources the other way round renumbers them at once.
    /// </summary>
    [Fact]
    public void An_edit_that_cites_the_sources_the_other_way_round_renumbers_them()
    {
        SaveNumberedBrief("[index, second, third]");
        Save("content/pages/index.md", "---\ntitle: Home\n---\nWelcome.\n");
        Save("content/pages/second.md", "---\ntitle: Second Page\n---\nOne report [@other, ¶1]. Another [@seed, ¶2].\n");
        Save("content/pages/third.md", "---\ntitle: Third\n---\nThe other report again [@other, ¶3].\n");
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        Assert.Contains("data-note=\"note-1\">[1]", Text(preview, "third/index.html"));

        Save("content/pages/second.md", "---\ntitle: Second Page\n---\nOne report, in other words [@other, ¶1]. Another [@seed, ¶2].\n");
        Assert.True(preview.Run().Succeeded);
        Assert.Contains("data-note=\"note-1\">[1]", Text(preview, "third/index.html"));
        Assert.Contains("in other words", Text(preview, "second/index.html"));

        Save("content/pages/second.md", "---\ntitle: Second Page\n---\nAnother [@seed, ¶2]. One report [@other, ¶1].\n");
        RunAndFinish(preview);
        AssertServesAFullBuild(preview);
        Assert.Contains("data-note=\"note-1\">[2]", Text(preview, "third/index.html"));
    }

    /// <summary>
    /// The tag index is kept while every page carries the same tags: an edit of a tagged page's words lists the page as
    /// it now is, and an edit of its tags moves it to the other tag's page, as a full build does.
    /// </summary>
    [Fact]
    public void A_tagged_page_edited_in_its_words_then_its_tags_is_listed_where_a_full_build_lists_it()
    {
        Save("content/pages/second.md", "---\ntitle: Second Page\ntags: [courts, mpp]\n---\nSome text [@seed, ¶1].\n");
        Save("content/pages/third.md", "---\ntitle: Third\ntags: [courts]\n---\nMore text [@seed, ¶2].\n");
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        Assert.Contains("Second Page", Text(preview, "tags/mpp/index.html"));

        Save("content/pages/second.md", "---\ntitle: Second Page\ntags: [courts, mpp]\n---\nOther words [@seed, ¶1].\n");
        RunAndFinish(preview);
        AssertServesAFullBuild(preview);

        Save("content/pages/third.md", "---\ntitle: Third\ntags: [mpp]\n---\nMore text [@seed, ¶2].\n");
        RunAndFinish(preview);
        Assert.Contains("Third", Text(preview, "tags/mpp/index.html"));
        Assert.DoesNotContain("Third", Text(preview, "tags/courts/index.html"));
        AssertServesAFullBuild(preview);
    }

    /// <summary>
    /// The id index is kept while every id names the same target, and what it reported is reported again: a duplicate id
    /// fails every rebuild until it is fixed, whatever else is edited meanwhile.
    /// </summary>
    [Fact]
    public void A_duplicate_id_is_reported_on_every_rebuild_until_it_is_fixed()
    {
        Save("content/pages/fourth.md", "---\nid: third\ntitle: Fourth\n---\nText [@seed, ¶1].\n");
        var preview = NewPreview();
        var first = preview.Run();
        Assert.False(first.Succeeded);
        var duplicates = first.Diagnostics.Where(d => d.Message.StartsWith("duplicate id 'third'", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, duplicates.Count);

        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nOther words [@seed, ¶1].\n");
        var again = preview.Run();
        Assert.False(again.Succeeded);
        Assert.Equal(duplicates, again.Diagnostics.Where(d => d.Message.StartsWith("duplicate id 'third'", StringComparison.Ordinal)));

        Save("content/pages/fourth.md", "---\nid: fourth\ntitle: Fourth\n---\nText [@seed, ¶1].\n");
        var fixedRun = preview.Run();
        Assert.True(fixedRun.Succeeded, string.Join("\n", fixedRun.Diagnostics));
        Assert.True(preview.Finish(TestContext.Current.CancellationToken)?.Succeeded ?? true);
        AssertServesAFullBuild(preview);
    }

    [Fact]
    public void A_failed_rebuild_keeps_the_last_good_site()
    {
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        var before = preview.Site;

        _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\nBroken [@nowhere, ¶2].\n");
        var failed = preview.Run();
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.Code == "BG0101");
        Assert.Same(before, preview.Site);

        // Fixed again: the page the failed build would have changed is rendered from the fixed text.
        _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\nFixed [@seed, ¶2].\n");
        Assert.True(preview.Run().Succeeded);
        Assert.Contains("Fixed", Text(preview, "third/index.html"));
    }

    /// <summary>
    /// Told which files changed (serve's watcher), a rebuild does not look at the other files of content/ it read
    /// cleanly: a file changed behind the watcher's back is still served as it was, until the watcher names it or
    /// cannot tell what changed.
    /// </summary>
    [Fact]
    public void A_rebuild_told_which_files_changed_looks_only_at_those()
    {
        var preview = NewPreview();
        Assert.True(preview.Run(new HashSet<string>()).Succeeded);
        string Full(string path) => Path.GetFullPath(Path.Combine(_brief.Root, path));

        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nUnseen words.\n");
        Save("content/pages/third.md", "---\ntitle: Third\n---\nSeen words [@seed, ¶3].\n");
        Assert.True(preview.Run(new HashSet<string> { Full("content/pages/third.md") }).Succeeded);
        Assert.Contains("Seen words", Text(preview, "third/index.html"));
        Assert.DoesNotContain("Unseen words", Text(preview, "second/index.html"));

        // A new page, named: listed, though no other file of its folder was looked at.
        Save("content/pages/fourth.md", "---\ntitle: Fourth\n---\nA new page [@seed, ¶1].\n");
        Assert.True(preview.Run(new HashSet<string> { Full("content/pages/fourth.md") }).Succeeded);
        Assert.Contains("A new page", Text(preview, "fourth/index.html"));
        Assert.DoesNotContain("Unseen words", Text(preview, "second/index.html"));

        // The watcher cannot tell (it lost events): every file is looked at again.
        Assert.True(preview.Run(null).Succeeded);
        Assert.Contains("Unseen words", Text(preview, "second/index.html"));
    }

    /// <summary>
    /// Told which files changed, a rebuild takes what the last one loaded from every other page whole. A save that a
    /// rebuild saw but did not get as far as loading (brief.yml was gone) is loaded by the next rebuild, though the
    /// watcher names it only once; so is a page whose last load failed, and a page saved with the text it had.
    /// </summary>
    [Fact]
    public void A_rebuild_told_what_changed_loads_every_page_a_stopped_rebuild_left_unloaded()
    {
        var preview = NewPreview();
        Assert.True(preview.Run(new HashSet<string>()).Succeeded);
        string Full(string path) => Path.GetFullPath(Path.Combine(_brief.Root, path));
        var brief = File.ReadAllText(Path.Combine(_brief.Root, "content/brief.yml"));

        _brief.Delete("content/brief.yml");
        Save("content/pages/third.md", "---\ntitle: Third\n---\nWords seen late [@seed, ¶3].\n");
        Assert.False(preview.Run(new HashSet<string> { Full("content/brief.yml"), Full("content/pages/third.md") }).Succeeded);
        Save("content/brief.yml", brief);
        var run = preview.Run(new HashSet<string> { Full("content/brief.yml") });
        Assert.True(run.Succeeded, string.Join("\n", run.Diagnostics));
        Assert.Contains("Words seen late", Text(preview, "third/index.html"));

        // A page whose front matter fails, then is fixed: the failure is reported each time until the fix is loaded.
        Save("content/pages/second.md", "---\ntitle: [Second\n---\nBroken.\n");
        Assert.False(preview.Run(new HashSet<string> { Full("content/pages/second.md") }).Succeeded);
        var again = preview.Run(new HashSet<string>());
        Assert.False(again.Succeeded);
        Assert.Contains(again.Diagnostics, d => d.Location.Path == "content/pages/second.md" && d.Severity == Severity.Error);
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nMended words.\n");
        Assert.True(preview.Run(new HashSet<string> { Full("content/pages/second.md") }).Succeeded);
        Assert.Contains("Mended words", Text(preview, "second/index.html"));

        // The same text saved again, and a rebuild told nothing: served as before.
        Save("content/pages/second.md", "---\ntitle: Second Page\norder: 2\n---\nMended words.\n");
        Assert.True(preview.Run(new HashSet<string> { Full("content/pages/second.md") }).Succeeded);
        Assert.True(preview.Run(new HashSet<string>()).Succeeded);
        Assert.True(preview.Finish(TestContext.Current.CancellationToken)?.Succeeded ?? true);
        AssertServesAFullBuild(preview);
    }

    /// <summary>
    /// Sources written just before <c>serve</c> starts (a checkout, a generator) cannot be trusted by their stamps, so
    /// each rebuild reads them again; when they hold what was read before, the sources are the same ones, and an edit to
    /// a page still renders only what it changed. A source text changed within one tick of the clock, at the same size,
    /// is still seen.
    /// </summary>
    [Fact]
    public void Sources_written_just_before_the_first_build_are_read_again_and_an_edit_still_takes_the_fast_path()
    {
        const string Quote = "The judge said “You’re not even asking the key question” [@seed, ¶3].";
        Save("content/pages/third.md", $"---\ntitle: Third\n---\n{Quote}\n");
        var soon = DateTime.UtcNow.AddHours(1); // Ahead of the clock: no file settles while the test runs.
        foreach (var file in Directory.EnumerateFiles(_brief.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, soon);
        }

        var preview = NewPreview();
        var first = preview.Run();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        Save("content/pages/third.md", $"---\ntitle: Third\n---\nOther words. {Quote}\n");
        var edit = preview.Run();
        Assert.True(edit.Succeeded, string.Join("\n", edit.Diagnostics));
        Assert.Equal(1, edit.ViewsBuilt);
        Assert.Equal(["third/index.html"], edit.RenderedPaths);

        // The same size, the same stamp, another word: the quotation no longer stands in the source.
        var seed = Path.Combine(_brief.Root, "seeds/seed.txt");
        File.WriteAllText(seed, File.ReadAllText(seed).Replace("key question", "big question", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(seed, soon);
        var racy = preview.Run();
        Assert.False(racy.Succeeded);
        Assert.Contains(racy.Diagnostics, d => d.Location.Path == "content/pages/third.md" && d.Message.Contains("key question", StringComparison.Ordinal));

        File.WriteAllText(seed, File.ReadAllText(seed).Replace("big question", "key question", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(seed, soon);
        var back = preview.Run();
        Assert.True(back.Succeeded, string.Join("\n", back.Diagnostics));
        Assert.True(preview.Finish(TestContext.Current.CancellationToken)?.Succeeded ?? true);
        AssertServesAFullBuild(preview);
    }

    [Fact]
    public void The_files_a_build_read_are_reported_for_watching()
    {
        var run = NewPreview().Run();
        Assert.Contains("content/pages/third.md", run.FilesRead);
        Assert.Contains("content/sources.yml", run.FilesRead);
        Assert.Contains("seeds/seed.txt", run.FilesRead);
    }

    [Fact]
    public async Task Ten_saves_within_200_ms_end_with_the_last_text_served_and_each_save_reported_once_at_most()
    {
        var cancel = TestContext.Current.CancellationToken;
        var preview = NewPreview();
        Assert.True(preview.Run().Succeeded);
        var results = new List<Rebuild>();
        var running = 0;
        var overlapped = false;
        var queue = new RebuildQueue(
            () =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                try
                {
                    return preview.Run();
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            },
            r => { lock (results) { results.Add(r); } },
            e => Assert.Fail(e.ToString()),
            TimeSpan.FromMilliseconds(3),
            TimeSpan.FromMilliseconds(25));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);

        for (var i = 0; i < 10; i++)
        {
            // As the watcher does: a change when the editor truncates the file, and one when it has written it. A
            // rebuild that reads the file in between is not reported: the second change follows it within the quiet time.
            queue.Request();
            _brief.Write("content/pages/third.md", $"---\ntitle: Third\n---\nSave number {i} [@seed, ¶3].\n");
            queue.Request();
            await Task.Delay(18, cancel);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Text(preview, "third/index.html").Contains("Save number 9", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the last save was never served");
            await Task.Delay(10, cancel);
        }

        await Task.Delay(300, cancel);
        await stop.CancelAsync();
        await loop;
        Assert.Contains("Save number 9", Text(preview, "third/index.html"));
        Assert.False(overlapped, "two rebuilds ran at once");
        // A save's two changes come well within the quiet time, so a rebuild that read between them is not
        // reported: one report per save at most, however the saves and rebuilds fell.
        Assert.InRange(results.Count, 1, 10);
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task A_rebuild_starts_only_once_the_folder_has_been_still_since_its_last_change()
    {
        var cancel = TestContext.Current.CancellationToken;
        var settle = TimeSpan.FromMilliseconds(40);
        var requests = new List<long>();
        var starts = new List<long>();
        var done = new TaskCompletionSource();
        var queue = new RebuildQueue(
            () =>
            {
                lock (starts)
                {
                    starts.Add(System.Diagnostics.Stopwatch.GetTimestamp());
                }

                return new Rebuild(true, [], [], 0, TimeSpan.Zero, []);
            },
            _ => done.TrySetResult(),
            e => Assert.Fail(e.ToString()),
            settle,
            TimeSpan.FromMilliseconds(5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);

        // A burst of changes, as an editor's save makes them: the rebuild waits for the last one, however many came.
        for (var i = 0; i < 8; i++)
        {
            lock (starts)
            {
                requests.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            }

            queue.Request();
            await Task.Delay(5, cancel);
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel);
        await stop.CancelAsync();
        await loop;
        lock (starts)
        {
            Assert.NotEmpty(starts);
            foreach (var start in starts)
            {
                var last = requests.Where(r => r <= start).Max();
                Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(last, start) >= settle - TimeSpan.FromMilliseconds(1),
                    $"a rebuild started {System.Diagnostics.Stopwatch.GetElapsedTime(last, start).TotalMilliseconds:F1} ms after a change, before the folder was still");
            }
        }
    }

    [Fact]
    public async Task A_save_is_rebuilt_without_waiting_out_the_quiet_time_first()
    {
        var cancel = TestContext.Current.CancellationToken;
        var started = new TaskCompletionSource<long>();
        var reported = new TaskCompletionSource<long>();
        var queue = new RebuildQueue(
            () =>
            {
                started.TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp());
                return new Rebuild(true, [], [], 0, TimeSpan.Zero, []);
            },
            _ => reported.TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp()),
            e => Assert.Fail(e.ToString()),
            TimeSpan.FromMilliseconds(2),
            TimeSpan.FromSeconds(3));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);
        var asked = System.Diagnostics.Stopwatch.GetTimestamp();
        queue.Request();
        var start = await started.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel);
        var report = await reported.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel);
        await stop.CancelAsync();
        await loop;

        // The quiet time guards the result, after the start: it is not waited out before the rebuild, nor after it.
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(asked, start) < TimeSpan.FromSeconds(1.5),
            $"the rebuild started {System.Diagnostics.Stopwatch.GetElapsedTime(asked, start).TotalMilliseconds:F0} ms after the save");
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(asked, report) < TimeSpan.FromSeconds(1.5),
            $"the result was handed on {System.Diagnostics.Stopwatch.GetElapsedTime(asked, report).TotalMilliseconds:F0} ms after the save");
    }

    [Fact]
    public async Task A_rebuild_that_a_change_follows_within_the_quiet_time_is_not_reported_and_the_next_one_is()
    {
        // The editor's write lands while the first rebuild reads the file: what it read may be half of it.
        var reported = await ReportedWhenAChangeFollows(TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        Assert.Equal([2], reported);
    }

    [Fact]
    public async Task A_rebuild_that_a_change_follows_after_the_quiet_time_is_reported_and_then_the_change()
    {
        // A new save, well after the first rebuild read the files: what it read was a whole save.
        var reported = await ReportedWhenAChangeFollows(TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(20));
        Assert.Equal([1, 2], reported);
    }

    /// <summary>
    /// The rebuilds a queue reports (each by its number) when a change is asked for <paramref name="after"/> into the
    /// first rebuild, with a quiet time of <paramref name="quiet"/>.
    /// </summary>
    private static async Task<List<int>> ReportedWhenAChangeFollows(TimeSpan after, TimeSpan quiet)
    {
        var cancel = TestContext.Current.CancellationToken;
        var calls = 0;
        RebuildQueue? queue = null;
        var reported = new List<int>();
        var second = new TaskCompletionSource();
        queue = new RebuildQueue(
            () =>
            {
                if (++calls == 1)
                {
                    Thread.Sleep(after);
                    queue!.Request();
                }

                return new Rebuild(true, [], [], calls, TimeSpan.Zero, []);
            },
            r =>
            {
                lock (reported)
                {
                    reported.Add(r.Pages);
                }

                if (r.Pages == 2)
                {
                    second.TrySetResult();
                }
            },
            e => Assert.Fail(e.ToString()),
            TimeSpan.FromMilliseconds(2),
            quiet);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);
        queue.Request();
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel);
        await Task.Delay(100, cancel);
        await stop.CancelAsync();
        await loop;
        Assert.Equal(2, calls);
        lock (reported)
        {
            return [.. reported];
        }
    }

    [Fact]
    public async Task A_rebuild_that_throws_is_reported_and_the_next_one_runs()
    {
        var cancel = TestContext.Current.CancellationToken;
        var calls = 0;
        var failures = new List<Exception>();
        var done = new TaskCompletionSource<Rebuild>();
        var queue = new RebuildQueue(
            () => ++calls == 1 ? throw new InvalidOperationException("boom") : new Rebuild(true, [], [], 0, TimeSpan.Zero, []),
            r => done.TrySetResult(r),
            e => { lock (failures) { failures.Add(e); } },
            TimeSpan.FromMilliseconds(5),
            TimeSpan.FromMilliseconds(5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);
        queue.Request();
        while (failures.Count == 0)
        {
            await Task.Delay(5, cancel);
        }

        queue.Request();
        Assert.True((await done.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel)).Succeeded);
        await stop.CancelAsync();
        await loop;
        Assert.Equal("boom", Assert.Single(failures).Message);
    }
    [Fact]
    public async Task A_rebuild_that_fails_while_a_newer_save_waits_is_not_reported_and_the_newer_one_is()
    {
        var cancel = TestContext.Current.CancellationToken;
        var calls = 0;
        RebuildQueue? queue = null;
        var reported = new List<Rebuild>();
        var second = new TaskCompletionSource<Rebuild>();
        queue = new RebuildQueue(
            () =>
            {
                if (++calls == 1)
                {
                    // The editor saves again while this rebuild reads its half-written file.
                    queue!.Request();
                    return new Rebuild(false, [], [], 0, TimeSpan.Zero, []);
                }

                return new Rebuild(true, [], [], 0, TimeSpan.Zero, []);
            },
            r =>
            {
                lock (reported)
                {
                    reported.Add(r);
                }

                second.TrySetResult(r);
            },
            e => Assert.Fail(e.ToString()),
            TimeSpan.FromMilliseconds(5),
            TimeSpan.FromMilliseconds(5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);
        queue.Request();
        Assert.True((await second.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel)).Succeeded);
        await stop.CancelAsync();
        await loop;
        Assert.Equal(2, calls);
        Assert.True(Assert.Single(reported).Succeeded);
    }

    [Fact]
    public async Task A_rebuild_that_fails_with_no_newer_save_is_reported()
    {
        var cancel = TestContext.Current.CancellationToken;
        var calls = 0;
        var done = new TaskCompletionSource<Rebuild>();
        var queue = new RebuildQueue(
            () =>
            {
                calls++;
                return new Rebuild(false, [], [], 0, TimeSpan.Zero, []);
            },
            r => done.TrySetResult(r),
            e => Assert.Fail(e.ToString()),
            TimeSpan.FromMilliseconds(5),
            TimeSpan.FromMilliseconds(5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var loop = queue.RunAsync(stop.Token);
        queue.Request();
        Assert.False((await done.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel)).Succeeded);
        await stop.CancelAsync();
        await loop;
        Assert.Equal(1, calls);
    }
}
