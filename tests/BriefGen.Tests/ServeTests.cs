using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BriefGen.Tests.Support;

namespace BriefGen.Tests;

/// <summary><c>briefgen serve</c>, run as a user runs it: live preview, reload on edit, overlay on errors, clean stop.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly TestBrief _brief = new();

    public void Dispose() => _brief.Dispose();

    /// <summary>
    /// What the terminal shows after each rebuild: every diagnostic on its own line, as a build prints it, whether its
    /// line was formatted before (the same diagnostic, kept from an unchanged file) or is new.
    /// </summary>
    [Fact]
    public void Each_rebuild_prints_every_diagnostic_again_one_line_each()
    {
        var kept = new BriefGen.Diagnostics.Diagnostic(new BriefGen.Diagnostics.Location("content/pages/a.md", 3, 2), BriefGen.Diagnostics.Severity.Warning, "BG0212", "attribution ¶4");
        var gone = new BriefGen.Diagnostics.Diagnostic(new BriefGen.Diagnostics.Location("content/pages/b.md", 1, 1), BriefGen.Diagnostics.Severity.Error, "BG0101", "bad");
        var lines = new Cli.Serve.DiagnosticLines();
        string Printed(params BriefGen.Diagnostics.Diagnostic[] diagnostics)
        {
            var writer = new StringWriter { NewLine = "\n" };
            lines.Write(diagnostics, writer);
            return writer.ToString();
        }

        Assert.Equal(kept + "\n" + gone + "\n", Printed(kept, gone));
        var fresh = kept with { Message = "attribution ¶5" };
        Assert.Equal(kept + "\n" + fresh + "\n", Printed(kept, fresh));
        Assert.Equal("content/pages/a.md(3,2): warning BG0212: attribution ¶5\n", Printed(fresh));
        Assert.Equal("", Printed());
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [Fact]
    public async Task Serve_previews_rebuilds_on_edit_keeps_the_last_good_site_and_stops_on_ctrl_c()
    {
        var cancel = TestContext.Current.CancellationToken;
        var port = FreePort();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = StartServe(port, output);
        try
        {
            await Until(() => output.Any(l => l.StartsWith("Serving on http://127.0.0.1:", StringComparison.Ordinal)), output);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };

            var page = await http.GetStringAsync("second/", cancel);
            Assert.Contains("Some text.", page);
            Assert.Contains("<script src=\"/__briefgen/live-reload.js\"></script>", page);
            Assert.Contains("new EventSource(\"/__briefgen/events\")", await http.GetStringAsync("__briefgen/live-reload.js", cancel));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("nowhere/", cancel)).StatusCode);

            using var events = new StreamReader(await http.GetStreamAsync("__briefgen/events", cancel));
            Assert.Equal("event: ok", await events.ReadLineAsync(cancel));

            // Live-reload connections are capped: many open tabs are refused, pages are still served.
            var held = new List<HttpResponseMessage>();
            var refused = 0;
            for (var i = 0; i < 40; i++)
            {
                var response = await http.GetAsync("__briefgen/events", HttpCompletionOption.ResponseHeadersRead, cancel);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refused++;
                    response.Dispose();
                }
                else
                {
                    held.Add(response);
                }
            }

            Assert.Equal(9, refused);
            Assert.Contains("Some text.", await http.GetStringAsync("second/", cancel));
            held.ForEach(r => r.Dispose());

            _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nEdited text [@seed, ¶2].\n");
            Assert.Equal("event: reload", await NextEvent(events, cancel));
            Assert.Contains("Edited text", await http.GetStringAsync("second/", cancel));

            _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nBroken [@nowhere, ¶2].\n");
            Assert.Equal("event: errors", await NextEvent(events, cancel));
            var data = await events.ReadLineAsync(cancel);
            Assert.Contains("content/pages/second.md(4,9): error BG0101", data);
            Assert.Contains("Edited text", await http.GetStringAsync("second/", cancel));
            await Until(() => output.Any(l => l.Contains("error BG0101", StringComparison.Ordinal)), output);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancel);
            }

            if (!process.WaitForExit(15_000))
            {
                process.Kill(true);
            }

            // The timed wait can return before the last lines have reached the output handlers; this one waits for them.
            process.WaitForExit();
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Stopped.", output);

        // The reload script belongs to serve alone.
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nFixed [@seed, ¶2].\n");
        Assert.Equal(0, Tool.Dotnet(["build", "--root", _brief.Root]).ExitCode);
        Assert.DoesNotContain("__briefgen", _brief.ReadOutput("index.html"));
    }

    /// <summary>
    /// An editor's swap file saved beside a page rebuilds and changes no page: no page reloads. A save of one page
    /// reloads that page (by either of its addresses), not the pages it left as they were; a page deleted reloads
    /// (to the not-found page).
    /// </summary>
    [Fact]
    public async Task Only_the_pages_a_save_changed_reload()
    {
        // Each wait for an event ends within a minute: a reload that never comes fails the test, not hangs it.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        var cancel = limit.Token;
        _brief.Write("content/pages/third.md", "---\ntitle: Third\norder: 3\n---\nThird words.\n");
        var (process, output, http) = await ServingAsync();
        using var served = process;
        using var client = http;
        try
        {
            using var events = new StreamReader(await http.GetStreamAsync("__briefgen/events", cancel));
            Assert.Equal("event: ok", await events.ReadLineAsync(cancel));

            var rebuilt = output.Count(l => l.StartsWith("Rebuilt", StringComparison.Ordinal));
            _brief.Write("content/pages/.second.md.swp", "b0VIM 9.0 swap file of second.md");
            await Until(() => output.Count(l => l.StartsWith("Rebuilt", StringComparison.Ordinal)) > rebuilt, output);
            Assert.Contains(output, l => l.StartsWith("Rebuilt 0 of", StringComparison.Ordinal));

            _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\nOther words.\n");
            Assert.Equal("event: reload", await NextEvent(events, cancel)); // The first event since the swap file: that one sent none.
            var pages = System.Text.Json.JsonSerializer.Deserialize<List<string>>((await events.ReadLineAsync(cancel))!["data: ".Length..])!;
            Assert.Contains("/second/", pages);
            Assert.Contains("/second/index.html", pages);
            Assert.DoesNotContain("/third/", pages);
            Assert.DoesNotContain("/", pages);

            File.Delete(Path.Combine(_brief.Root, "content/pages/third.md"));
            string? next;
            do
            {
                next = await NextEvent(events, cancel); // The follow-up of the save above may come first: its reload names the print page.
                Assert.Equal("event: reload", next);
                pages = System.Text.Json.JsonSerializer.Deserialize<List<string>>((await events.ReadLineAsync(cancel))!["data: ".Length..])!;
            }
            while (!pages.Contains("/third/") && pages.Contains("/print/"));

            Assert.Contains("/third/", pages);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("third/", cancel)).StatusCode);
        }
        finally
        {
            process.Kill(true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// While serving, the thread pool keeps threads ready for a rebuild's parallel passes beside the HTTP handlers: at
    /// its default minimum (a thread a core) a rebuild waited for the pool to add one, about half a second at a time.
    /// </summary>
    [Fact]
    public async Task Serving_keeps_pool_threads_ready_so_a_rebuild_never_waits_for_one()
    {
        var cancel = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var server = new Cli.Serve.DevServer(new Build.BuildOptions { Root = _brief.Root }, FreePort(), output, TextWriter.Null);
        var serving = server.RunAsync(stop.Token);
        await Until(() => output.ToString().Contains("Serving on", StringComparison.Ordinal), Enumerable.Repeat(output, 1).Select(o => o.ToString()));
        ThreadPool.GetMinThreads(out var workers, out _);
        await stop.CancelAsync();
        await serving;
        Assert.True(workers >= Cli.Serve.DevServer.MinPoolThreads, $"the pool keeps {workers} worker threads ready while serving");
    }

    [Fact]
    public async Task Serve_shows_an_image_from_content_as_an_image()
    {
        var cancel = TestContext.Current.CancellationToken;
        var png = TestImages.Png(5, 4);
        _brief.WriteBytes("content/images/map.png", png);
        _brief.Write("content/pages/second.md", "---\ntitle: Second Page\n---\n![The map](../images/map.png \"Where it applied\")\n");
        var (process, _, http) = await ServingAsync();
        using var served = process;
        using var client = http;
        try
        {
            Assert.Contains("<figcaption>Where it applied</figcaption>", await http.GetStringAsync("second/", cancel));
            using var image = await http.GetAsync("images/map.png", cancel);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await image.Content.ReadAsByteArrayAsync(cancel));
        }
        finally
        {
            process.Kill(true);
            await process.WaitForExitAsync(cancel);
        }
    }

    /// <summary>
    /// `briefgen serve` on the test brief at a free port, once it says it serves: the process, every line it prints, and a
    /// client for it. A server that never says so is stopped and the test fails.
    /// </summary>
    private async Task<(Process Process, System.Collections.Concurrent.ConcurrentQueue<string> Output, HttpClient Http)> ServingAsync()
    {
        var port = FreePort();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = StartServe(port, output);
        try
        {
            await Until(() => output.Any(l => l.StartsWith("Serving on http://127.0.0.1:", StringComparison.Ordinal)), output);
        }
        catch
        {
            process.Kill(true);
            process.Dispose();
            throw;
        }

        return (process, output, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) });
    }

    /// <summary>`briefgen serve` on the test brief at <paramref name="port"/>, every line it prints queued in <paramref name="output"/>.</summary>
    private Process StartServe(int port, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Tool.JitDll, "serve", "--root", _brief.Root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string?> NextEvent(StreamReader events, CancellationToken cancel)
    {
        while (await events.ReadLineAsync(cancel) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    private static async Task Until(Func<bool> condition, IEnumerable<string> output)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "timed out; output so far:\n" + string.Join("\n", output));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
