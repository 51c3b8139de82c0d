using System.Net;
using System.Net.Sockets;

namespace BriefGen.BrowserTests;

/// <summary>
/// Serves a built site from 127.0.0.1 under /repo/, as GitHub Pages serves a project site: folders
/// answer with their index.html, and any missing path with 404.html and status 404.
/// </summary>
public sealed class SiteServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;
    private readonly Task _loop;

    public SiteServer(string root, string basePath)
    {
        _root = root;
        _prefix = basePath;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public string Url(string path = "") => $"http://127.0.0.1:{Port}{_prefix}{path.TrimStart('/')}";

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Serve(context);
            }
            catch (HttpListenerException)
            {
                // The browser went away mid-response.
            }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        string? file = null;
        if (path.StartsWith(_prefix, StringComparison.Ordinal))
        {
            var relative = path[_prefix.Length..];
            var candidate = Path.GetFullPath(Path.Combine(_root, relative));
            if (candidate.StartsWith(_root, StringComparison.Ordinal))
            {
                if (Directory.Exists(candidate))
                {
                    candidate = Path.Combine(candidate, "index.html");
                }

                file = File.Exists(candidate) ? candidate : null;
            }
        }

        var status = 200;
        if (file is null)
        {
            status = 404;
            file = Path.Combine(_root, "404.html");
        }

        var bytes = File.ReadAllBytes(file);
        context.Response.StatusCode = status;
        context.Response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json",
            ".svg" => "image/svg+xml",
            ".xml" => "application/xml",
            _ => "text/plain; charset=utf-8",
        };
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
