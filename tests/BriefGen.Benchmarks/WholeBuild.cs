using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BriefGen.Benchmarks.Corpus;

namespace BriefGen.Benchmarks;

/// <summary>
/// <c>whole</c>: times whole <c>briefgen build</c> processes on the generated corpus, start-up included, as a user
/// runs them: the output folder removed before each run, one warm-up run, then the median wall time of the runs and
/// the largest peak memory (the operating system's own count for the finished child).
/// </summary>
internal static partial class WholeBuild
{
    public static int Run(int pages, int runs, string? binary)
    {
        var root = Path.Combine(Path.GetTempPath(), "briefgen-bench-whole-" + pages.ToString(CultureInfo.InvariantCulture));
        var output = root + "-site";
        CorpusGenerator.Write(root, pages);
        var (file, prefix) = Command(binary);
        Console.WriteLine($"{pages} pages, {file} {prefix}build: {runs} runs after one warm-up");

        var times = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(file, $"{prefix}build --root \"{root}\" --out \"{output}\" --quiet")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"the build failed (exit {process.ExitCode}):\n{errors.Result}");
                return 1;
            }

            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wall: median {median:F3} s, min {times[0]:F3} s, max {times[^1]:F3} s; peak memory of a build: {PeakChildMegabytes():F1} MB"));
        Directory.Delete(root, recursive: true);
        Directory.Delete(output, recursive: true);
        return 0;
    }

    /// <summary>The given binary (the Native AOT one), else the briefgen built beside this benchmark.</summary>
    private static (string File, string Prefix) Command(string? binary)
    {
        if (binary is not null)
        {
            return (binary, "");
        }

        var here = AppContext.BaseDirectory;
        var host = Path.Combine(here, OperatingSystem.IsWindows() ? "briefgen.exe" : "briefgen");
        return File.Exists(host) ? (host, "") : ("dotnet", $"\"{Path.Combine(here, "briefgen.dll")}\" ");
    }

    /// <summary>The largest resident set of any finished child, from getrusage(RUSAGE_CHILDREN); 0 where that is not available.</summary>
    private static double PeakChildMegabytes()
    {
        if (!OperatingSystem.IsLinux() || GetRUsage(-1, out var usage) != 0)
        {
            return 0;
        }

        return usage.MaxRss / 1024.0; // ru_maxrss is in kilobytes on Linux
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVCsw;
        public long NIvCsw;
    }
}
