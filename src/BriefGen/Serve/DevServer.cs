using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using BriefGen.Build;

namespace BriefGen.Cli.Serve;

/// <summary>
/// <c>briefgen serve</c>: builds the brief in memory, serves it on 127.0.0.1, watches the files the build read
/// (and content/ and templates/ for new files), rebuilds incrementally on change and tells open pages to
/// reload. A rebuild that fails, however it fails, keeps the last good site served and shows its
/// diagnostics in the terminal and in the browser.
/// </summary>
public sealed class DevServer : IDisposable
{
    /// <summary>Live-reload connections served at once; more are refused, so open tabs cannot starve the server.</summary>
    public const int MaxLiveReloadClients = 32;

    private readonly BuildOptions _options;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Preview _preview;
    private readonly RebuildQueue _queue;
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<int, Channel<string>> _clients = new();
    private readonly SourceWatcher _watcher;
    private volatile string? _errors;
    private readonly DiagnosticLines _lines = new(); // Used by the rebuild thread only.
    private int _nextClient;

    public DevServer(BuildOptions options, int port, TextWriter stdout, TextWriter stderr)
    {
        // One extraction cache for the whole session: a PDF is read once, not on every rebuild.
        _options = options with
        {
            BaseUrl = "/",
            SourceTexts = options.SourceTexts ?? new Load.SourceTexts.SourceTextCache(Load.SourceTexts.SourceTextCache.FolderFor(options.Root)),
        };
        _out = TextWriter.Synchronized(stdout);
        _err = TextWriter.Synchronized(stderr);
        Port = port;
        _preview = new Preview(_options);
        _queue = new RebuildQueue(() => _preview.Run(_watcher!.Take()), ReportAndRest, Crashed, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(15), _preview.Finish, TimeSpan.FromMilliseconds(500));
        _watcher = new SourceWatcher(_options.Root, _options.TemplatesDir, _queue.Request);
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    /// <summary>The fewest worker threads the pool keeps ready while serving (see <see cref="RunAsync"/>).</summary>
    public const int MinPoolThreads = 16;

    /// <summary>Builds once, starts serving and watching; returns when <paramref name="stop"/> is cancelled.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        // A rebuild's parallel passes wait on the thread pool's threads, which the HTTP handlers, the live-reload
        // connections and the watcher's events use too. With the pool at its minimum (a thread a core), a rebuild that
        // found none free waited for the pool to add one, about half a second at a time: at 5,000 pages, one rebuild in
        // three of every four runs of 40 saves took 0.55–0.8 s instead of about 30 ms. With a higher minimum, threads are
        // started at once; idle ones cost nothing.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinPoolThreads), io);
        _watcher.Start();
        try
        {
            ReportAndRest(_preview.Run());
        }
        catch (Exception e)
        {
            Crashed(e);
        }

        try
        {
            _listener.Start();
        }
        catch (HttpListenerException e)
        {
            _err.WriteLine($"briefgen: cannot listen on 127.0.0.1:{Port}: {e.Message}");
            return Cli.UsageErrors;
        }

        var rebuilds = _queue.RunAsync(stop);
        _out.WriteLine($"Serving on http://127.0.0.1:{Port}/ (Ctrl+C to stop)");
        using var registration = stop.Register(() => _listener.Stop());
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            _ = Task.Run(() => HandleAsync(context), CancellationToken.None);
        }

        foreach (var client in _clients.Values)
        {
            client.Writer.TryComplete();
        }

        await rebuilds;
        _out.WriteLine("Stopped.");
        return Cli.Success;
    }

    /// <summary>
    /// Reports a rebuild, then collects the young garbage while the preview waits for the next save. A rebuild's new
    /// state outlives the young generation, so the collection that promotes it copies tens of megabytes (about 120 ms
    /// at 5,000 pages); left to the runtime it fell inside every second rebuild, doubling its time. Collected here,
    /// after the reload is sent, the next rebuild starts with the young generation empty and allocates within it.
    /// </summary>
    private void ReportAndRest(Rebuild result)
    {
        Report(result);
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
    }

    /// <summary>
    /// After a rebuild: the reload or the overlay first, then the diagnostics, the log line and the watch list. The
    /// browser is told before the terminal, which may have thousands of warnings to print again.
    /// </summary>
    private void Report(Rebuild result)
    {
        var ms = result.Elapsed.TotalMilliseconds;
        string line;
        if (result.Succeeded && result.FollowUp)
        {
            // The print page and data files, after the changed pages: only a reader of a page rendered now reloads.
            Broadcast("reload", PagesOf(result.RenderedPaths.Where(p => p.EndsWith(".html", StringComparison.Ordinal))));
            line = string.Create(CultureInfo.InvariantCulture, $"Then {result.Rendered:N0} more pages and the data files in {ms:F0} ms");
        }
        else if (result.Succeeded)
        {
            // Only the pages whose bytes changed or that went reload (one that went shows the not-found page); every page
            // when a file they share changed (a style sheet, an image, the not-found page); none when nothing did (an
            // editor's swap file saved beside a page, a save of the same words). An overlay of the last errors goes from
            // the pages that do not reload.
            if (_errors is not null)
            {
                _errors = null;
                Broadcast("ok", "");
            }

            if (result.RenderedPaths.Any(p => !p.EndsWith(".html", StringComparison.Ordinal) || p == "404.html"))
            {
                Broadcast("reload", "");
            }
            else if (result.Rendered + result.RemovedPaths.Count > 0)
            {
                Broadcast("reload", PagesOf(result.RenderedPaths.Concat(result.RemovedPaths)));
            }

            line = string.Create(CultureInfo.InvariantCulture,
                $"Rebuilt {result.Rendered:N0} of {result.Pages:N0} pages in {ms:F0} ms ({result.Warnings} warnings)");
        }
        else
        {
            _errors = string.Join("\n", result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.ToString()));
            Broadcast("errors", JsonSerializer.Serialize(_errors, ServeJson.Default.String));
            line = string.Create(CultureInfo.InvariantCulture,
                $"Failed: {result.Errors} errors, {result.Warnings} warnings in {ms:F0} ms; still serving the last good site");
        }

        // One write for all of them: a brief with many warnings prints them on every save.
        _lines.Write(result.Diagnostics, _err);

        _out.WriteLine(line);
        if (result.FilesRead.Count > 0)
        {
            _watcher.Watch(result.FilesRead);
        }
    }

    /// <summary>
    /// The pages at <paramref name="paths"/> as the live-reload script matches them against the address it shows: a JSON
    /// list with each folder page both as <c>/x/</c> and as <c>/x/index.html</c>.
    /// </summary>
    internal static string PagesOf(IEnumerable<string> paths)
    {
        var urls = new List<string>();
        foreach (var path in paths)
        {
            urls.Add(JsonSerializer.Serialize("/" + path, ServeJson.Default.String));
            if (path == "index.html" || path.EndsWith("/index.html", StringComparison.Ordinal))
            {
                urls.Add(JsonSerializer.Serialize("/" + path[..^"index.html".Length], ServeJson.Default.String));
            }
        }

        return "[" + string.Join(",", urls) + "]";
    }

    /// <summary>A rebuild that threw: said in one line, and the last good site stays up.</summary>
    private void Crashed(Exception e)
    {
        _errors = $"briefgen: internal error while rebuilding: {e.GetType().Name}: {e.Message}";
        _err.WriteLine(_errors + "; still serving the last good site");
        Broadcast("errors", JsonSerializer.Serialize(_errors, ServeJson.Default.String));
    }

    private void Broadcast(string kind, string data)
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite($"event: {kind}\ndata: {data}\n\n");
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (path == LiveReload.EventsPath)
            {
                await EventsAsync(context);
                return;
            }

            if (path == LiveReload.ScriptPath)
            {
                await SendAsync(context, 200, "text/javascript; charset=utf-8", LiveReload.Script);
                return;
            }

            var site = _preview.Site;
            var file = path.TrimStart('/');
            var status = 200;
            if (!site.TryGetValue(file, out var bytes) &&
                !site.TryGetValue(file.Length == 0 || file.EndsWith('/') ? file + "index.html" : file + "/index.html", out bytes))
            {
                status = 404;
                site.TryGetValue("404.html", out bytes);
                file = "404.html";
            }

            bytes ??= "Not found"u8.ToArray();
            var isHtml = file.EndsWith(".html", StringComparison.Ordinal) || file.Length == 0 || file.EndsWith('/');
            if (isHtml)
            {
                context.Response.Headers["Content-Security-Policy"] = "script-src 'self'";
                bytes = LiveReload.Inject(bytes);
            }

            await SendAsync(context, status, isHtml ? "text/html; charset=utf-8" : ContentType(file), bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The browser went away.
        }
    }

    private static async Task SendAsync(HttpListenerContext context, int status, string type, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.Headers["Cache-Control"] = "no-store";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task EventsAsync(HttpListenerContext context)
    {
        var id = Interlocked.Increment(ref _nextClient);
        var queue = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        if (_clients.Count >= MaxLiveReloadClients || !_clients.TryAdd(id, queue))
        {
            context.Response.Headers["Retry-After"] = "5";
            await SendAsync(context, 503, "text/plain; charset=utf-8", "Too many live-reload connections"u8.ToArray());
            return;
        }

        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers["Cache-Control"] = "no-store";
            context.Response.SendChunked = true;
            var stream = context.Response.OutputStream;
            var errors = _errors;
            var first = errors is null ? "event: ok\ndata: \n\n" : $"event: errors\ndata: {JsonSerializer.Serialize(errors, ServeJson.Default.String)}\n\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await foreach (var message in queue.Reader.ReadAllAsync())
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(message));
                await stream.FlushAsync();
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The page closed.
        }
        finally
        {
            _clients.TryRemove(id, out _);
            try
            {
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".avif" => "image/avif",
        ".xml" => "application/xml",
        _ => "text/plain; charset=utf-8",
    };

    public void Dispose()
    {
        _watcher.Dispose();
        _listener.Close();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ServeJson : System.Text.Json.Serialization.JsonSerializerContext;
