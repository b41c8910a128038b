using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Notifications.Channels;
using GenesysCloud.Extensions.Notifications.Dispatch;
using GenesysCloud.Extensions.Notifications.Options;
using GenesysCloud.Extensions.Notifications.Telemetry;
using GenesysCloud.Extensions.Notifications.Topics;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Notifications.Hosting;

/// <summary>
/// The hosted service that owns the channels, and the run-time API. On start (after the client's own hosted service has
/// connected it) it starts the handlers' dispatchers and subscribes the start-up topics in the background; it renews the
/// channels created with a token the client refreshed (<see cref="GenesysCloudClientEvents.TokenRefreshed"/>), and checks
/// periodically that channels exist. On stop (before the client closes) it removes every subscription it made, closes
/// every socket, ends the subscriptions' streams and lets the handlers finish what is buffered.
/// </summary>
internal sealed class GenesysCloudNotificationsService : IHostedService, IGenesysCloudNotifications, ISubscriptionOwner, IDisposable
{
    private readonly GenesysCloudClientEvents _clientEvents;
    private readonly NotificationRegistrations _registrations;
    private readonly GenesysCloudNotificationsOptions _options;
    private readonly TimeProvider _time;
    private readonly NotificationsDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly ChannelRegistry _registry;
    private readonly SubscriptionTable _table;
    private readonly IReadOnlyList<IHandlerWorker> _handlers;
    private readonly TimeSpan _checkInterval;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private GenesysCloudNotificationsState _state = GenesysCloudNotificationsState.Created;
    private readonly SemaphoreSlim _tokenCheck = new(1, 1);
    private readonly INotificationsApi _api;
    private ITimer? _checkTimer;
    private int _checking;

    public GenesysCloudNotificationsService(
        GenesysCloudClientEvents clientEvents,
        INotificationsApi api,
        NotificationRegistrations registrations,
        IOptions<GenesysCloudNotificationsOptions> options,
        IOptions<GenesysCloudOptions> clientOptions,
        IServiceScopeFactory scopes,
        TimeProvider time,
        NotificationsDiagnostics diagnostics,
        ILoggerFactory loggerFactory)
    {
        _api = api;
        _clientEvents = clientEvents;
        _registrations = registrations;
        _options = options.Value;
        _time = time;
        _diagnostics = diagnostics;
        _logger = loggerFactory.CreateLogger("GenesysCloud.Extensions.Notifications");
        _registry = new ChannelRegistry(api, time, _options, diagnostics, _logger);
        _handlers = registrations.Handlers
            .Select(h => (IHandlerWorker)Activator.CreateInstance(typeof(HandlerWorker<>).MakeGenericType(h.EventType), h, scopes, time, _options, diagnostics, _logger)!)
            .ToList();
        _table = new SubscriptionTable(
            _handlers,
            id => new ChannelLane(id, api, _registry, _table!, time, _options, diagnostics, _logger),
            _options,
            diagnostics,
            _logger);

        // A channel stops with its token: the periodic check is also the call that lets the client refresh it in time.
        var refreshWindow = clientOptions.Value.TokenRefreshBeforeExpiry;
        _checkInterval = refreshWindow > TimeSpan.Zero && refreshWindow / 2 < _options.ChannelCheckInterval ? refreshWindow / 2 : _options.ChannelCheckInterval;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _clientEvents.TokenRefreshed += OnTokenRefreshed;
        foreach (var handler in _handlers)
        {
            handler.Start();
        }

        IReadOnlyList<ChannelLane> lanes;
        lock (_gate)
        {
            _state = GenesysCloudNotificationsState.Starting;
            if (_registrations.Topics.Count > 0)
            {
                _table.Add(_registrations.Topics, stream: null, out _);
            }

            lanes = _table.Lanes;
        }

        foreach (var lane in lanes)
        {
            lane.Start();
        }

        _checkTimer = _time.CreateTimer(static state => ((GenesysCloudNotificationsService)state!).OnCheckTimer(), this, _checkInterval, _checkInterval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ChannelLane> lanes;
        lock (_gate)
        {
            if (_state is GenesysCloudNotificationsState.Stopping or GenesysCloudNotificationsState.Stopped)
            {
                return;
            }

            _state = GenesysCloudNotificationsState.Stopping;
            lanes = _table.Lanes;
        }

        _clientEvents.TokenRefreshed -= OnTokenRefreshed;
        _checkTimer?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Before the client closes (hosted services stop in reverse order): the REST calls still go through it.
        await Task.WhenAll(lanes.Select(l => l.StopAsync(reusable: false, cancellationToken))).ConfigureAwait(false);
        foreach (var stream in _table.Streams())
        {
            (stream as IStreamConsumer)?.Complete();
        }

        await Task.WhenAll(_handlers.Select(h => h.StopAsync(cancellationToken))).ConfigureAwait(false);
        lock (_gate)
        {
            _state = GenesysCloudNotificationsState.Stopped;
        }

        Log.Stopped(_logger, lanes.Count);
    }

    public Task<GenesysCloudNotificationSubscription<TEvent>> SubscribeAsync<TEvent>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return SubscribeAsync<TEvent>([topic], cancellationToken);
    }

    public async Task<GenesysCloudNotificationSubscription<TEvent>> SubscribeAsync<TEvent>(IEnumerable<string> topics, CancellationToken cancellationToken = default)
    {
        var resolved = Resolve(topics, nameof(topics));
        foreach (var topic in resolved)
        {
            NotificationTopicCatalog.ValidateEventType(topic, typeof(TEvent), nameof(topics));
        }

        var buffer = new NotificationBuffer<TEvent>(GenesysCloudNotificationSubscription<TEvent>.ConsumerName, _options.SubscriptionBufferCapacity, _diagnostics, _logger);
        var subscription = new GenesysCloudNotificationSubscription<TEvent>(resolved, buffer, this, _time);
        await ActivateAsync(resolved, subscription, cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    public Task AddTopicsAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default)
    {
        var resolved = Resolve(topics, nameof(topics));
        foreach (var topic in resolved)
        {
            if (!_handlers.Any(h => h.EventType == topic.EventType || h.EventType == typeof(System.Text.Json.JsonElement)))
            {
                throw new GenesysCloudArgumentException(
                    GenesysCloudNotificationErrorCodes.HandlerMissing,
                    $"No INotificationHandler<{topic.EventType.Name}> (nor INotificationHandler<JsonElement>) is registered for the events of '{topic.Topic}': add one with AddHandler<THandler>(), or use SubscribeAsync for a stream.",
                    nameof(topics));
            }
        }

        return ActivateAsync(resolved, stream: null, cancellationToken);
    }

    public async Task RemoveTopicsAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default)
    {
        var resolved = Resolve(topics, nameof(topics));
        await DeactivateAsync(resolved, stream: null, cancellationToken).ConfigureAwait(false);
    }

    public async Task WaitUntilActiveAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfStopped();
        await Task.WhenAll(_table.Lanes.Select(l => l.WhenActiveAsync(l.Version, [], cancellationToken))).ConfigureAwait(false);
    }

    public GenesysCloudNotificationsStatus GetStatus()
    {
        var channels = _table.Lanes.Select(static l => l.Status()).ToList();
        var rejected = _table.RejectedTopics;
        GenesysCloudNotificationsState state;
        lock (_gate)
        {
            state = _state;
        }

        // While running, the state is what the groups say: all active, one that was active and reconnects, or starting.
        if (state == GenesysCloudNotificationsState.Starting)
        {
            state = rejected.Count > 0 ? GenesysCloudNotificationsState.Degraded
                : channels.All(static c => c.Active) ? GenesysCloudNotificationsState.Active
                : channels.Any(static c => !c.Active && c.Reconnects > 0) ? GenesysCloudNotificationsState.Degraded
                : GenesysCloudNotificationsState.Starting;
        }

        return new GenesysCloudNotificationsStatus
        {
            State = state,
            TopicCount = _table.Count,
            RejectedTopics = rejected,
            Channels = channels,
            ExistingChannels = _registry.ExistingCount,
            EventsReceived = _diagnostics.EventsTotal,
            DuplicatesDiscarded = _diagnostics.DuplicatesTotal,
            Reconnects = _diagnostics.ReconnectsTotal,
            EventsDropped = _diagnostics.DroppedTotal,
            HandlerErrors = _diagnostics.HandlerErrorsTotal,
        };
    }

    async ValueTask ISubscriptionOwner.UnsubscribeAsync(INotificationConsumer consumer, IReadOnlyList<NotificationTopic> topics)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await DeactivateAsync(topics, consumer, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host stopped meanwhile: every subscription is removed anyway.
        }
    }

    public void Dispose()
    {
        _checkTimer?.Dispose();
        _stopping.Dispose();
        _tokenCheck.Dispose();
    }

    private List<NotificationTopic> Resolve(IEnumerable<string> topics, string paramName)
    {
        ArgumentNullException.ThrowIfNull(topics, paramName);
        var resolved = topics.Select(t => NotificationTopicCatalog.ResolveTopic(t, _options.AllowUnknownTopics, paramName)).ToList();
        if (resolved.Count == 0)
        {
            throw new GenesysCloudArgumentException(GenesysCloudNotificationErrorCodes.TopicInvalid, "At least one topic is required.", paramName);
        }

        ThrowIfStopped();
        return resolved;
    }

    private void ThrowIfStopped()
    {
        if (_stopping.IsCancellationRequested)
        {
            throw new GenesysCloudNotificationException(GenesysCloudNotificationErrorCodes.Stopped, "The notifications client is stopping or stopped.");
        }
    }

    private async Task ActivateAsync(IReadOnlyList<NotificationTopic> topics, INotificationConsumer? stream, CancellationToken cancellationToken)
    {
        IReadOnlyList<(ChannelLane Lane, long Version, IReadOnlyCollection<string> Topics)> waits;
        IReadOnlyList<ChannelLane> created;
        bool running;
        lock (_gate)
        {
            waits = _table.Add(topics, stream, out created);
            running = _state is not GenesysCloudNotificationsState.Created;
        }

        if (running)
        {
            foreach (var lane in created)
            {
                lane.Start();
            }
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            var results = await Task.WhenAll(waits.Select(w => w.Lane.WhenActiveAsync(w.Version, w.Topics, linked.Token))).ConfigureAwait(false);
            var rejected = results.SelectMany(static r => r).ToList();
            if (rejected.Count > 0)
            {
                await DeactivateAsync(topics, stream, CancellationToken.None).ConfigureAwait(false);
                throw new GenesysCloudNotificationException(
                    GenesysCloudNotificationErrorCodes.TopicRejected,
                    $"Genesys Cloud rejected {rejected.Count} topic(s): {string.Join("; ", rejected.Take(10).Select(static r => $"{r.Key} ({r.Value})"))}",
                    [.. rejected.Select(static r => r.Key)]);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new GenesysCloudNotificationException(GenesysCloudNotificationErrorCodes.Stopped, "The notifications client stopped before the topics were active.");
        }
        catch (OperationCanceledException)
        {
            await DeactivateAsync(topics, stream, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task DeactivateAsync(IReadOnlyList<NotificationTopic> topics, INotificationConsumer? stream, CancellationToken cancellationToken)
    {
        IReadOnlyList<(ChannelLane Lane, long Version)> changed;
        IReadOnlyList<ChannelLane> emptied;
        lock (_gate)
        {
            changed = _table.Remove(topics, stream, out emptied);
        }

        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await Task.WhenAll(emptied.Select(l => l.StopAsync(reusable: true, cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(changed.Select(c => c.Lane.WhenActiveAsync(c.Version, [], cancellationToken))).ConfigureAwait(false);
    }

    private void OnTokenRefreshed(object? sender, GenesysCloudTokenEventArgs e)
    {
        if (e.Outcome == "success" && !_stopping.IsCancellationRequested)
        {
            _ = RenewStaleChannelsAsync();
        }
    }

    /// <summary>
    /// A new token: channels created with the previous one stop with it. Genesys lists the channels of the calling token
    /// (<c>includechannels=token</c>), so the channels not listed are renewed, overlapping; those created with the new token
    /// (a channel created by the call that refreshed it, the first token) are left alone. If the list cannot be read, every
    /// channel is renewed.
    /// </summary>
    private async Task RenewStaleChannelsAsync()
    {
        try
        {
            var token = _stopping.Token;
            await _tokenCheck.WaitAsync(token).ConfigureAwait(false);
            try
            {
                var known = _registry.Snapshot();
                if (known.Count == 0)
                {
                    return;
                }

                HashSet<string> current;
                try
                {
                    var listing = await _api.GetNotificationsChannelsAsync("token", token).ConfigureAwait(false);
                    current = (listing.Entities ?? []).Select(static c => c.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
                }
                catch (GenesysCloudException ex)
                {
                    Log.ProbeFailed(_logger, "(the token's channels)", ex.Message);
                    current = [];
                }

                var stale = _registry.MarkStale(known, current);
                var renewing = 0;
                foreach (var lane in _table.Lanes)
                {
                    if (lane.Channel is { } channel && stale.Contains(channel))
                    {
                        lane.OnChannelStale(channel);
                        renewing++;
                    }
                }

                Log.TokenRefreshed(_logger, renewing);
            }
            finally
            {
                _tokenCheck.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private void OnCheckTimer()
    {
        if (Interlocked.Exchange(ref _checking, 1) == 0)
        {
            _ = CheckChannelsAsync();
        }
    }

    private async Task CheckChannelsAsync()
    {
        try
        {
            var token = _stopping.Token;
            foreach (var lane in _table.Lanes)
            {
                if (lane.Channel is { } channel && !await _registry.ExistsAsync(channel, token).ConfigureAwait(false))
                {
                    lane.OnChannelGone(channel);
                }
            }

            await _registry.PruneUnusedAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or GenesysCloudException)
        {
            // Stopping, or the next check tries again.
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }
}
