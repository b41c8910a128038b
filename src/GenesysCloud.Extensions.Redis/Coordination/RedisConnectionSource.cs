using StackExchange.Redis;

namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>
/// The Redis connection of a client's fleet coordination: one the package opened from a configuration string (owned,
/// connected on first use, never aborting on a failed connect so that it reconnects by itself), or the application's
/// <see cref="IConnectionMultiplexer"/> (not owned).
/// </summary>
internal sealed class RedisConnectionSource : IDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;
    private readonly bool _owned;

    private RedisConnectionSource(Func<Task<IConnectionMultiplexer>> connect, bool owned)
    {
        _connection = new Lazy<Task<IConnectionMultiplexer>>(connect, LazyThreadSafetyMode.ExecutionAndPublication);
        _owned = owned;
    }

    public static RedisConnectionSource Owned(ConfigurationOptions options) =>
        new(async () => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false), owned: true);

    public static RedisConnectionSource Shared(IConnectionMultiplexer connection) => new(() => Task.FromResult(connection), owned: false);

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public void Dispose()
    {
        if (_owned && _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }
}
