using BriefGen.Diagnostics;

namespace BriefGen.Links;

/// <summary>
/// <c>check --links</c>: asks every external address of the brief (each address once, however often
/// it is written), and warns at every place a dead or unreachable one is written.
/// </summary>
public sealed class ExternalLinkCheck(LinkCheckOptions options, TimeProvider? clock = null, HttpMessageHandler? handler = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The cache file under a brief's root.</summary>
    public static string CacheFile(string root) => Path.Combine(root, ".briefgen", "links.json");

    /// <summary>How many addresses were asked over the network in the last run (the rest came from the cache).</summary>
    public int Asked { get; private set; }

    public async Task RunAsync(IReadOnlyList<ExternalLink> links, string cacheFile, DiagnosticBag diagnostics, CancellationToken cancel = default)
    {
        var cache = LinkCache.Load(cacheFile);
        var urls = links.Select(l => l.Url).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var results = new Dictionary<string, LinkStatus>(StringComparer.Ordinal);
        var toAsk = new List<string>();
        foreach (var url in urls)
        {
            if (cache.Fresh(url, _clock.GetUtcNow(), options.CacheFor) is { } cached)
            {
                results[url] = cached;
            }
            else
            {
                toAsk.Add(url);
            }
        }

        using var checker = new LinkChecker(options, handler);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        var asked = await Task.WhenAll(toAsk.Select(async url =>
        {
            await gate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                return (url, status: await checker.CheckAsync(url, cancel).ConfigureAwait(false));
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        Asked = asked.Length;
        var now = _clock.GetUtcNow();
        foreach (var (url, status) in asked)
        {
            results[url] = status;
            cache.Set(url, now, status);
        }

        try
        {
            cache.Save(cacheFile, urls);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a writable cache every run asks again; the check itself still holds.
        }

        foreach (var link in links)
        {
            var status = results[link.Url];
            switch (status.State)
            {
                case LinkState.Dead:
                    diagnostics.Warning(link.At, DiagnosticCodes.DeadExternalLink, $"dead link: {link.Url} answered {status.Detail}");
                    break;
                case LinkState.Unreachable:
                    diagnostics.Warning(link.At, DiagnosticCodes.UnreachableExternalLink, $"link could not be checked: {link.Url}: {status.Detail}");
                    break;
            }
        }
    }
}
