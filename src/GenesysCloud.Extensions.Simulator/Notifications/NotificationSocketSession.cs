using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>
/// One socket connected to a channel. Everything it sends goes through one ordered outbox written by one loop: events (an
/// event counts as delivered once fully written), heartbeats on the simulator's clock, pongs to <c>{"message":"ping"}</c>,
/// the closing warning, and the end — a close frame, or (the drop fault) none. A silenced socket writes nothing more.
/// </summary>
internal sealed class NotificationSocketSession
{
    private static readonly byte[] Heartbeat = Encode(Metadata("WebSocket Heartbeat"));
    private static readonly byte[] Pong = Encode(Metadata("pong"));

    private readonly WebSocket _socket;
    private readonly NotificationChannel _channel;
    private readonly SimulatorNotifications _hub;
    private readonly TimeProvider _time;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _ended = new();
    private readonly ITimer _heartbeat;
    private volatile bool _silenced;
    private int _open = 1;
    private ITimer? _closeTimer;

    public NotificationSocketSession(WebSocket socket, NotificationChannel channel, SimulatorNotifications hub, TimeProvider time, TimeSpan heartbeatInterval)
    {
        _socket = socket;
        _channel = channel;
        _hub = hub;
        _time = time;

        // From the accept on, so that a test that saw the socket connect can advance the clock to the next heartbeat.
        _heartbeat = time.CreateTimer(static state => ((NotificationSocketSession)state!).OnHeartbeat(), this, heartbeatInterval, heartbeatInterval);
    }

    private enum OutgoingKind
    {
        Message,
        Close,
        Drop,
    }

    public bool IsOpen => Volatile.Read(ref _open) == 1;

    public bool IsSilenced => _silenced;

    /// <summary>Queues an event; false when the socket is closed or silenced (the event is then not delivered to it).</summary>
    public bool TryEnqueueEvent(byte[] message, long sequence) =>
        IsOpen && !_silenced && _outbox.Writer.TryWrite(new Outgoing(OutgoingKind.Message, message, sequence));

    public void EnqueueControl(byte[] message)
    {
        if (!_silenced)
        {
            _outbox.Writer.TryWrite(new Outgoing(OutgoingKind.Message, message, 0));
        }
    }

    /// <summary>The socket goes silent: no more heartbeats, events or pongs (a half-open connection).</summary>
    public void Silence() => _silenced = true;

    /// <summary>Ends the connection without a close frame once what is queued before is written.</summary>
    public void Drop() => _outbox.Writer.TryWrite(new Outgoing(OutgoingKind.Drop, null, 0));

    /// <summary>Sends a close frame (after what is queued before) and ends.</summary>
    public void Close(WebSocketCloseStatus status, string description) =>
        _outbox.Writer.TryWrite(new Outgoing(OutgoingKind.Close, Encoding.UTF8.GetBytes(description), 0, status));

    /// <summary>Closes the socket after <paramref name="delay"/> on the simulator's clock (the closing warning's minute).</summary>
    public void CloseAfter(TimeSpan delay, WebSocketCloseStatus status, string description) =>
        Interlocked.Exchange(ref _closeTimer, _time.CreateTimer(
            static state =>
            {
                var (session, status, description) = ((NotificationSocketSession, WebSocketCloseStatus, string))state!;
                session.Close(status, description);
            },
            (this, status, description),
            delay,
            Timeout.InfiniteTimeSpan))?.Dispose();

    public async Task RunAsync(CancellationToken stopping)
    {
        using var stop = stopping.Register(static state => ((NotificationSocketSession)state!)._ended.Cancel(), this);
        var reading = ReadLoopAsync();
        var closed = await WriteLoopAsync().ConfigureAwait(false);
        Volatile.Write(ref _open, 0);
        if (closed)
        {
            // A close handshake: the client answers at once; the bound only protects the simulator from a client that never does.
            try
            {
                await reading.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Ends without the client's answer.
            }
        }

        await _ended.CancelAsync().ConfigureAwait(false);
        _outbox.Writer.TryComplete();
        while (_outbox.Reader.TryRead(out var left))
        {
            if (left.Sequence > 0)
            {
                _hub.RecordDelivery(left.Sequence, _channel.Id, delivered: false, "socket ended");
            }
        }

        _closeTimer?.Dispose();
        _heartbeat.Dispose();
        _hub.SocketEnded(_channel, this);
        _ended.Dispose();
    }

    private static JsonObject Metadata(string message) => new()
    {
        ["topicName"] = "channel.metadata",
        ["eventBody"] = new JsonObject { ["message"] = message },
    };

    private static byte[] Encode(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private void OnHeartbeat()
    {
        if (!IsOpen)
        {
            return;
        }

        // A channel stops with its token (expired or deleted): checked on the heartbeat's clock.
        if (!_hub.TokenIsAlive(_channel))
        {
            _hub.RemoveChannel(_channel.Id, "token expired", WebSocketCloseStatus.PolicyViolation);
            return;
        }

        EnqueueControl(Heartbeat);
    }

    /// <summary>Writes the outbox in order; returns true when it ended with a close frame.</summary>
    private async Task<bool> WriteLoopAsync()
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(_ended.Token).ConfigureAwait(false))
            {
                while (_outbox.Reader.TryRead(out var item))
                {
                    switch (item.Kind)
                    {
                        case OutgoingKind.Drop:
                            return false;
                        case OutgoingKind.Close:
                            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                            {
                                await _socket.CloseOutputAsync(item.Status, Encoding.UTF8.GetString(item.Bytes!), _ended.Token).ConfigureAwait(false);
                            }

                            return true;
                        default:
                            if (item.Sequence > 0 && _silenced)
                            {
                                _hub.RecordDelivery(item.Sequence, _channel.Id, delivered: false, "silenced");
                                continue;
                            }

                            if (_silenced)
                            {
                                continue;
                            }

                            await _socket.SendAsync(item.Bytes!, WebSocketMessageType.Text, endOfMessage: true, _ended.Token).ConfigureAwait(false);
                            if (item.Sequence > 0)
                            {
                                _hub.RecordDelivery(item.Sequence, _channel.Id, delivered: true, null);
                            }

                            break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The client went away, or the simulator stops.
        }

        return false;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _ended.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The client closes: answer the handshake (after what is queued) and end.
                    Close(WebSocketCloseStatus.NormalClosure, "closed");
                    return;
                }

                _hub.Touch(_channel);
                if (result.EndOfMessage && IsPing(buffer.AsSpan(0, result.Count)))
                {
                    EnqueueControl(Pong);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Ended: the writer stops too.
            Drop();
        }
    }

    private static bool IsPing(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                && message.GetString() == "ping";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private readonly record struct Outgoing(OutgoingKind Kind, byte[]? Bytes, long Sequence, WebSocketCloseStatus Status = WebSocketCloseStatus.NormalClosure);
}
