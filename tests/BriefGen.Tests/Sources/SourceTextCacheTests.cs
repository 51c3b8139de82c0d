using BriefGen.Build;
using BriefGen.Load.SourceTexts;
using BriefGen.Model;
using BriefGen.Tests.Support;

namespace BriefGen.Tests.Sources;

/// <summary>The extraction cache: keyed by content hash, in memory and under ROOT/.briefgen/cache/, never changing the text.</summary>
public sealed class SourceTextCacheTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private string CacheFolder => SourceTextCache.FolderFor(_brief.Root);

    private static void AssertSame(SourceText expected, SourceText actual)
    {
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.Paragraphs, actual.Paragraphs);
        Assert.Equal(expected.Pages.Select(p => (p.Number, p.Label, string.Join(";", p.Spans))), actual.Pages.Select(p => (p.Number, p.Label, string.Join(";", p.Spans))));
    }

    [Theory]
    [InlineData("ca1-calvary-chapel-v-mills.pdf")]
    [InlineData("ca5-st-pierre-v-standard-insurance.pdf")]
    [InlineData("bbc-1/source.html")]
    public void A_text_read_from_the_disk_cache_is_the_text_extraction_gave(string fixture)
    {
        var uncached = SourceTextReaders.Default.Read(SourceFixtures.PathOf(fixture), fixture).Read.Text!;
        SourceTextReaders.Default.Read(SourceFixtures.PathOf(fixture), fixture, new SourceTextCache(CacheFolder));
        Assert.Single(Directory.GetFiles(CacheFolder));

        var fromDisk = SourceTextReaders.Default.Read(SourceFixtures.PathOf(fixture), fixture, new SourceTextCache(CacheFolder)).Read.Text!;
        AssertSame(uncached, fromDisk);
    }

    [Fact]
    public void A_build_caches_pdf_text_under_briefgen_and_never_inside_content()
    {
        File.Copy(SourceFixtures.PathOf("ca1-calvary-chapel-v-mills.pdf"), Path.Combine(_brief.Root, "seeds", "opinion.pdf"));
        _brief.Write("content/sources.yml", """
            - id: seed
              type: article-newspaper
              title: "[Test report]"
              text: ../seeds/opinion.pdf
            """);
        var contentBefore = Directory.GetFiles(Path.Combine(_brief.Root, "content"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var first = _brief.Build();
        Assert.True(first.Succeeded, TestBrief.Lines(first));
        var site = Directory.GetFiles(_brief.OutDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

        var cached = Assert.Single(Directory.GetFiles(CacheFolder));
        Assert.StartsWith("9d81ff550ec8d851dfb9cf6f7f52fce73cd4f115470d30d51e5af77151a66534-pdf-", Path.GetFileName(cached), StringComparison.Ordinal);
        Assert.Equal(contentBefore, Directory.GetFiles(Path.Combine(_brief.Root, "content"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

        // A warm build from the cache writes the very same site.
        var second = _brief.Build();
        Assert.True(second.Succeeded, TestBrief.Lines(second));
        Assert.Equal(site, Directory.GetFiles(_brief.OutDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
    }

    [Fact]
    public void A_cache_passed_in_is_kept_in_memory_across_builds()
    {
        File.Copy(SourceFixtures.PathOf("bbc-1/source.html"), Path.Combine(_brief.Root, "seeds", "article.html"));
        _brief.Write("content/sources.yml", """
            - id: seed
              type: webpage
              title: "[Test page]"
              text: ../seeds/article.html
            """);
        var cache = new SourceTextCache();
        var options = _brief.Options() with { SourceTexts = cache };
        Assert.True(new Builder(options).Check().Succeeded);
        Assert.False(Directory.Exists(Path.Combine(_brief.Root, ".briefgen")), "a memory-only cache writes nothing");

        var key = SourceTextReaders.Default.Read(Path.Combine(_brief.Root, "seeds", "article.html"), "x").Sha256 + "-" + new HtmlReader().CacheKey;
        var kept = cache.TryGet(key, "seeds/article.html");
        Assert.NotNull(kept);
        Assert.Equal(40, kept.Paragraphs.Count);
        Assert.Equal("seeds/article.html", kept.Path);
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored_and_the_file_read_again()
    {
        var fixture = SourceFixtures.PathOf("ca5-st-pierre-v-standard-insurance.pdf");
        var expected = SourceTextReaders.Default.Read(fixture, "x.pdf").Read.Text!;
        SourceTextReaders.Default.Read(fixture, "x.pdf", new SourceTextCache(CacheFolder));
        var file = Assert.Single(Directory.GetFiles(CacheFolder));
        File.WriteAllText(file, File.ReadAllText(file)[..500]);

        AssertSame(expected, SourceTextReaders.Default.Read(fixture, "x.pdf", new SourceTextCache(CacheFolder)).Read.Text!);
    }

    [Fact]
    public void Plain_text_is_not_cached()
    {
        SourceTextReaders.Default.Read(Path.Combine(_brief.Root, "seeds", "seed.txt"), "seeds/seed.txt", new SourceTextCache(CacheFolder));
        Assert.False(Directory.Exists(CacheFolder));
    }
}
