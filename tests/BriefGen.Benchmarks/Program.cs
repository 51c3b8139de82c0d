using System.Globalization;
using BenchmarkDotNet.Running;
using BriefGen.Benchmarks;

// dotnet run -c Release --project tests/BriefGen.Benchmarks -- serve-latency [--pages 1000] [--edits 20] [--binary PATH] [--corpus DIR] [--pause MS]
// dotnet run -c Release --project tests/BriefGen.Benchmarks -- whole [--pages 1000] [--runs 5] [--binary PATH]
// dotnet run -c Release --project tests/BriefGen.Benchmarks -- [BenchmarkDotNet arguments, e.g. --filter '*']
if (args.Length > 0 && args[0] == "serve-latency")
{
    int Option(string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    return await ServeLatency.RunAsync(Option("--pages", 1000), Option("--edits", 20), Text("--binary"), Text("--corpus"), Option("--pause", 150));
}

if (args.Length > 0 && args[0] == "whole")
{
    // whole [--pages 1000] [--runs 5] [--binary PATH]: whole build processes, wall time and peak memory.
    int Option(string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    var binary = Array.IndexOf(args, "--binary") is var b and >= 0 && b + 1 < args.Length ? args[b + 1] : null;
    return WholeBuild.Run(Option("--pages", 1000), Option("--runs", 5), binary);
}

if (args.Length > 0 && args[0] == "corpus")
{
    // corpus DIR [--pages N]: writes the generated brief, to build or serve by hand.
    BriefGen.Benchmarks.Corpus.CorpusGenerator.Write(args[1], args.Length > 3 && args[2] == "--pages" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PreviewRebuildBenchmark).Assembly).Run(args);
return 0;
