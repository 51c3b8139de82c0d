using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BriefGen.Benchmarks.Corpus;
using BriefGen.Build;
using BriefGen.Cli.Serve;

namespace BriefGen.Benchmarks;

/// <summary>
/// <c>serve-latency</c>: how long after a page is saved does <c>briefgen serve</c> serve it changed? Generates the
/// corpus, runs the preview server in this process on 127.0.0.1, saves one page again and again with a new
/// sentence, and times each save until an HTTP GET of that page shows the sentence. Then saves ten times
/// within 200 ms and checks that the last text is what is served. With a pause between saves longer than the
/// server's half second of quiet, each save comes while the print page and data files of the one before are
/// being brought up to date (the follow-up), as when a writer saves, reads, and saves again.
/// </summary>
public static class ServeLatency
{
    /// <summary>
    /// Runs the measurement. <paramref name="binary"/> serves from that executable (the Native AOT one) as a child
    /// process, as a user runs it; else the server runs in this process. <paramref name="corpus"/> serves a copy of
    /// that brief folder (such as the peers' <c>gen_corpus.py --format briefgen</c> output) instead of the generated one.
    /// <paramref name="pauseMs"/> is the time from one save's rebuild to the next save.
    /// </summary>
    public static async Task<int> RunAsync(int pages, int edits, string? binary = null, string? corpus = null, int pauseMs = 150)
    {
        var root = Path.Combine(Path.GetTempPath(), "briefgen-serve-latency-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (corpus is not null)
        {
            Copy(corpus, root);
        }
        else
        {
            CorpusGenerator.Write(root, pages);
        }

        var pageFiles = Directory.GetFiles(Path.Combine(root, "content", "pages"), "*.md").Order(StringComparer.Ordinal).ToList();
        var port = FreePort();
        var clock = Stopwatch.StartNew();
        await using var server = binary is null ? Server.InProcess(root, port) : Server.Child(binary, root, port);
        var log = server.Log;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await Until(async () => (await Get(http, "")).Contains("<html", StringComparison.Ordinal), TimeSpan.FromMinutes(5));
        Console.WriteLine($"{pageFiles.Count} pages, served by {server.Name}: first build and serve in {clock.Elapsed.TotalMilliseconds:F0} ms; {log.Last("Rebuilt")}");

        var file = pageFiles[pageFiles.Count / 2];
        var page = Path.GetFileNameWithoutExtension(file);
        var original = await File.ReadAllTextAsync(file);
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = -3; i < edits; i++) // Three warm-up saves first.
        {
            var marker = $"Edit marker {i + 100} is here.";
            var rebuilds = log.Count("Rebuilt");
            var cpuBefore = server.CpuTime();
            clock.Restart();
            await File.WriteAllTextAsync(file, original + "\n" + marker + "\n");
            await Until(async () => (await Get(http, page + "/")).Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            var ms = clock.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                times.Add(ms);
            }

            await Until(() => Task.FromResult(log.Count("Rebuilt") > rebuilds), TimeSpan.FromSeconds(30));
            if (i >= 0)
            {
                cpu.Add((server.CpuTime() - cpuBefore).TotalMilliseconds);
            }

            await Task.Delay(pauseMs);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"save → page updated over {times.Count} saves: median {Median(times):F1} ms, min {times[0]:F1} ms, p90 {times[(int)(times.Count * 0.9)]:F1} ms, max {times[^1]:F1} ms"));
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time of the server per save (all cores, save to rebuild done): median {Median(cpu):F0} ms; machine load average {LoadAverage()}"));
        Console.WriteLine("last rebuild: " + log.Last("Rebuilt"));
        var timedLines = log.All("Rebuilt").TakeLast(edits).ToList();
        var inOrder = timedLines.Select(MsOf).ToList();
        var rebuildMs = inOrder.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the rebuilds of the timed saves, as the server logs them: median {Median(rebuildMs):F0} ms, min {rebuildMs[0]:F0} ms, max {rebuildMs[^1]:F0} ms; in order (ms): {string.Join(" ", inOrder)}"));
        Console.WriteLine("slowest rebuild: " + timedLines[inOrder.IndexOf(rebuildMs[^1])]);
        var followUps = log.All("Then ").Select(MsOf).Order().ToList();
        Console.WriteLine(followUps.Count == 0
            ? $"print page and data files: never up to date between saves (pause {pauseMs} ms): each update waits for 500 ms of quiet, and a save stops it"
            : string.Create(CultureInfo.InvariantCulture,
                $"print page and data files brought up to date {followUps.Count} times (pause {pauseMs} ms): median {Median(followUps):F0} ms; the others were stopped by the next save"));

        // Ten saves within 200 ms: the last text wins.
        var before = log.Count("Rebuilt");
        for (var i = 0; i < 10; i++)
        {
            await File.WriteAllTextAsync(file, original + $"\nBurst {i} of ten.\n");
            await Task.Delay(20);
        }

        await Until(async () => (await Get(http, page + "/")).Contains("Burst 9 of ten.", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var last = (await Get(http, page + "/")).Contains("Burst 9 of ten.", StringComparison.Ordinal);
        Console.WriteLine($"10 saves within 200 ms: {log.Count("Rebuilt") - before} rebuilds, last text served: {last}");

        await server.DisposeAsync();
        Directory.Delete(root, recursive: true);
        return last ? 0 : 1;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The preview server under measurement: in this process, or a child process of a given binary.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Func<TimeSpan> _cpu;
        private readonly Func<Task> _stop;
        private bool _stopped;

        private Server(string name, Lines log, Func<TimeSpan> cpu, Func<Task> stop)
        {
            Name = name;
            Log = log;
            _cpu = cpu;
            _stop = stop;
        }

        public string Name { get; }

        /// <summary>The server's standard output, line by line.</summary>
        public Lines Log { get; }

        public TimeSpan CpuTime() => _cpu();

        public static Server InProcess(string root, int port)
        {
            var log = new Lines();
            var stop = new CancellationTokenSource();
            var server = new DevServer(new BuildOptions { Root = root }, port, log, log);
            var serving = server.RunAsync(stop.Token);
            return new Server("this process (JIT)", log, () => Process.GetCurrentProcess().TotalProcessorTime, async () =>
            {
                await stop.CancelAsync();
                await serving;
                server.Dispose();
                stop.Dispose();
            });
        }

        public static Server Child(string binary, string root, int port)
        {
            var log = new Lines();
            var process = Process.Start(new ProcessStartInfo(binary, ["serve", "--root", root, "--port", port.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            process.OutputDataReceived += (_, e) => log.Add(e.Data);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Server(binary, log, () =>
            {
                process.Refresh();
                return process.TotalProcessorTime;
            }, async () =>
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
                process.Dispose();
            });
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stopped)
            {
                _stopped = true;
                await _stop();
            }
        }
    }

    /// <summary>The milliseconds a server log line ends with: "Rebuilt … in 34 ms (…)", "Then … in 5120 ms".</summary>
    private static double MsOf(string line) => double.Parse(line.Split(" in ")[^1].Split(' ')[0], CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static async Task<string> Get(HttpClient http, string path)
    {
        try
        {
            return await http.GetStringAsync(path);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException("the preview did not show the change in time");
            }

            // Every 5 ms: closer polling measures the poller, which competes for the two cores with the rebuild.
            await Task.Delay(5);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The server's log, kept line by line.</summary>
    private sealed class Lines : TextWriter
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly System.Text.StringBuilder _current = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_current)
            {
                if (value == '\n')
                {
                    _lines.Enqueue(_current.ToString());
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            lock (_current)
            {
                var start = 0;
                for (var end = value.IndexOf('\n'); end >= 0; start = end + 1, end = value.IndexOf('\n', start))
                {
                    _lines.Enqueue(_current.Append(value, start, end - start).ToString());
                    _current.Clear();
                }

                _current.Append(value, start, value.Length - start);
            }
        }

        public void Add(string? line)
        {
            if (line is not null)
            {
                _lines.Enqueue(line);
            }
        }

        public int Count(string start) => _lines.Count(l => l.StartsWith(start, StringComparison.Ordinal));

        public string? Last(string start) => _lines.LastOrDefault(l => l.StartsWith(start, StringComparison.Ordinal));

        public List<string> All(string start) => [.. _lines.Where(l => l.StartsWith(start, StringComparison.Ordinal))];
    }
}
