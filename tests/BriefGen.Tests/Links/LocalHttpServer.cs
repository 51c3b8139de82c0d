using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BriefGen.Tests.Links;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for the link check's tests, so they never touch the
/// internet. Each path answers as its route says; it counts the requests per path and the most
/// requests it had in hand at once.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    /// <summary>How a path answers: a status, headers, or a delay before answering (or never).</summary>
    public sealed record Route(int Status, string? Location = null, TimeSpan Delay = default, bool Never = false, int? HeadStatus = null);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, Route> _routes;
    private int _inFlight;
    private int _maxInFlight;

    public LocalHttpServer(IReadOnlyDictionary<string, Route> routes)
    {
        _routes = routes;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public int Requests(string path) => _requests.TryGetValue(path, out var n) ? n : 0;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var now = Interlocked.Increment(ref _inFlight);
            var counted = true;
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var parts = head.Split(' ');
                if (parts.Length < 2)
                {
                    return;
                }

                var (method, path) = (parts[0], parts[1]);
                _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                var route = _routes.TryGetValue(path, out var r) ? r : new Route(404);
                if (route.Never)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                if (route.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(route.Delay, _stop.Token);
                }

                var status = method == "HEAD" && route.HeadStatus is { } h ? h : route.Status;
                var body = method == "HEAD" ? "" : "<!doctype html><title>test</title>";
                var response = new StringBuilder()
                    .Append("HTTP/1.1 ").Append(status).Append(' ').Append(Reason(status)).Append("\r\n")
                    .Append("Content-Type: text/html\r\nConnection: close\r\n")
                    .Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount("<!doctype html><title>test</title>")).Append("\r\n");
                if (route.Location is { } location)
                {
                    response.Append("Location: ").Append(location).Append("\r\n");
                }

                response.Append("\r\n").Append(body);

                // The request stops counting before its answer goes out: the client may start its next request as
                // soon as the answer arrives, before this handler has closed the connection.
                Interlocked.Decrement(ref _inFlight);
                counted = false;
                await stream.WriteAsync(Encoding.UTF8.GetBytes(response.ToString()), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping.
            }
            finally
            {
                if (counted)
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(total));
            if (n == 0)
            {
                break;
            }

            total += n;
            if (Encoding.ASCII.GetString(buffer, 0, total).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var text = Encoding.ASCII.GetString(buffer, 0, total);
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        405 => "Method Not Allowed",
        410 => "Gone",
        429 => "Too Many Requests",
        _ => "Status",
    };

    /// <summary>A port on 127.0.0.1 where nothing listens (connections are refused).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
