using System.Buffers;
using System.Net.WebSockets;
using GenesysCloud.Extensions.Notifications.Telemetry;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>
/// One WebSocket to a channel's <c>connectUri</c>: reads messages (text, possibly fragmented, bounded in size), watches
/// for silence — after <c>PingAfter</c> without any message it sends <c>{"message":"ping"}</c>, and after a further
/// <c>PongTimeout</c> it aborts — and closes gracefully, reading what is still in flight until the service confirms.
/// Every timer runs on the injected <see cref="TimeProvider"/>. It ends exactly once and says why.
/// </summary>
internal sealed class ChannelSocket : IDisposable
{
    private const string ClosedReason = "closed";
    private static readonly byte[] Ping = "{\"message\":\"ping\"}"u8.ToArray();

    private readonly ClientWebSocket _socket;
    private readonly ISocketListener _listener;
    private readonly TimeProvider _time;
    private readonly GenesysCloudNotificationsOptions _options;
    private readonly NotificationsDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private readonly ITimer _watchdog;
    private Task _receiving = Task.CompletedTask;
    private long _lastActivity;
    private long _lastHeartbeat;
    private long _pingSent;
    private long _lastMessageAtTicks;
    private string? _abortReason;
    private string? _abortDetail;
    private volatile bool _closing;
    private int _ended;

    private ChannelSocket(ChannelRecord channel, ClientWebSocket socket, ISocketListener listener, TimeProvider time, GenesysCloudNotificationsOptions options, NotificationsDiagnostics diagnostics, ILogger logger)
    {
        Channel = channel;
        _socket = socket;
        _listener = listener;
        _time = time;
        _options = options;
        _diagnostics = diagnostics;
        _logger = logger;
        ConnectedAt = time.GetUtcNow();
        _lastActivity = time.GetTimestamp();
        _watchdog = time.CreateTimer(static state => ((ChannelSocket)state!).OnWatchdog(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ChannelRecord Channel { get; }

    public DateTimeOffset ConnectedAt { get; }

    public DateTimeOffset? LastMessageAt => Interlocked.Read(ref _lastMessageAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool IsOpen => Volatile.Read(ref _ended) == 0;

    /// <summary>Opens the socket; <see cref="Start"/> begins reading.</summary>
    /// <exception cref="ChannelSocketConnectException">The handshake failed or timed out.</exception>
    public static async Task<ChannelSocket> ConnectAsync(
        ChannelRecord channel, ISocketListener listener, TimeProvider time, GenesysCloudNotificationsOptions options, NotificationsDiagnostics diagnostics, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.CollectHttpResponseDetails = true;

            // The application-level ping below is the keep-alive Genesys understands; protocol pings would only add traffic.
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            options.ConfigureWebSocket?.Invoke(socket.Options);
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await socket.ConnectAsync(channel.ConnectUri, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ChannelSocketConnectException($"Connecting the socket of channel {channel.Id} timed out after {options.ConnectTimeout}.", null, ex);
            }
            catch (WebSocketException ex)
            {
                var status = socket.HttpStatusCode;
                throw new ChannelSocketConnectException(
                    $"Connecting the socket of channel {channel.Id} failed{(status == 0 ? string.Empty : $" with HTTP {(int)status}")}: {ex.Message}",
                    status == 0 ? null : status,
                    ex);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        diagnostics.SocketOpened();
        Log.SocketConnected(logger, channel.Id, channel.Host);
        return new ChannelSocket(channel, socket, listener, time, options, diagnostics, logger);
    }

    /// <summary>Starts reading and watching for silence.</summary>
    public void Start()
    {
        _receiving = ReceiveLoopAsync();
        _watchdog.Change(_options.PingAfter, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Closes gracefully: sends the close frame, keeps reading (and delivering) until the service confirms or
    /// <c>CloseTimeout</c> passes, then aborts.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _closing = true;
        if (IsOpen)
        {
            try
            {
                await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (_socket.State == WebSocketState.Open)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _send.Release();
                }

                await _receiving.WaitAsync(_options.CloseTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
                // Not confirmed in time (or the host's shutdown timeout passed): abort below.
            }
        }

        Abort(ClosedReason, "closed by the client");
        await _receiving.ConfigureAwait(false);
    }

    /// <summary>Aborts the socket (no close handshake); the first reason given is the one reported.</summary>
    public void Abort(string reason, string detail)
    {
        if (Interlocked.CompareExchange(ref _abortReason, reason, null) is null)
        {
            _abortDetail = detail;
        }

        try
        {
            _socket.Abort();
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        var skipping = false;
        var reason = ReconnectReason.SocketDropped;
        var detail = "the connection ended without a close frame";
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _abort.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = _closing ? ClosedReason : ReconnectReason.ServerClosed;
                    detail = $"close status {_socket.CloseStatus} '{_socket.CloseStatusDescription}'";
                    await ConfirmCloseAsync().ConfigureAwait(false);
                    break;
                }

                // One reading of the clock per frame, taken before the arrival time is published, so whoever sees the
                // arrival time also sees this frame's heartbeat measured at (or before) it.
                var receivedAt = _time.GetTimestamp();
                Touch(receivedAt);
                if (!skipping && message.WrittenCount + result.Count > _options.MaxMessageBytes)
                {
                    skipping = true;
                    message.ResetWrittenCount();
                }

                if (!skipping)
                {
                    message.Write(buffer.AsSpan(0, result.Count));
                }

                if (result.EndOfMessage)
                {
                    if (skipping)
                    {
                        _diagnostics.EventUnreadable("unknown");
                        Log.MessageIgnored(_logger, Channel.Id, $"larger than MaxMessageBytes ({_options.MaxMessageBytes})");
                    }
                    else if (result.MessageType == WebSocketMessageType.Text)
                    {
                        Handle(message.WrittenSpan, receivedAt);
                    }

                    message.ResetWrittenCount();
                    skipping = false;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            if (_abortReason is { } aborted)
            {
                reason = aborted;
                detail = _abortDetail ?? ex.Message;
            }
            else
            {
                detail = ex.Message;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            End(reason, detail);
        }
    }

    private async Task ConfirmCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            await _send.WaitAsync(_abort.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _abort.Token).ConfigureAwait(false);
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The service is gone already.
        }
    }

    private void Handle(ReadOnlySpan<byte> utf8, long receivedAt)
    {
        var frame = NotificationFrame.Parse(utf8, Channel.Id, _time.GetUtcNow(), out var ignored);
        if (frame is null)
        {
            Log.MessageIgnored(_logger, Channel.Id, ignored!);
            return;
        }

        switch (frame.Kind)
        {
            case FrameKind.Heartbeat:
                var previous = Interlocked.Exchange(ref _lastHeartbeat, receivedAt);
                if (previous != 0)
                {
                    _diagnostics.HeartbeatGap(_time.GetElapsedTime(previous, receivedAt));
                }

                break;
            case FrameKind.Pong or FrameKind.Metadata:
                break;
            default:
                _listener.OnFrame(this, frame);
                break;
        }
    }

    private void Touch(long receivedAt)
    {
        Volatile.Write(ref _lastActivity, receivedAt);
        Interlocked.Exchange(ref _lastMessageAtTicks, _time.GetUtcNow().UtcTicks);
        Volatile.Write(ref _pingSent, 0);
    }

    private void OnWatchdog()
    {
        if (!IsOpen)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var quiet = _time.GetElapsedTime(Volatile.Read(ref _lastActivity), now);
        var pingSent = Volatile.Read(ref _pingSent);
        if (pingSent != 0)
        {
            var sincePing = _time.GetElapsedTime(pingSent, now);
            if (sincePing >= _options.PongTimeout)
            {
                Abort(ReconnectReason.HeartbeatTimeout, $"nothing received for {quiet}, not even a pong {_options.PongTimeout} after a ping");
                return;
            }

            Arm(_options.PongTimeout - sincePing);
            return;
        }

        if (quiet < _options.PingAfter)
        {
            Arm(_options.PingAfter - quiet);
            return;
        }

        Volatile.Write(ref _pingSent, now);
        Log.PingSent(_logger, Channel.Id, quiet);
        _ = SendPingAsync();
        Arm(_options.PongTimeout);
    }

    private void Arm(TimeSpan due)
    {
        try
        {
            _watchdog.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }

    private async Task SendPingAsync()
    {
        try
        {
            await _send.WaitAsync(_abort.Token).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // A socket that cannot even send is dead: the watchdog aborts it when the pong does not come.
        }
    }

    private void End(string reason, string detail)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _watchdog.Dispose();
        _diagnostics.SocketClosed();
        if (reason != ClosedReason)
        {
            Log.SocketEnded(_logger, Channel.Id, reason, detail);
        }

        _listener.OnEnded(this, reason, detail);
        Dispose();
    }

    /// <summary>Releases the socket; called once it ended (a socket never started is disposed by its owner).</summary>
    public void Dispose()
    {
        _watchdog.Dispose();
        _socket.Dispose();
        _abort.Dispose();
        _send.Dispose();
    }
}
