using System.Net;
using System.Net.Sockets;

namespace BriefGen.Links;

/// <summary>How external links are checked: at most <see cref="Concurrency"/> requests at once, each given up after <see cref="Timeout"/>.</summary>
public sealed record LinkCheckOptions
{
    public int Concurrency { get; init; } = 8;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a live address is taken on trust from the cache before it is asked again. Dead ones are always asked again.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromDays(7);

    public string UserAgent { get; init; } = "BriefGen-link-check/1.0";
}

/// <summary>
/// Asks each address once: HEAD first, then GET when the server refuses HEAD. Redirects are followed
/// (up to 10); what counts is where they end. Never throws for a network failure: it is a status.
/// </summary>
public sealed class LinkChecker : IDisposable
{
    private readonly HttpClient _http;
    private readonly LinkCheckOptions _options;

    public LinkChecker(LinkCheckOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            // Each request has its own deadline below; this only stops the client's own default.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    public async Task<LinkStatus> CheckAsync(string url, CancellationToken cancel = default)
    {
        var head = await SendAsync(HttpMethod.Head, url, cancel).ConfigureAwait(false);
        // Many servers answer HEAD wrongly (405, 403, 404 from a CDN): an error status is only
        // believed from GET. No answer at all is not asked twice.
        return head.State is LinkState.Dead or LinkState.Unknown ? await SendAsync(HttpMethod.Get, url, cancel).ConfigureAwait(false) : head;
    }

    private async Task<LinkStatus> SendAsync(HttpMethod method, string url, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return code switch
            {
                < 400 => LinkStatus.Alive(code),
                429 => new LinkStatus(LinkState.Unknown, code, "429 Too Many Requests"),
                _ => new LinkStatus(LinkState.Dead, code, $"{code} {response.ReasonPhrase}".TrimEnd()),
            };
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new LinkStatus(LinkState.Unreachable, null,
                $"no answer within {_options.Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return new LinkStatus(LinkState.Unreachable, null, Describe(e));
        }
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "no such host",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException s => s.SocketErrorCode.ToString(),
        _ when e.HttpRequestError == HttpRequestError.NameResolutionError => "no such host",
        _ when e.HttpRequestError == HttpRequestError.ConnectionError => "could not connect",
        _ when e.HttpRequestError == HttpRequestError.SecureConnectionError => "TLS failed",
        _ => e.HttpRequestError.ToString(),
    };

    public void Dispose() => _http.Dispose();
}
