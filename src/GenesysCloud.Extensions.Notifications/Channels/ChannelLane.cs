using System.Threading.Channels;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Notifications.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>
/// A channel group: up to <c>MaxTopicsPerChannel</c> topics and the Genesys Cloud channel and socket that carry them now.
/// One loop owns its state and does, in order, whatever it takes to be active — get a channel, open its socket, subscribe
/// the topics (a <c>PUT</c> of the whole list) — retrying with jittered exponential backoff (Polly, on the injected
/// <see cref="TimeProvider"/>), then waits for what changes that:
/// <list type="bullet">
/// <item>a socket that drops, or goes silent, is reopened on the same channel (its subscriptions stay);</item>
/// <item>a channel about to expire, created with a token that was refreshed, or whose socket gets the closing warning,
/// hands over: a new channel is subscribed while the old one still delivers, then the old one's subscriptions are removed
/// and its socket closed after reading what was in flight; events seen on both are delivered once;</item>
/// <item>a channel that is gone is replaced.</item>
/// </list>
/// </summary>
internal sealed class ChannelLane : ISocketListener
{
    private readonly INotificationsApi _api;
    private readonly ChannelRegistry _registry;
    private readonly ILaneOwner _owner;
    private readonly TimeProvider _time;
    private readonly GenesysCloudNotificationsOptions _options;
    private readonly NotificationsDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rejected = new(StringComparer.Ordinal);
    private readonly List<Activation> _activations = [];
    private readonly Channel<LaneSignal> _signals = System.Threading.Channels.Channel.CreateUnbounded<LaneSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long _version;
    private long _applied = -1;
    private ChannelRecord? _channel;
    private ChannelSocket? _socket;
    private ChannelRecord? _nextChannel;
    private ChannelSocket? _nextSocket;
    private HandoverDeduplicator? _deduplicator;
    private ITimer? _renewal;
    private string _state = "connecting";
    private string? _lastError;
    private string? _lastReason;
    private long _reconnects;
    private long _events;
    private int _started;

    public ChannelLane(
        int id,
        INotificationsApi api,
        ChannelRegistry registry,
        ILaneOwner owner,
        TimeProvider time,
        GenesysCloudNotificationsOptions options,
        NotificationsDiagnostics diagnostics,
        ILogger logger)
    {
        Id = id;
        _api = api;
        _registry = registry;
        _owner = owner;
        _time = time;
        _options = options;
        _diagnostics = diagnostics;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(static ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectBaseDelay,
                MaxDelay = options.ReconnectMaxDelay,
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception?.Message ?? "unknown error";
                    lock (_gate)
                    {
                        _lastError = error;
                        _state = "reconnecting";
                    }

                    Log.Reconnecting(_logger, Id, args.AttemptNumber + 1, args.RetryDelay, error);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Gets the group's number, for logs.</summary>
    public int Id { get; }

    /// <summary>Gets the number of topics of the group.</summary>
    public int TopicCount
    {
        get
        {
            lock (_gate)
            {
                return _topics.Count;
            }
        }
    }

    /// <summary>Gets a value indicating whether every topic is subscribed on an open socket.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return IsActiveLocked;
            }
        }
    }

    /// <summary>Gets the channel in use, if any.</summary>
    public ChannelRecord? Channel
    {
        get
        {
            lock (_gate)
            {
                return _channel;
            }
        }
    }

    /// <summary>Gets the version of the topic list (one more for each change).</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    private bool IsActiveLocked => _socket is { IsOpen: true } && _applied >= _version;

    /// <summary>Adds and removes topics; returns the version that, once applied, includes the change.</summary>
    public long Update(IEnumerable<string> add, IEnumerable<string> remove)
    {
        long version;
        lock (_gate)
        {
            foreach (var topic in add)
            {
                _topics.Add(topic);
                _rejected.Remove(topic);
            }

            foreach (var topic in remove)
            {
                _topics.Remove(topic);
            }

            version = ++_version;
        }

        _signals.Writer.TryWrite(new LaneSignal(LaneSignalKind.TopicsChanged));
        return version;
    }

    /// <summary>
    /// Completes once <paramref name="version"/> is applied on an open socket, with those of <paramref name="topics"/>
    /// Genesys Cloud rejected (topic → reason).
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> WhenActiveAsync(long version, IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        var activation = new Activation(version, topics);
        lock (_gate)
        {
            if (!TryCompleteLocked(activation))
            {
                _activations.Add(activation);
            }
        }

        return activation.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Starts the loop (once).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _loop = RunAsync(_stopping.Token);
        }
    }

    /// <summary>The token that created the channel was replaced: the channel stops with it, so hand over.</summary>
    public void OnChannelStale(ChannelRecord channel) =>
        _signals.Writer.TryWrite(new LaneSignal(LaneSignalKind.Renew, ReconnectReason.TokenRefreshed, Channel: channel));

    /// <summary>A check found the channel gone.</summary>
    public void OnChannelGone(ChannelRecord channel) =>
        _signals.Writer.TryWrite(new LaneSignal(LaneSignalKind.ChannelGone, ReconnectReason.ChannelGone, Channel: channel));

    /// <summary>Stops the loop, removes the group's subscriptions and closes its sockets; the channel may serve another group when <paramref name="reusable"/>.</summary>
    public async Task StopAsync(bool reusable, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting.
        }

        _renewal?.Dispose();
        await RetireAsync(_nextChannel, _nextSocket, reusable, cancellationToken).ConfigureAwait(false);
        await RetireAsync(_channel, _socket, reusable, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _state = "stopped";
            _channel = _nextChannel = null;
            _socket = _nextSocket = null;
            foreach (var activation in _activations)
            {
                activation.Completion.TrySetException(new GenesysCloudNotificationException(GenesysCloudNotificationErrorCodes.Stopped, "The notifications client stopped."));
            }

            _activations.Clear();
        }

        _signals.Writer.TryComplete();
        _stopping.Dispose();
    }

    /// <summary>Gets the group's status.</summary>
    public GenesysCloudNotificationChannelStatus Status()
    {
        lock (_gate)
        {
            return new GenesysCloudNotificationChannelStatus
            {
                ChannelId = _channel?.Id,
                State = _state,
                TopicCount = _topics.Count,
                Active = IsActiveLocked,
                ConnectedSince = _socket is { IsOpen: true } socket ? socket.ConnectedAt : null,
                LastMessageAt = _socket?.LastMessageAt,
                Expires = _channel?.Expires,
                EventsReceived = Interlocked.Read(ref _events),
                Reconnects = _reconnects,
                LastReconnectReason = _lastReason,
                LastError = _lastError,
            };
        }
    }

    void ISocketListener.OnFrame(ChannelSocket socket, NotificationFrame frame)
    {
        if (frame.Kind == FrameKind.SocketClosing)
        {
            Log.ClosingWarning(_logger, socket.Channel.Id);
            _signals.Writer.TryWrite(new LaneSignal(LaneSignalKind.Renew, ReconnectReason.ClosingWarning, Channel: socket.Channel));
            return;
        }

        var deduplicator = Volatile.Read(ref _deduplicator);
        if (deduplicator is not null)
        {
            if (deduplicator.IsDuplicate(frame))
            {
                _diagnostics.DuplicateDiscarded();
                return;
            }

            if (deduplicator.Expired)
            {
                Interlocked.CompareExchange(ref _deduplicator, null, deduplicator);
            }
        }

        Interlocked.Increment(ref _events);
        _owner.Deliver(frame);
    }

    void ISocketListener.OnEnded(ChannelSocket socket, string reason, string detail) =>
        _signals.Writer.TryWrite(new LaneSignal(LaneSignalKind.SocketEnded, reason, socket));

    private async Task RunAsync(CancellationToken stopping)
    {
        string? reason = ReconnectReason.Initial;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var why = reason;
                await _retry.ExecuteAsync(async ct => await EnsureActiveAsync(why, ct).ConfigureAwait(false), stopping).ConfigureAwait(false);
                reason = null;
                var signal = await _signals.Reader.ReadAsync(stopping).ConfigureAwait(false);
                switch (signal.Kind)
                {
                    case LaneSignalKind.SocketEnded when ReferenceEquals(signal.Socket, _socket):
                        SetCurrent(_channel, null);
                        reason = Reconnected(signal.Reason!);
                        break;
                    case LaneSignalKind.ChannelGone when ReferenceEquals(signal.Channel, _channel):
                        Log.ChannelGone(_logger, signal.Channel!.Id);
                        _registry.Forget(signal.Channel);
                        _socket?.Abort(ReconnectReason.ChannelGone, "the channel no longer exists");
                        SetCurrent(null, null);
                        reason = Reconnected(ReconnectReason.ChannelGone);
                        break;
                    case LaneSignalKind.Renew when ReferenceEquals(signal.Channel, _channel):
                        await HandOverAsync(signal.Reason!, stopping).ConfigureAwait(false);
                        break;
                    default:
                        // Topics changed (the next EnsureActiveAsync applies them), or a signal about a socket or channel already replaced.
                        break;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop is the group's only owner: a bug must not end it, and every retry is already inside.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _lastError = ex.Message;
                }

                Log.HandoverFailed(_logger, _channel?.Id ?? "(none)", reason ?? "unknown", ex.Message);
            }
        }
    }

    private string Reconnected(string reason)
    {
        _diagnostics.Reconnecting(reason);
        lock (_gate)
        {
            _reconnects++;
            _lastReason = reason;
            _state = "reconnecting";
        }

        return reason;
    }

    /// <summary>Gets a channel (if none), opens its socket (if closed) and applies the topics (if changed).</summary>
    private async Task EnsureActiveAsync(string? reason, CancellationToken cancellationToken)
    {
        if (_socket is null && _channel is not null)
        {
            try
            {
                SetCurrent(_channel, await ConnectAsync(_channel, cancellationToken).ConfigureAwait(false));
            }
            catch (ChannelGoneException)
            {
                // Gone while the socket was down: replace it at once (below), subscriptions included.
                SetCurrent(null, null);
                reason = Reconnected(ReconnectReason.ChannelGone);
            }
        }

        if (_channel is null)
        {
            await CreateAsync(reason ?? ReconnectReason.ChannelGone, cancellationToken).ConfigureAwait(false);
        }
        else if (_applied < _version)
        {
            await ApplyAsync(_channel, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _state = "connected";
            _lastError = null;
            CompleteActivationsLocked();
        }
    }

    /// <summary>A channel (re)creation, one span: get a channel, open its socket, subscribe the topics.</summary>
    private async Task CreateAsync(string reason, CancellationToken cancellationToken)
    {
        using var activity = NotificationsDiagnostics.StartChannelActivity(reason, TopicCount);
        try
        {
            var channel = await _registry.AcquireAsync(reason, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(GenesysCloudNotificationsTelemetryNames.ChannelIdAttribute, channel.Id);
            lock (_gate)
            {
                _channel = channel;
                _socket = null;
                _applied = -1;
            }

            ScheduleRenewal(channel);
            try
            {
                SetCurrent(channel, await ConnectAsync(channel, cancellationToken).ConfigureAwait(false));
            }
            catch (ChannelGoneException)
            {
                SetCurrent(null, null);
                throw;
            }

            await ApplyAsync(channel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    private async Task ApplyAsync(ChannelRecord channel, CancellationToken cancellationToken)
    {
        var applied = await PutTopicsAsync(channel, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (ReferenceEquals(channel, _channel))
            {
                _applied = applied;
            }
        }
    }

    /// <summary>Opens a socket to the channel; a channel that is gone is forgotten and reported as <see cref="ChannelGoneException"/>.</summary>
    private async Task<ChannelSocket> ConnectAsync(ChannelRecord channel, CancellationToken cancellationToken)
    {
        try
        {
            var socket = await ChannelSocket.ConnectAsync(channel, this, _time, _options, _diagnostics, _logger, cancellationToken).ConfigureAwait(false);
            socket.Start();
            return socket;
        }
        catch (ChannelSocketConnectException ex)
        {
            // The handshake alone cannot always tell "gone" from "unreachable": ask the API (a call that also refreshes a revoked token).
            if (ex.ChannelGone || !await _registry.ExistsAsync(channel, cancellationToken).ConfigureAwait(false))
            {
                Log.ChannelGone(_logger, channel.Id);
                _registry.Forget(channel);
                throw new ChannelGoneException(channel, ex);
            }

            throw;
        }
    }

    /// <summary>Subscribes the whole topic list on the channel (a <c>PUT</c> replaces it); returns the version applied.</summary>
    private async Task<long> PutTopicsAsync(ChannelRecord channel, CancellationToken cancellationToken)
    {
        long version;
        List<ChannelTopic> body;
        lock (_gate)
        {
            version = _version;
            body = _topics.Order(StringComparer.Ordinal).Select(static t => new ChannelTopic { Id = t }).ToList();
        }

        // ignoreErrors: a topic Genesys rejects (missing permissions) comes back Rejected instead of failing the whole list.
        var result = await _api.PutNotificationsChannelSubscriptionsAsync(channel.Id, body, ignoreErrors: true, cancellationToken).ConfigureAwait(false);
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topic in result.Entities ?? [])
        {
            if (topic.Id is { } id && topic.State == ChannelTopic.StateEnum.Rejected)
            {
                rejected[id] = topic.RejectionReason ?? (topic.MissingPermissions is { Count: > 0 } missing ? "missing permissions " + string.Join(", ", missing) : "rejected");
            }
        }

        Log.TopicsApplied(_logger, channel.Id, body.Count - rejected.Count);
        if (rejected.Count > 0)
        {
            lock (_gate)
            {
                foreach (var (topic, why) in rejected)
                {
                    _topics.Remove(topic);
                    _rejected[topic] = why;
                }
            }

            foreach (var (topic, why) in rejected)
            {
                Log.TopicRejected(_logger, topic, why);
            }

            _owner.Rejected(this, rejected);
        }

        return version;
    }

    /// <summary>Moves the topics to a new channel while the old one still delivers, then retires the old one.</summary>
    private async Task HandOverAsync(string reason, CancellationToken stopping)
    {
        var old = _channel!;
        var oldSocket = _socket;
        Reconnected(reason);
        lock (_gate)
        {
            _state = "handing_over";
        }

        // From the new channel's subscription on, both deliver: copies of the same event are recognized.
        var deduplicator = new HandoverDeduplicator(_time);
        Volatile.Write(ref _deduplicator, deduplicator);
        long applied = -1;
        using (var activity = NotificationsDiagnostics.StartChannelActivity(reason, TopicCount))
        {
            try
            {
                await _retry.ExecuteAsync(
                    async ct =>
                    {
                        _nextChannel ??= await _registry.AcquireAsync(reason, ct).ConfigureAwait(false);
                        activity?.SetTag(GenesysCloudNotificationsTelemetryNames.ChannelIdAttribute, _nextChannel.Id);
                        if (_nextSocket is not { IsOpen: true })
                        {
                            _nextSocket = null;
                            try
                            {
                                _nextSocket = await ConnectAsync(_nextChannel, ct).ConfigureAwait(false);
                            }
                            catch (ChannelGoneException)
                            {
                                _nextChannel = null;
                                throw;
                            }
                        }

                        applied = await PutTopicsAsync(_nextChannel, ct).ConfigureAwait(false);
                    },
                    stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
                Log.HandoverFailed(_logger, old.Id, reason, ex.Message);
                throw;
            }

            var next = _nextChannel!;
            Log.HandoverStarted(_logger, old.Id, next.Id, reason, TopicCount);
            lock (_gate)
            {
                _channel = next;
                _socket = _nextSocket;
                _applied = applied;
                _nextChannel = null;
                _nextSocket = null;
                _state = "connected";
                CompleteActivationsLocked();
            }

            ScheduleRenewal(next);

            // The old channel is retired once the new one delivers: what it still has in flight is read before it closes.
            await RetireAsync(old, oldSocket, reusable: reason == ReconnectReason.ClosingWarning, stopping).ConfigureAwait(false);
            deduplicator.End(_options.DeduplicationWindow);
            Log.HandoverCompleted(_logger, old.Id, _diagnostics.DuplicatesTotal);
        }
    }

    /// <summary>Removes the channel's subscriptions and closes its socket (reading what is still in flight), then releases it.</summary>
    private async Task RetireAsync(ChannelRecord? channel, ChannelSocket? socket, bool reusable, CancellationToken cancellationToken)
    {
        if (channel is not null)
        {
            try
            {
                await _api.DeleteNotificationsChannelSubscriptionsAsync(channel.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is GenesysCloudException or OperationCanceledException)
            {
                Log.UnsubscribeFailed(_logger, channel.Id, ex.Message);
                reusable = false;
            }
        }

        if (socket is not null)
        {
            await socket.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        if (channel is not null)
        {
            _registry.Release(channel, reusable);
        }
    }

    private void ScheduleRenewal(ChannelRecord channel)
    {
        _renewal?.Dispose();
        var due = channel.RenewAt(_options.RenewBeforeExpiry) - _time.GetUtcNow();
        _renewal = _time.CreateTimer(
            static state =>
            {
                var (lane, record) = ((ChannelLane, ChannelRecord))state!;
                lane._signals.Writer.TryWrite(new LaneSignal(LaneSignalKind.Renew, ReconnectReason.ChannelExpiring, Channel: record));
            },
            (this, channel),
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    private void SetCurrent(ChannelRecord? channel, ChannelSocket? socket)
    {
        lock (_gate)
        {
            _channel = channel;
            _socket = socket;
        }
    }

    private void CompleteActivationsLocked() => _activations.RemoveAll(TryCompleteLocked);

    private bool TryCompleteLocked(Activation activation)
    {
        if (!IsActiveLocked || _applied < activation.Version)
        {
            return false;
        }

        var rejected = activation.Topics.Where(_rejected.ContainsKey).ToDictionary(static t => t, t => _rejected[t], StringComparer.Ordinal);
        activation.Completion.TrySetResult(rejected);
        return true;
    }

    private sealed class Activation(long version, IReadOnlyCollection<string> topics)
    {
        public long Version { get; } = version;

        public IReadOnlyCollection<string> Topics { get; } = topics;

        public TaskCompletionSource<IReadOnlyDictionary<string, string>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
