using BenchmarkDotNet.Attributes;
using BriefGen.Benchmarks.Corpus;
using BriefGen.Build;
using BriefGen.Cli.Serve;

namespace BriefGen.Benchmarks;

/// <summary>
/// The preview's incremental rebuild after one page is saved, on the generated corpus: told the saved file, as
/// <c>serve</c>'s watcher tells it, or not told, so that every file's stamp is looked at.
/// </summary>
[MemoryDiagnoser]
public class PreviewRebuildBenchmark
{
    private string _root = "";
    private string _file = "";
    private string _original = "";
    private Preview _preview = null!;
    private int _edit;

    [Params(1000)]
    public int Pages { get; set; }

    [Params(true, false)]
    public bool Told { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "briefgen-bench-preview-" + Environment.ProcessId);
        CorpusGenerator.Write(_root, Pages);
        _file = Path.Combine(_root, "content", "pages", CorpusGenerator.PageId(Pages / 2) + ".md");
        _original = File.ReadAllText(_file);
        _preview = new Preview(new BuildOptions { Root = _root, BaseUrl = "/" });
        if (!_preview.Run(Told ? new HashSet<string>() : null).Succeeded)
        {
            throw new InvalidOperationException("the generated corpus does not build");
        }
    }

    [Benchmark]
    public int RebuildAfterOneSave()
    {
        File.WriteAllText(_file, _original + $"\nEdit {++_edit}.\n");
        return _preview.Run(Told ? new HashSet<string> { _file } : null).Rendered;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);
}
