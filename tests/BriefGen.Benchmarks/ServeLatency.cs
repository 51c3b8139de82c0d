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
/// within 200 ms and checks that the last text is what is served.
/// </summary>
public static class ServeLatency
{
    public static async Task<int> RunAsync(int pages, int edits)
    {
        var root = Path.Combine(Path.GetTempPath(), "briefgen-serve-latency-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        CorpusGenerator.Write(root, pages);
        var log = new Lines();
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        using var server = new DevServer(new BuildOptions { Root = root }, port, log, log);
        var clock = Stopwatch.StartNew();
        var serving = server.RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        await Until(async () => (await Get(http, "")).Contains("<html", StringComparison.Ordinal), TimeSpan.FromMinutes(5));
        Console.WriteLine($"{pages} pages: first build and serve in {clock.Elapsed.TotalMilliseconds:F0} ms; {log.Last("Rebuilt")}");

        var page = CorpusGenerator.PageId(pages / 2);
        var file = Path.Combine(root, "content", "pages", page + ".md");
        var original = await File.ReadAllTextAsync(file);
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = -3; i < edits; i++) // Three warm-up saves first.
        {
            var marker = $"Edit marker {i + 100} is here.";
            var rebuilds = log.Count("Rebuilt");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
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
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            await Task.Delay(150);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"save → page updated over {times.Count} saves: median {Median(times):F1} ms, min {times[0]:F1} ms, p90 {times[(int)(times.Count * 0.9)]:F1} ms, max {times[^1]:F1} ms"));
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time of this process per save (all cores, save to rebuild done): median {Median(cpu):F0} ms; machine load average {LoadAverage()}"));
        Console.WriteLine("last rebuild: " + log.Last("Rebuilt"));

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

        await stop.CancelAsync();
        await serving;
        Directory.Delete(root, recursive: true);
        return last ? 0 : 1;
    }

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

        public int Count(string start) => _lines.Count(l => l.StartsWith(start, StringComparison.Ordinal));

        public string? Last(string start) => _lines.LastOrDefault(l => l.StartsWith(start, StringComparison.Ordinal));
    }
}
