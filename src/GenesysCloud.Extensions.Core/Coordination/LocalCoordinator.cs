using GenesysCloud.Extensions.Authentication;

namespace GenesysCloud.Extensions.Coordination;

/// <summary>The coordinator of a client without a fleet: every token is its own, every budget and suspension local.</summary>
internal sealed class LocalCoordinator : IGenesysCloudCoordinator, IGenesysCloudTokenStore, IGenesysCloudRateCoordinator
{
    public static LocalCoordinator Instance { get; } = new();

    event EventHandler? IGenesysCloudRateCoordinator.ModeChanged
    {
        add { }
        remove { }
    }

    event EventHandler<GenesysCloudFleetSuspensionEventArgs>? IGenesysCloudRateCoordinator.SuspensionReceived
    {
        add { }
        remove { }
    }

    public IGenesysCloudTokenStore Tokens => this;

    public IGenesysCloudRateCoordinator Rates => this;

    public GenesysCloudCoordinationStatus Status => GenesysCloudCoordinationStatus.Local;

    public bool IsShared => false;

    public ValueTask<GenesysCloudToken> GetTokenAsync(int slot, string? replaced, Func<CancellationToken, ValueTask<GenesysCloudToken>> issue, CancellationToken cancellationToken) =>
        issue(cancellationToken);

    public ValueTask<bool> ReleaseAsync(int slot, CancellationToken cancellationToken) => new(true);

    public ValueTask<GenesysCloudRateGrant> ReserveAsync(int slot, int count, int allowed, TimeSpan window, CancellationToken cancellationToken) =>
        new(GenesysCloudRateGrant.Local);

    public void Observe(int slot, GenesysCloudRateObservation observation)
    {
    }

    public ValueTask<bool> SuspendAsync(int slot, DateTimeOffset until, CancellationToken cancellationToken) => new(true);

    public ValueTask DisposeAsync() => default;
}
