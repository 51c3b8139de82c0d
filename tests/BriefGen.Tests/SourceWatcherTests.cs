using BriefGen.Cli.Serve;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary>
/// What serve's watcher tells a rebuild: the files saved since the last rebuild, or that it cannot tell, when a folder
/// appeared or went, which changes files no event names.
/// </summary>
public sealed class SourceWatcherTests : IDisposable
{
    private readonly TestBrief _brief = new();
    private readonly SourceWatcher _watcher;
    private int _events;

    public SourceWatcherTests()
    {
        _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\nMore text [@seed, ¶3].\n");
        _watcher = new SourceWatcher(_brief.Root, null, () => Interlocked.Increment(ref _events));
        _watcher.Start();
        _watcher.Watch(new Preview(_brief.Options(baseUrl: "/")).Run().FilesRead);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _brief.Dispose();
    }

    private string Full(string path) => Path.GetFullPath(Path.Combine(_brief.Root, path));

    /// <summary>Waits until the watcher has seen an event after <paramref name="act"/>, then a quiet moment for the rest of its burst.</summary>
    private async Task<IReadOnlySet<string>?> After(Action act)
    {
        var before = Volatile.Read(ref _events);
        act();
        for (var waited = 0; Volatile.Read(ref _events) == before && waited < 10_000; waited += 20)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(Volatile.Read(ref _events) > before, "the watcher saw no event within 10 s");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        return _watcher.Take();
    }

    [Fact]
    public async Task A_saved_page_is_named_and_then_forgotten()
    {
        _watcher.Take(); // Whatever the first build's writes left.
        var changed = await After(() => _brief.Write("content/pages/third.md", "---\ntitle: Third\n---\nOther text [@seed, ¶3].\n"));
        Assert.NotNull(changed);
        Assert.Contains(Full("content/pages/third.md"), changed);
        Assert.DoesNotContain(Full("content/pages/index.md"), changed);
        Assert.Empty(_watcher.Take()!);
    }

    [Fact]
    public async Task A_page_renamed_names_both_its_paths()
    {
        _watcher.Take();
        var changed = await After(() => File.Move(Full("content/pages/third.md"), Full("content/pages/fourth.md")));
        Assert.NotNull(changed);
        Assert.Contains(Full("content/pages/third.md"), changed);
        Assert.Contains(Full("content/pages/fourth.md"), changed);
    }

    [Fact]
    public async Task A_folder_of_pages_moved_away_and_back_cannot_be_told_file_by_file()
    {
        _watcher.Take();
        var aside = Full("aside");
        Assert.Null(await After(() => Directory.Move(Full("content/pages"), aside)));
        Assert.Null(await After(() =>
        {
            File.WriteAllText(Path.Combine(aside, "third.md"), "---\ntitle: Third\n---\nEdited elsewhere [@seed, ¶3].\n");
            Directory.Move(aside, Full("content/pages"));
        }));
        Assert.NotNull(_watcher.Take());
    }

    [Fact]
    public async Task A_new_folder_in_content_cannot_be_told_file_by_file()
    {
        _watcher.Take();
        Assert.Null(await After(() => Directory.CreateDirectory(Full("content/more"))));
    }
}
