using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BriefGen.Build;
using BriefGen.Markdown;

namespace BriefGen.Cli.Serve;

/// <summary>
/// <c>briefgen serve</c>: builds the brief in memory, serves it on 127.0.0.1, watches content/, templates/
/// and every source text, rebuilds on change (debounced) and tells open pages to reload. A build with
/// errors keeps the last good site served and shows its diagnostics in the terminal and in the browser.
/// </summary>
public sealed class DevServer : IDisposable
{
    private readonly BuildOptions _options;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly MarkdownEngine _markdown = MarkdownEngine.WithCache();
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<int, BlockingCollection<string>> _clients = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _gate = new();
    private Dictionary<string, byte[]> _site = new(StringComparer.Ordinal);
    private string? _errors;
    private Timer? _debounce;
    private int _nextClient;

    public DevServer(BuildOptions options, int port, TextWriter stdout, TextWriter stderr)
    {
        _options = options with { BaseUrl = "/" };
        _out = stdout;
        _err = stderr;
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    /// <summary>Builds once, starts serving and watching; returns when <paramref name="stop"/> is cancelled.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        Rebuild();
        try
        {
            _listener.Start();
        }
        catch (HttpListenerException e)
        {
            _err.WriteLine($"briefgen: cannot listen on 127.0.0.1:{Port}: {e.Message}");
            return Cli.UsageErrors;
        }

        Watch();
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

            _ = Task.Run(() => Handle(context), CancellationToken.None);
        }

        foreach (var client in _clients.Values)
        {
            client.CompleteAdding();
        }

        _out.WriteLine("Stopped.");
        return Cli.Success;
    }

    /// <summary>Builds the site in memory; keeps the last good one when the new build has errors.</summary>
    public void Rebuild()
    {
        var clock = Stopwatch.StartNew();
        var parsedBefore = _markdown.ParsedCount;
        var result = new Builder(_options, _markdown).Check();
        clock.Stop();
        foreach (var d in result.Diagnostics)
        {
            _err.WriteLine(d.ToString());
        }

        lock (_gate)
        {
            if (result.Succeeded)
            {
                _site = result.Files.ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
                _errors = null;
            }
            else
            {
                _errors = string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
            }
        }

        _out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Succeeded ? "Rebuilt" : "Failed")}: {result.Stats.Pages} pages, {result.Errors} errors, {result.Warnings} warnings, " +
            $"{_markdown.ParsedCount - parsedBefore} Markdown texts parsed in {clock.Elapsed.TotalMilliseconds:F0} ms"));
        Broadcast(result.Succeeded ? "reload" : "errors", result.Succeeded ? "" : JsonSerializer.Serialize(_errors, ServeJson.Default.String));
    }

    private void Watch()
    {
        var folders = new[] { Path.Combine(_options.Root, "content"), _options.TemplatesDir ?? Path.Combine(_options.Root, "templates") }
            .Concat(SourceTextFolders())
            .Where(Directory.Exists)
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += Changed;
            watcher.Created += Changed;
            watcher.Deleted += Changed;
            watcher.Renamed += Changed;
            _watchers.Add(watcher);
        }
    }

    /// <summary>The folders of the source texts sources.yml names (seeds/, usually).</summary>
    private IEnumerable<string> SourceTextFolders()
    {
        var sources = Path.Combine(_options.Root, "content", "sources.yml");
        if (!File.Exists(sources))
        {
            return [];
        }

        return File.ReadAllLines(sources)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("text:", StringComparison.Ordinal))
            .Select(l => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(_options.Root, "content", l["text:".Length..].Trim().Trim('"', '\''))))!)
            .Where(d => d.StartsWith(_options.Root, StringComparison.Ordinal));
    }

    private void Changed(object sender, FileSystemEventArgs e)
    {
        // Editors save in bursts (temp file, rename, touch): wait for the burst to end.
        lock (_gate)
        {
            _debounce?.Dispose();
            _debounce = new Timer(_ => Rebuild(), null, 150, Timeout.Infinite);
        }
    }

    private void Broadcast(string kind, string data)
    {
        foreach (var client in _clients.Values)
        {
            client.TryAdd($"event: {kind}\ndata: {data}\n\n");
        }
    }

    private void Handle(HttpListenerContext context)
    {
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (path == LiveReload.EventsPath)
            {
                Events(context);
                return;
            }

            var file = path.TrimStart('/');
            byte[]? bytes;
            var status = 200;
            lock (_gate)
            {
                if (!_site.TryGetValue(file, out bytes) && !_site.TryGetValue(file.Length == 0 || file.EndsWith('/') ? file + "index.html" : file + "/index.html", out bytes))
                {
                    status = 404;
                    _site.TryGetValue("404.html", out bytes);
                    file = "404.html";
                }
            }

            bytes ??= Encoding.UTF8.GetBytes("Not found");
            var isHtml = file.EndsWith(".html", StringComparison.Ordinal) || file.Length == 0 || file.EndsWith('/');
            if (isHtml)
            {
                bytes = LiveReload.Inject(bytes);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = isHtml ? "text/html; charset=utf-8" : ContentType(file);
            context.Response.Headers["Cache-Control"] = "no-store";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away.
        }
    }

    private void Events(HttpListenerContext context)
    {
        var id = Interlocked.Increment(ref _nextClient);
        using var queue = new BlockingCollection<string>();
        _clients[id] = queue;
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers["Cache-Control"] = "no-store";
            context.Response.SendChunked = true;
            var stream = context.Response.OutputStream;
            string? errors;
            lock (_gate)
            {
                errors = _errors;
            }

            var first = errors is null ? "event: ok\ndata: \n\n" : $"event: errors\ndata: {JsonSerializer.Serialize(errors, ServeJson.Default.String)}\n\n";
            stream.Write(Encoding.UTF8.GetBytes(first));
            stream.Flush();
            foreach (var message in queue.GetConsumingEnumerable())
            {
                stream.Write(Encoding.UTF8.GetBytes(message));
                stream.Flush();
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

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".xml" => "application/xml",
        _ => "text/plain; charset=utf-8",
    };

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _debounce?.Dispose();
        _listener.Close();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ServeJson : System.Text.Json.Serialization.JsonSerializerContext;
