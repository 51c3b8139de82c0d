namespace BriefGen.Cli.Serve;

/// <summary>
/// One rebuild at a time. Changes that arrive while files are still being saved, or while a rebuild runs,
/// coalesce into the next rebuild; results are handed on in the order the rebuilds ran, so a newer result is
/// never overwritten by an older one. A rebuild starts once the folder has been still for <paramref name="settle"/>
/// since its last change: the changes one save makes come within a millisecond or two of each other. A rebuild that
/// a change follows within <paramref name="quiet"/> of its start is not handed on, since it may have read a file the
/// editor was still writing: the rebuild of that change is, at once. A rebuild that fails is not handed on either when
/// a change comes while it runs or within <paramref name="quiet"/> of its end. A rebuild that throws is reported and
/// the queue goes on. A rebuild's follow-up (the preview's print page and data files) runs once the folder has been
/// quiet for <paramref name="idle"/>: a change that comes first is rebuilt at once, and that rebuild takes the
/// follow-up over; a change that comes while the follow-up runs cancels the token it was given, so the save is
/// rebuilt without waiting for it.
/// </summary>
public sealed class RebuildQueue(Func<Rebuild> rebuild, Action<Rebuild> done, Action<Exception> failed, TimeSpan settle, TimeSpan quiet,
    Func<CancellationToken, Rebuild?>? followUp = null, TimeSpan idle = default)
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Lock _gate = new();
    private long _requested;
    private long _lastRequest;
    private long _firstWaiting; // When the first request that no rebuild has taken yet came; 0 when none waits.
    private CancellationTokenSource? _followingUp; // The running follow-up's, which a request cancels.

    /// <summary>Asks for a rebuild; returns at once.</summary>
    public void Request()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _lastRequest = now;
            _firstWaiting = _firstWaiting == 0 ? now : _firstWaiting;
            _requested++;
        }

        Volatile.Read(ref _followingUp)?.Cancel();
        _signal.Release();
    }

    /// <summary>Runs rebuilds as they are asked for until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        long handled = 0;
        try
        {
            while (true)
            {
                await _signal.WaitAsync(stop);

                // Editors save in bursts (truncate and write, temp file and rename, swap file): wait until the folder
                // has been still for `settle` since its last change, not for `settle` after each change of the burst.
                TimeSpan wait;
                while ((wait = settle - System.Diagnostics.Stopwatch.GetElapsedTime(LastRequest)) > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }

                while (_signal.Wait(0))
                {
                    // Drained: every request so far is served by the rebuild below.
                }

                long target, started;
                lock (_gate)
                {
                    target = _requested;
                    _firstWaiting = 0;
                    started = System.Diagnostics.Stopwatch.GetTimestamp();
                }

                if (target == handled)
                {
                    continue;
                }

                handled = target;
                try
                {
                    var result = rebuild();
                    if (FollowedWithinQuiet(started) || (!result.Succeeded && await Superseded(handled, stop)))
                    {
                        continue;
                    }

                    done(result);
                    if (followUp is not null && await Idle(handled, stop) && FollowUp(followUp, handled) is { } rest)
                    {
                        done(rest);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>The follow-up, with a token that the next request cancels (one that came before the token was set, too).</summary>
    private Rebuild? FollowUp(Func<CancellationToken, Rebuild?> followUp, long handled)
    {
        var following = new CancellationTokenSource(); // Not disposed: a request may still cancel it after the follow-up ends, and it holds nothing to free.
        Volatile.Write(ref _followingUp, following);
        try
        {
            if (Volatile.Read(ref _requested) != handled)
            {
                following.Cancel();
            }

            return followUp(following.Token);
        }
        finally
        {
            Volatile.Write(ref _followingUp, null);
        }
    }

    private long LastRequest
    {
        get
        {
            lock (_gate)
            {
                return _lastRequest;
            }
        }
    }

    /// <summary>True when a change came after the rebuild took its requests, within <c>quiet</c> of its start.</summary>
    private bool FollowedWithinQuiet(long started)
    {
        lock (_gate)
        {
            return _firstWaiting != 0 && System.Diagnostics.Stopwatch.GetElapsedTime(started, _firstWaiting) < quiet;
        }
    }

    /// <summary>True when a failed rebuild is superseded: a change was asked for while it ran or within <c>quiet</c> after it.</summary>
    private Task<bool> Superseded(long handled, CancellationToken stop) => AskedWithin(quiet, handled, stop);

    /// <summary>Waits <c>idle</c>; false as soon as a new change is asked for (left for the loop to take).</summary>
    private async Task<bool> Idle(long handled, CancellationToken stop) => !await AskedWithin(idle, handled, stop);

    /// <summary>
    /// True as soon as a change after <paramref name="handled"/> is asked for, within <paramref name="wait"/>; its
    /// signal is left for the loop to take.
    /// </summary>
    private async Task<bool> AskedWithin(TimeSpan wait, long handled, CancellationToken stop)
    {
        if (Volatile.Read(ref _requested) != handled)
        {
            return true;
        }

        if (await _signal.WaitAsync(wait, stop))
        {
            _signal.Release(); // Not ours: the loop above serves it.
            return true;
        }

        return Volatile.Read(ref _requested) != handled;
    }
}
