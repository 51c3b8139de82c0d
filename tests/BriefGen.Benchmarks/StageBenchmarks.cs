using BenchmarkDotNet.Attributes;
using BriefGen.Benchmarks.Corpus;
using BriefGen.Build;
using BriefGen.Diagnostics;
using BriefGen.Load;
using BriefGen.Markdown;
using BriefGen.Model;
using BriefGen.Render;
using BriefGen.Resolve;
using BriefGen.Verify;
using BriefGen.Write;

namespace BriefGen.Benchmarks;

/// <summary>
/// Each stage of a full build on its own, on the generated corpus (plain-text, HTML and PDF sources): load, parse,
/// resolve, verify, the rest of prepare (checks, formatter), render, link check and write. Every stage is given the
/// output of the stages before it, made once in the setup.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private const string BaseUrl = "/";
    private readonly MarkdownEngine _markdown = new();
    private readonly MarkdownSite _site = new(BaseUrl, AllowHtml: false);
    private string _root = "";
    private string _out = "";
    private BriefContent _content = null!;
    private ParsedBrief _parsed = null!;
    private ResolvedBrief _brief = null!;
    private PreparedSite _prepared = null!;
    private IReadOnlyList<PageView> _views = [];
    private List<OutputFile> _files = [];

    [Params(1000)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "briefgen-bench-stages-" + Environment.ProcessId);
        _out = _root + "-site";
        CorpusGenerator.Write(_root, Pages);
        _content = Load();
        _parsed = Parse();
        _brief = Resolve();
        _prepared = Prepare();
        _views = _prepared.Views();
        _files = [.. _prepared.Render(_views)];
        _files.AddRange(_prepared.DataFiles(_files.Select(f => f.Path).ToList()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var folder in new[] { _root, _out })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Benchmark]
    public BriefContent Load() => new ContentLoader(new RootPaths(_root), Sink()).Load() ?? throw new InvalidOperationException("the corpus does not load");

    [Benchmark]
    public ParsedBrief Parse() => ParsedBrief.Parse(_content, _markdown, _site, Sink());

    [Benchmark]
    public ResolvedBrief Resolve() => ResolvedBrief.Resolve(_content, _parsed, BaseUrl, Sink());

    [Benchmark]
    public Verification Verify() => Verification.Run(_brief, Sink());

    /// <summary>Load to the formatted notes: everything before the first page renders.</summary>
    [Benchmark]
    public PreparedSite Prepare() => new Builder(Options()).Prepare(Sink()) ?? throw new InvalidOperationException("the corpus does not prepare");

    [Benchmark]
    public int Render() => _prepared.RenderAll().Count;

    [Benchmark]
    public int LinkCheck() => OutputLinkCheck.Run(_files, BaseUrl, Sink());

    [Benchmark]
    public bool Write() => SiteWriter.Write(_out, _files, Sink());

    private BuildOptions Options() => new() { Root = _root, OutDir = _out, BaseUrl = BaseUrl };

    private static DiagnosticBag Sink() => new();
}
