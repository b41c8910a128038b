using System.Net;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Notifications.Telemetry;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>
/// The Genesys Cloud channels the client created and may still exist, and the one rule about them: never more than
/// <c>MaxChannels</c> at once (Genesys would remove the one used longest ago to make room for a 21st). A channel group asks
/// for a channel: an unused one that can still serve is reused, otherwise one is created while there is room, otherwise it
/// waits until an unused one is known to be gone (expired, or stopped with its token: <c>HEAD</c> answers 404).
/// </summary>
internal sealed class ChannelRegistry(INotificationsApi api, TimeProvider time, GenesysCloudNotificationsOptions options, NotificationsDiagnostics diagnostics, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<ChannelRecord> _records = [];
    private int _creating;
    private TaskCompletionSource _released = NewSignal();

    /// <summary>Gets the number of channels that may exist, counting those being created.</summary>
    public int ExistingCount
    {
        get
        {
            lock (_gate)
            {
                return _records.Count + _creating;
            }
        }
    }

    /// <summary>Gets the channels in use (for the periodic check).</summary>
    public IReadOnlyList<ChannelRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    /// <summary>
    /// After a token refresh: the channels of <paramref name="known"/> that are not among <paramref name="ofCurrentToken"/> (what
    /// <c>GET /api/v2/notifications/channels?includechannels=token</c> lists) were created with a replaced token and stop with it.
    /// </summary>
    public IReadOnlyList<ChannelRecord> MarkStale(IReadOnlyCollection<ChannelRecord> known, IReadOnlySet<string> ofCurrentToken)
    {
        lock (_gate)
        {
            var stale = known.Where(r => _records.Contains(r) && !r.Stale && !ofCurrentToken.Contains(r.Id)).ToList();
            foreach (var record in stale)
            {
                record.Stale = true;
                record.Reusable = false;
            }

            return stale;
        }
    }

    /// <summary>Gets a channel for a group: reused, created, or once there is room.</summary>
    public async Task<ChannelRecord> AcquireAsync(string reason, CancellationToken cancellationToken)
    {
        var warned = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ChannelRecord? candidate;
            bool create;
            Task released;
            lock (_gate)
            {
                PruneExpiredLocked();
                var now = time.GetUtcNow();
                candidate = _records.FirstOrDefault(r => !r.InUse && r.Reusable && !r.Stale && r.RenewAt(options.RenewBeforeExpiry) > now);
                if (candidate is not null)
                {
                    candidate.InUse = true;
                }

                create = candidate is null && _records.Count + _creating < options.MaxChannels;
                if (create)
                {
                    _creating++;
                }

                released = _released.Task;
            }

            if (candidate is not null)
            {
                if (await ExistsAsync(candidate, cancellationToken).ConfigureAwait(false))
                {
                    Log.ChannelReused(logger, candidate.Id, reason);
                    return candidate;
                }

                continue;
            }

            if (create)
            {
                return await CreateAsync(reason, cancellationToken).ConfigureAwait(false);
            }

            // Full: an unused channel that is gone frees room; otherwise wait for a release or the next check.
            if (await PruneUnusedAsync(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!warned)
            {
                Log.WaitingForChannel(logger, options.MaxChannels);
                warned = true;
            }

            // A release is signalled; channels that expire on the server are not, so they are re-checked on the
            // injected clock's interval.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(released, Task.Delay(options.ChannelCheckInterval, time, wait.Token)).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A group no longer uses the channel; it still exists until it expires (or its token stops).</summary>
    public void Release(ChannelRecord channel, bool reusable)
    {
        lock (_gate)
        {
            channel.InUse = false;
            channel.Reusable = reusable && !channel.Stale;
            SignalLocked();
        }
    }

    /// <summary>The channel is known to be gone (404, or the socket was refused).</summary>
    public void Forget(ChannelRecord channel)
    {
        lock (_gate)
        {
            if (_records.Remove(channel))
            {
                diagnostics.ChannelGone();
                SignalLocked();
            }
        }
    }

    /// <summary>Whether the channel still exists (<c>HEAD</c>); a channel that is gone is forgotten. Other failures count as existing.</summary>
    public async Task<bool> ExistsAsync(ChannelRecord channel, CancellationToken cancellationToken)
    {
        try
        {
            await api.HeadNotificationsChannelAsync(channel.Id, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GenesysCloudApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            Forget(channel);
            return false;
        }
        catch (Exception ex) when (ex is GenesysCloudException && !cancellationToken.IsCancellationRequested)
        {
            Log.ProbeFailed(logger, channel.Id, ex.Message);
            return true;
        }
    }

    /// <summary>Checks the unused channels that cannot be reused; returns whether one was gone.</summary>
    public async Task<bool> PruneUnusedAsync(CancellationToken cancellationToken)
    {
        List<ChannelRecord> unused;
        lock (_gate)
        {
            PruneExpiredLocked();
            unused = _records.Where(static r => !r.InUse).ToList();
        }

        var freed = false;
        foreach (var channel in unused)
        {
            freed |= !await ExistsAsync(channel, cancellationToken).ConfigureAwait(false);
        }

        return freed;
    }

    private async Task<ChannelRecord> CreateAsync(string reason, CancellationToken cancellationToken)
    {
        try
        {
            var created = await api.PostNotificationsChannelsAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(created.Id) || !Uri.TryCreate(created.ConnectUri, UriKind.Absolute, out var connectUri) || connectUri.Scheme is not ("wss" or "ws"))
            {
                throw new GenesysCloudException(
                    GenesysCloudErrorCodes.UnexpectedResponse, "POST /api/v2/notifications/channels answered without a channel id or a ws(s) connectUri.");
            }

            var now = time.GetUtcNow();
            var expires = created.Expires is { } e && e > now ? e : now + TimeSpan.FromHours(24);
            var channel = new ChannelRecord(created.Id, connectUri, now, expires) { InUse = true };
            lock (_gate)
            {
                _records.Add(channel);
            }

            diagnostics.ChannelCreated();
            Log.ChannelCreated(logger, channel.Id, reason, channel.Expires);
            return channel;
        }
        finally
        {
            lock (_gate)
            {
                _creating--;
            }
        }
    }

    private void PruneExpiredLocked()
    {
        var now = time.GetUtcNow();
        var removed = _records.RemoveAll(r => !r.InUse && r.Expires <= now);
        for (var i = 0; i < removed; i++)
        {
            diagnostics.ChannelGone();
        }
    }

    private void SignalLocked()
    {
        _released.TrySetResult();
        _released = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
