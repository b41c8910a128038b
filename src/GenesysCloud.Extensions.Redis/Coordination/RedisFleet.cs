using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Redis.Options;
using GenesysCloud.Extensions.Redis.Telemetry;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>
/// One client's link to Redis and its mode. Every Redis operation goes through <see cref="TryAsync{T}"/>: bounded by
/// <c>OperationTimeout</c> (the first connection by <c>ConnectTimeout</c>), and on any failure the client falls back to local mode (counted, logged, reported in
/// <see cref="Status"/>) instead of failing a call. In local mode no operation is attempted; a timer checks every
/// <c>RejoinInterval</c> (and the connection's restore event at once) whether Redis answers, and the client rejoins.
/// </summary>
internal sealed class RedisFleet : IDisposable
{
    private readonly RedisConnectionSource _connection;
    private readonly GenesysCloudRedisOptions _options;
    private readonly TimeProvider _time;
    private readonly RedisMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ITimer _rejoinTimer;
    private readonly object _lock = new();
    private readonly Action<RedisChannel, RedisValue> _handler;
    private IConnectionMultiplexer? _subscribed;
    private Task? _subscribing;
    private bool _available = true;
    private string? _reason;
    private long _fallbacks;
    private int _probing;
    private bool _disposed;

    public RedisFleet(string clientName, RedisKeyNames keys, RedisConnectionSource connection, GenesysCloudRedisOptions options, TimeProvider time, RedisMetrics metrics, ILogger logger)
    {
        ClientName = clientName;
        Keys = keys;
        _connection = connection;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _handler = (_, message) => MessageReceived?.Invoke(message.ToString());
        _rejoinTimer = time.CreateTimer(static s => _ = ((RedisFleet)s!).ProbeAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised when the mode changes (fallback or rejoin).</summary>
    public event EventHandler? ModeChanged;

    /// <summary>Raised for every message on the client's channel.</summary>
    public event Action<string>? MessageReceived;

    public string ClientName { get; }

    /// <summary>Gets this replica's id in leases and locks.</summary>
    public string ReplicaId { get; } = Guid.NewGuid().ToString("N");

    public RedisKeyNames Keys { get; }

    public GenesysCloudRedisOptions Options => _options;

    public TimeProvider Time => _time;

    public bool IsAvailable => Volatile.Read(ref _available);

    public GenesysCloudCoordinationStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _available
                    ? new GenesysCloudCoordinationStatus(GenesysCloudCoordinationMode.Fleet, null, _fallbacks)
                    : new GenesysCloudCoordinationStatus(GenesysCloudCoordinationMode.Fallback, _reason, _fallbacks);
            }
        }
    }

    /// <summary>Gets Unix milliseconds now, on the client's clock.</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs <paramref name="operation"/> against Redis; <see langword="false"/> (local mode) when Redis is unavailable or fails.</summary>
    public async Task<(bool Ok, T? Value)> TryAsync<T>(Func<IDatabase, Task<T>> operation)
    {
        if (!IsAvailable)
        {
            return (false, default);
        }

        try
        {
            var connection = await _connection.GetAsync().WaitAsync(_options.ConnectTimeout, _time).ConfigureAwait(false);
            await EnsureSubscribedAsync(connection).ConfigureAwait(false);
            var value = await operation(connection.GetDatabase()).WaitAsync(_options.OperationTimeout, _time).ConfigureAwait(false);
            return (true, value);
        }
        catch (Exception ex) when (!_disposed)
        {
            FallBack(ex is TimeoutException ? $"no answer within {_options.OperationTimeout} ({ex.GetType().Name})" : $"{ex.GetType().Name}: {ex.Message}");
            return (false, default);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _rejoinTimer.Dispose();
        if (_subscribed is { } connection)
        {
            connection.ConnectionRestored -= OnRestored;
            connection.ConnectionFailed -= OnFailed;
            _ = connection.GetSubscriber().UnsubscribeAsync(Keys.Events, _handler, CommandFlags.FireAndForget);
        }
    }

    // One subscription per client, shared by concurrent first operations; a failed one is tried again by the next.
    private Task EnsureSubscribedAsync(IConnectionMultiplexer connection)
    {
        lock (_lock)
        {
            return _subscribing ??= SubscribeAsync(connection);
        }
    }

    private async Task SubscribeAsync(IConnectionMultiplexer connection)
    {
        try
        {
            await connection.GetSubscriber().SubscribeAsync(Keys.Events, _handler).WaitAsync(_options.OperationTimeout, _time).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _subscribing = null;
            }

            throw;
        }

        connection.ConnectionRestored += OnRestored;
        connection.ConnectionFailed += OnFailed;
        Volatile.Write(ref _subscribed, connection);
    }

    private void OnFailed(object? sender, ConnectionFailedEventArgs e) => FallBack($"connection failed ({e.FailureType})");

    private void OnRestored(object? sender, ConnectionFailedEventArgs e) => _ = ProbeAsync();

    private void FallBack(string reason)
    {
        lock (_lock)
        {
            if (!_available || _disposed)
            {
                return;
            }

            _available = false;
            _reason = reason;
            _fallbacks++;
            _rejoinTimer.Change(_options.RejoinInterval, _options.RejoinInterval);
        }

        _metrics.Fallbacks.Add(1, RedisMetrics.Tags(ClientName));
        RedisLog.FellBack(_logger, ClientName, reason);
        ModeChanged?.Invoke(this, EventArgs.Empty);
    }

    private async Task ProbeAsync()
    {
        if (IsAvailable || Interlocked.Exchange(ref _probing, 1) != 0)
        {
            return;
        }

        try
        {
            var connection = await _connection.GetAsync().WaitAsync(_options.OperationTimeout, _time).ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().WaitAsync(_options.OperationTimeout, _time).ConfigureAwait(false);
            await EnsureSubscribedAsync(connection).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // still unavailable: the timer tries again
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }

        lock (_lock)
        {
            if (_available || _disposed)
            {
                return;
            }

            _available = true;
            _reason = null;
            _rejoinTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        RedisLog.Rejoined(_logger, ClientName);
        ModeChanged?.Invoke(this, EventArgs.Empty);
    }
}
