using GenesysCloud.Extensions.Coordination;

namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>One client's fleet coordination through Redis: its token store, rate coordinator and mode.</summary>
internal sealed class RedisCoordinator : IGenesysCloudCoordinator, IDisposable
{
    private readonly RedisFleet _fleet;
    private readonly RedisTokenStore _tokens;
    private readonly RedisRateCoordinator _rates;

    public RedisCoordinator(RedisFleet fleet, RedisTokenStore tokens, RedisRateCoordinator rates)
    {
        _fleet = fleet;
        _tokens = tokens;
        _rates = rates;
    }

    public IGenesysCloudTokenStore Tokens => _tokens;

    public IGenesysCloudRateCoordinator Rates => _rates;

    public GenesysCloudCoordinationStatus Status => _fleet.Status;

    public void Dispose()
    {
        _rates.Dispose();
        _tokens.Dispose();
        _fleet.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
