using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Notifications;
using GenesysCloud.Extensions.Simulator.OAuth;
using GenesysCloud.Extensions.Simulator.Organization;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// The simulator's Notifications service: channels (24 h lifetime, 20 per OAuth client — a 21st removes the one used longest
/// ago, unconnected ones first — no DELETE), subscriptions (1,000 topics per channel, <c>PUT</c>/<c>POST</c>/<c>GET</c>/<c>DELETE</c>),
/// the WebSocket stream (heartbeats every 30 s, pongs), events from the organization's activity, each numbered in
/// publication order, and the faults a client must heal from. Tests drive it here; other languages through
/// <c>/_simulator/notifications</c>. Thread-safe.
/// </summary>
public sealed class SimulatorNotifications
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NotificationChannel> _channels = new(StringComparer.Ordinal);
    private readonly List<SimulatedNotification> _published = [];
    private readonly List<NotificationDelivery> _deliveries = [];
    private readonly List<string> _deniedPrefixes = [];
    private readonly List<(Func<SimulatorNotifications, bool> Condition, TaskCompletionSource Completion)> _waiters = [];
    private readonly SimulatorNotificationOptions _options;
    private readonly TokenStore _tokens;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly OrganizationActivity _activity;
    private readonly NotificationTopicPatterns _patterns;
    private long _sequence;
    private int _channelCounter;
    private int _channelsEvicted;
    private int _maxChannelsPerClient;
    private int _socketConnections;
    private long _delivered;
    private long _undelivered;
    private long _pending;

    internal SimulatorNotifications(SimulatorNotificationOptions options, SimulatorOrganization organization, int seed, CancellationToken stopping)
    {
        _options = options;
        _tokens = organization.Tokens;
        _time = organization.TimeProvider;
        _stopping = stopping;
        _activity = new OrganizationActivity(this, organization.Store, _time, seed, options.ActivityInterval);
        _patterns = NotificationTopicPatterns.With(options.AdditionalTopics);
    }

    /// <summary>Gets the events published so far (the last <see cref="SimulatorNotificationOptions.MaxRecordedEvents"/>), in order.</summary>
    public IReadOnlyList<SimulatedNotification> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Gets what became of each event for each channel subscribed to its topic (the last <see cref="SimulatorNotificationOptions.MaxRecordedEvents"/>).</summary>
    public IReadOnlyList<NotificationDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Gets the channels that exist now.</summary>
    public IReadOnlyList<SimulatedChannel> Channels
    {
        get
        {
            lock (_gate)
            {
                return [.. _channels.Values.OrderBy(static c => c.CreatedAt).ThenBy(static c => c.Id, StringComparer.Ordinal).Select(static c => c.Describe())];
            }
        }
    }

    /// <summary>Gets the number of events published.</summary>
    public long PublishedCount => Interlocked.Read(ref _sequence);

    /// <summary>Gets the number of (event, channel) deliveries written to a socket.</summary>
    public long DeliveredCount => Interlocked.Read(ref _delivered);

    /// <summary>Gets the number of (event, channel) pairs not delivered (no socket, silenced, socket ended first).</summary>
    public long UndeliveredCount => Interlocked.Read(ref _undelivered);

    /// <summary>Gets the number of (event, channel) pairs queued on a socket and not yet written (nor given up).</summary>
    public long PendingDeliveries => Interlocked.Read(ref _pending);

    /// <summary>Gets the number of channels created.</summary>
    public int ChannelsCreated => Volatile.Read(ref _channelCounter);

    /// <summary>Gets the number of channels removed because their client created one more than allowed.</summary>
    public int ChannelsEvicted => Volatile.Read(ref _channelsEvicted);

    /// <summary>Gets the most channels one OAuth client had at once.</summary>
    public int MaxChannelsPerClient => Volatile.Read(ref _maxChannelsPerClient);

    /// <summary>Gets the number of sockets accepted.</summary>
    public int SocketConnections => Volatile.Read(ref _socketConnections);

    /// <summary>Starts a conversation on a queue: one <c>v2.routing.queues.{id}.conversations</c> event.</summary>
    /// <param name="queueId">The queue.</param>
    /// <returns>The event.</returns>
    public SimulatedNotification StartConversation(string queueId) => _activity.StartConversation(queueId);

    /// <summary>Changes a user's presence: one <c>v2.users.{id}.presence</c> event.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="systemPresence">For example <c>Available</c>, <c>Busy</c>, <c>Away</c>, <c>Offline</c>.</param>
    /// <returns>The event.</returns>
    public SimulatedNotification SetPresence(string userId, string systemPresence) => _activity.SetPresence(userId, systemPresence);

    /// <summary>Changes a user's routing status: one <c>v2.users.{id}.routingStatus</c> event.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="status">For example <c>IDLE</c>, <c>INTERACTING</c>, <c>OFF_QUEUE</c>.</param>
    /// <returns>The event.</returns>
    public SimulatedNotification SetRoutingStatus(string userId, string status) => _activity.SetRoutingStatus(userId, status);

    /// <summary>Publishes an event with any body on any topic, to every channel subscribed to it.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="eventBody">The <c>eventBody</c>.</param>
    /// <returns>The event.</returns>
    public SimulatedNotification Publish(string topic, JsonNode eventBody)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(eventBody);
        SimulatedNotification published;
        lock (_gate)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            var correlationId = $"00000000-0000-4000-a000-{sequence:x12}";
            published = new SimulatedNotification(sequence, topic, correlationId, _time.GetUtcNow());
            Record(_published, published);
            var message = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["topicName"] = topic,
                ["version"] = "2",
                ["eventBody"] = eventBody.DeepClone(),
                ["metadata"] = new JsonObject { ["CorrelationId"] = correlationId, ["sequence"] = sequence },
            }.ToJsonString());
            foreach (var channel in _channels.Values.Where(c => c.Topics.Contains(topic)).ToList())
            {
                if (!TokenIsAlive(channel))
                {
                    RemoveLocked(channel, "token expired", WebSocketCloseStatus.PolicyViolation);
                    RecordDeliveryLocked(sequence, channel.Id, delivered: false, "channel stopped with its token");
                }
                else if (channel.Socket is not { } socket)
                {
                    RecordDeliveryLocked(sequence, channel.Id, delivered: false, "no socket");
                }
                else if (socket.TryEnqueueEvent(message, sequence))
                {
                    Interlocked.Increment(ref _pending);
                }
                else
                {
                    RecordDeliveryLocked(sequence, channel.Id, delivered: false, socket.IsSilenced ? "silenced" : "socket ended");
                }
            }
        }

        Signal();
        return published;
    }

    /// <summary>Fault: sockets end abruptly, without a close frame, after writing what was already queued.</summary>
    /// <param name="channelId">One channel's socket, or every socket.</param>
    /// <returns>The number of sockets dropped.</returns>
    public int DropSockets(string? channelId = null) => ForSockets(channelId, static s => s.Drop());

    /// <summary>Fault: sockets go silent — no more heartbeats, events or pongs — while staying open (a half-open connection).</summary>
    /// <param name="channelId">One channel's socket, or every socket.</param>
    /// <returns>The number of sockets silenced.</returns>
    public int StopHeartbeats(string? channelId = null) => ForSockets(channelId, static s => s.Silence());

    /// <summary>Fault: sends the socket-closing warning (<c>v2.system.socket_closing</c>) and closes the socket <see cref="SimulatorNotificationOptions.ClosingWarningDelay"/> later; the channel stays.</summary>
    /// <param name="channelId">One channel's socket, or every socket.</param>
    /// <returns>The number of sockets warned.</returns>
    public int SendClosingWarning(string? channelId = null)
    {
        var warned = new List<(NotificationChannel Channel, NotificationSocketSession Socket)>();
        lock (_gate)
        {
            foreach (var channel in Select(channelId))
            {
                if (channel.Socket is { IsOpen: true } socket)
                {
                    socket.EnqueueControl(Encoding.UTF8.GetBytes(new JsonObject
                    {
                        ["topicName"] = "v2.system.socket_closing",
                        ["eventBody"] = new JsonObject
                        {
                            ["channelId"] = channel.Id,
                            ["message"] = "The WebSocket will be closed for maintenance; reconnect to a new channel.",
                        },
                    }.ToJsonString()));
                    warned.Add((channel, socket));
                }
            }
        }

        foreach (var (_, socket) in warned)
        {
            socket.CloseAfter(_options.ClosingWarningDelay, WebSocketCloseStatus.EndpointUnavailable, "socket closed for maintenance");
        }

        Signal();
        return warned.Count;
    }

    /// <summary>Fault: channels expire now (before their 24 hours): the socket is closed and the channel no longer exists.</summary>
    /// <param name="channelId">One channel, or every channel.</param>
    /// <returns>The number of channels expired.</returns>
    public int ExpireChannels(string? channelId = null)
    {
        lock (_gate)
        {
            var expired = Select(channelId).ToList();
            foreach (var channel in expired)
            {
                RemoveLocked(channel, "expired", WebSocketCloseStatus.EndpointUnavailable);
            }

            return expired.Count;
        }
    }

    /// <summary>Fault: revokes the access tokens that created the channels: calls with them get 401 and their channels stop.</summary>
    /// <param name="channelId">The token of one channel, or of every channel.</param>
    /// <returns>The number of tokens revoked.</returns>
    public int RevokeTokens(string? channelId = null)
    {
        lock (_gate)
        {
            var revoked = Select(channelId).Select(static c => c.Token).Distinct(StringComparer.Ordinal).ToList();
            foreach (var token in revoked)
            {
                if (_tokens.Peek(token) is { } issued)
                {
                    _tokens.End(issued, SimulatorTokenState.Revoked);
                }

                foreach (var channel in _channels.Values.Where(c => c.Token == token).ToList())
                {
                    RemoveLocked(channel, "token revoked", WebSocketCloseStatus.PolicyViolation);
                }
            }

            return revoked.Count;
        }
    }

    /// <summary>Subscriptions to topics starting with <paramref name="topicPrefix"/> are rejected for missing permissions from now on.</summary>
    /// <param name="topicPrefix">For example <c>v2.users.</c>.</param>
    public void DenyTopics(string topicPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicPrefix);
        lock (_gate)
        {
            _deniedPrefixes.Add(topicPrefix);
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds, re-checked whenever an event, a delivery, a channel or a socket changes.</summary>
    /// <param name="condition">The state to wait for.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public Task WaitUntilAsync(Func<SimulatorNotifications, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, completion));
        }

        return cancellationToken.CanBeCanceled ? completion.Task.WaitAsync(cancellationToken) : completion.Task;
    }

    /// <summary>Stops the automatic activity (the simulator stops).</summary>
    internal void Stop() => _activity.Stop();

    internal NotificationChannel Create(IssuedToken token)
    {
        NotificationChannel created;
        lock (_gate)
        {
            var owned = _channels.Values.Where(c => c.ClientId == token.ClientId).ToList();
            if (owned.Count >= _options.MaxChannelsPerClient)
            {
                // Genesys removes the channel used longest ago, channels without a connection first.
                var victim = owned.OrderBy(static c => c.Socket is { IsOpen: true } ? 1 : 0).ThenBy(static c => c.LastUsed).First();
                RemoveLocked(victim, "removed to make room for a new channel", WebSocketCloseStatus.PolicyViolation);
                Interlocked.Increment(ref _channelsEvicted);
            }

            var number = Interlocked.Increment(ref _channelCounter);
            var now = _time.GetUtcNow();
            created = new NotificationChannel($"streaming-{number}-{Guid.NewGuid():N}", token.ClientId, token.Value, now, now + _options.ChannelLifetime);
            _channels[created.Id] = created;
            var count = owned.Count(c => _channels.ContainsKey(c.Id)) + 1;
            if (count > _maxChannelsPerClient)
            {
                Volatile.Write(ref _maxChannelsPerClient, count);
            }

            // The channel stops when it expires, or earlier with its token.
            var stopAt = token.ExpiresAt < created.Expires ? token.ExpiresAt : created.Expires;
            created.ExpiryTimer = _time.CreateTimer(
                static state =>
                {
                    var (hub, id) = ((SimulatorNotifications, string))state!;
                    hub.OnExpiryTimer(id);
                },
                (this, created.Id),
                stopAt - now,
                Timeout.InfiniteTimeSpan);
        }

        Signal();
        return created;
    }

    internal bool HasChannel(string channelId)
    {
        lock (_gate)
        {
            return _channels.ContainsKey(channelId);
        }
    }

    internal NotificationChannel? Find(string clientId, string channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var channel) && channel.ClientId == clientId ? channel : null;
        }
    }

    internal List<SimulatedChannel> List(IssuedToken token, bool allTokens)
    {
        lock (_gate)
        {
            return [.. _channels.Values
                .Where(c => c.ClientId == token.ClientId && (allTokens || c.Token == token.Value))
                .OrderBy(static c => c.CreatedAt)
                .Select(static c => c.Describe())];
        }
    }

    /// <summary>Subscribes topics (replacing or adding); returns each topic with its rejection reason, or an error message.</summary>
    internal (List<(string Topic, string? Rejection)> Topics, string? Error) Subscribe(NotificationChannel channel, IReadOnlyList<string> topics, bool replace, bool ignoreErrors)
    {
        var result = new List<(string Topic, string? Rejection)>();
        lock (_gate)
        {
            foreach (var topic in topics.Distinct(StringComparer.Ordinal))
            {
                var rejection = !_patterns.IsKnown(topic) ? "invalid topic"
                    : _deniedPrefixes.Exists(p => topic.StartsWith(p, StringComparison.Ordinal)) ? "missing permissions"
                    : null;
                result.Add((topic, rejection));
            }

            var rejected = result.Where(static r => r.Rejection is not null).ToList();
            if (rejected.Count > 0 && !ignoreErrors)
            {
                return (result, $"Unable to subscribe to {rejected.Count} topic(s): {string.Join(", ", rejected.Take(5).Select(static r => $"{r.Topic} ({r.Rejection})"))}");
            }

            var accepted = result.Where(static r => r.Rejection is null).Select(static r => r.Topic).ToList();
            var total = replace ? accepted.Count : channel.Topics.Union(accepted, StringComparer.Ordinal).Count();
            if (total > _options.MaxTopicsPerChannel)
            {
                return (result, $"Channel {channel.Id} would have {total} topics; a channel allows {_options.MaxTopicsPerChannel.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (replace)
            {
                channel.Topics.Clear();
            }

            channel.Topics.UnionWith(accepted);
            channel.LastUsed = _time.GetUtcNow();
        }

        Signal();
        return (result, null);
    }

    internal void Unsubscribe(NotificationChannel channel)
    {
        lock (_gate)
        {
            channel.Topics.Clear();
        }

        Signal();
    }

    /// <summary>The WebSocket of a channel's <c>connectUri</c>: 404 when the channel does not exist.</summary>
    internal async Task HandleSocketAsync(HttpContext context, string channelId)
    {
        NotificationChannel? channel;
        lock (_gate)
        {
            channel = _channels.GetValueOrDefault(channelId);
        }

        if (channel is null || !TokenIsAlive(channel))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var session = new NotificationSocketSession(socket, channel, this, _time, _options.HeartbeatInterval);
        NotificationSocketSession? replaced;
        lock (_gate)
        {
            if (!_channels.ContainsKey(channelId))
            {
                session.Close(WebSocketCloseStatus.EndpointUnavailable, "channel no longer exists");
                replaced = null;
            }
            else
            {
                replaced = channel.Socket;
                channel.Socket = session;
                channel.LastUsed = _time.GetUtcNow();
                Interlocked.Increment(ref _socketConnections);
            }
        }

        replaced?.Close((WebSocketCloseStatus)4000, "another connection to the channel replaced this one");
        Signal();
        await session.RunAsync(_stopping).ConfigureAwait(false);
    }

    /// <summary>A socket wrote (or gave up) an event it had queued.</summary>
    internal void RecordDelivery(long sequence, string channelId, bool delivered, string? reason)
    {
        lock (_gate)
        {
            RecordDeliveryLocked(sequence, channelId, delivered, reason);
            Interlocked.Decrement(ref _pending);
        }

        Signal();
    }

    internal void SocketEnded(NotificationChannel channel, NotificationSocketSession session)
    {
        lock (_gate)
        {
            if (ReferenceEquals(channel.Socket, session))
            {
                channel.Socket = null;
                channel.LastUsed = _time.GetUtcNow();
            }
        }

        Signal();
    }

    internal void Touch(NotificationChannel channel)
    {
        lock (_gate)
        {
            channel.LastUsed = _time.GetUtcNow();
        }
    }

    internal bool TokenIsAlive(NotificationChannel channel) => _tokens.Find(channel.Token) is not null;

    internal void RemoveChannel(string channelId, string reason, WebSocketCloseStatus status)
    {
        lock (_gate)
        {
            if (_channels.TryGetValue(channelId, out var channel))
            {
                RemoveLocked(channel, reason, status);
            }
        }

        Signal();
    }

    /// <summary>Topics currently subscribed on any channel (for the automatic activity).</summary>
    internal List<string> SubscribedTopics()
    {
        lock (_gate)
        {
            return [.. _channels.Values.SelectMany(static c => c.Topics).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    private void OnExpiryTimer(string channelId)
    {
        NotificationChannel? channel;
        lock (_gate)
        {
            channel = _channels.GetValueOrDefault(channelId);
        }

        if (channel is null)
        {
            return;
        }

        if (_time.GetUtcNow() >= channel.Expires)
        {
            RemoveChannel(channelId, "expired", WebSocketCloseStatus.EndpointUnavailable);
        }
        else if (!TokenIsAlive(channel))
        {
            RemoveChannel(channelId, "token expired", WebSocketCloseStatus.PolicyViolation);
        }
        else
        {
            // The token was alive at its expiry (refreshed clocks): check again when the channel expires.
            channel.ExpiryTimer?.Change(channel.Expires - _time.GetUtcNow(), Timeout.InfiniteTimeSpan);
        }
    }

    private IEnumerable<NotificationChannel> Select(string? channelId) =>
        channelId is null ? [.. _channels.Values] : _channels.TryGetValue(channelId, out var channel) ? [channel] : [];

    private int ForSockets(string? channelId, Action<NotificationSocketSession> action)
    {
        int count;
        lock (_gate)
        {
            var sockets = Select(channelId).Select(static c => c.Socket).OfType<NotificationSocketSession>().Where(static s => s.IsOpen).ToList();
            sockets.ForEach(action);
            count = sockets.Count;
        }

        Signal();
        return count;
    }

    private void RemoveLocked(NotificationChannel channel, string reason, WebSocketCloseStatus status)
    {
        if (!_channels.Remove(channel.Id))
        {
            return;
        }

        channel.ExpiryTimer?.Dispose();
        channel.Socket?.Close(status, $"channel {reason}");
    }

    private void RecordDeliveryLocked(long sequence, string channelId, bool delivered, string? reason)
    {
        Interlocked.Increment(ref delivered ? ref _delivered : ref _undelivered);
        Record(_deliveries, new NotificationDelivery(sequence, channelId, delivered, reason));
    }

    private void Record<T>(List<T> list, T item)
    {
        list.Add(item);
        if (list.Count > _options.MaxRecordedEvents)
        {
            list.RemoveRange(0, list.Count - _options.MaxRecordedEvents);
        }
    }

    private void Signal()
    {
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (condition, completion) = _waiters[i];
                if (completion.Task.IsCompleted || condition(this))
                {
                    completion.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
