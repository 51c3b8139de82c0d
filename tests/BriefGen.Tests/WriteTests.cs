using BriefGen.Diagnostics;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>SPEC §3: a failed build leaves the previous output untouched; a good one swaps in whole.</summary>
public sealed class WriteTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    private Dictionary<string, byte[]> Snapshot() => Directory
        .EnumerateFiles(_brief.OutDir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(_brief.OutDir, f), File.ReadAllBytes);

    [Fact]
    public void A_failed_build_leaves_the_previous_site_byte_for_byte()
    {
        Assert.True(_brief.Build().Succeeded);
        var before = Snapshot();

        _brief.Write("content/pages/second.md", "---\ntitle: Changed\n---\nNew text.\n");
        _brief.Write("content/entities.yml", "- id: x\n  name: [unclosed\n");
        var result = _brief.Build();

        Assert.False(result.Succeeded);
        Assert.Empty(result.Files);
        Assert.Empty(result.Written);
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void A_build_that_fails_once_pages_are_being_written_leaves_the_previous_site_and_no_staging_folder()
    {
        Assert.True(_brief.Build().Succeeded);
        var before = Snapshot();

        // Files are written into the staging folder as they render: a template that fails on the content pages, and a warning
        // under --strict found only after every page is written, both fail the build after some files are on disk.
        _brief.Write("content/pages/second.md", "---\ntitle: Changed\n---\nNew text [@seed, ¶1].\n");
        _brief.Write("templates/page.html", "{{ string.shout = 1 }}");
        var failed = _brief.Build();
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
        Assert.Empty(failed.Written);

        _brief.Delete("templates/page.html");
        _brief.Write("content/pages/second.md", "---\ntitle: Changed\n---\nNew text [@seed, ¶99].\n");
        var strict = _brief.Build(strict: true);
        Assert.False(strict.Succeeded);
        Assert.Empty(strict.Written);

        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
        Assert.Empty(Directory.GetDirectories(_brief.Root, ".*briefgen*"));
    }

    [Fact]
    public void A_good_build_replaces_the_whole_site_and_removes_stale_files()
    {
        Assert.True(_brief.Build().Succeeded);
        File.WriteAllText(Path.Combine(_brief.OutDir, "stale.html"), "old");
        _brief.Delete("content/pages/second.md");
        _brief.Write("content/brief.yml", "title: Test Brief\n");

        Assert.True(_brief.Build().Succeeded);
        Assert.False(File.Exists(Path.Combine(_brief.OutDir, "stale.html")));
        Assert.False(File.Exists(Path.Combine(_brief.OutDir, "second/index.html")));
        Assert.Empty(Directory.GetDirectories(_brief.Root, ".*briefgen*"));
    }

    [Fact]
    public void Check_writes_nothing()
    {
        Assert.True(_brief.Check().Succeeded);
        Assert.False(Directory.Exists(_brief.OutDir));
    }

    [Fact]
    public void The_output_folder_may_not_be_the_brief_itself()
    {
        var result = new Build.Builder(_brief.Options() with { OutDir = _brief.Root }).Build();
        TestBrief.Single(result, DiagnosticCodes.OutsideOutput);
        Assert.True(File.Exists(Path.Combine(_brief.Root, "content/brief.yml")));
    }
}
