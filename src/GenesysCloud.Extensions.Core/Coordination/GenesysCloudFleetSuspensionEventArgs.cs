namespace GenesysCloud.Extensions.Coordination;

/// <summary>A rate-limit suspension another replica of the fleet reported (<see cref="IGenesysCloudRateCoordinator.SuspensionReceived"/>).</summary>
public sealed class GenesysCloudFleetSuspensionEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudFleetSuspensionEventArgs"/> class.</summary>
    /// <param name="slot">The token's slot.</param>
    /// <param name="until">When the suspension ends.</param>
    public GenesysCloudFleetSuspensionEventArgs(int slot, DateTimeOffset until)
    {
        Slot = slot;
        Until = until;
    }

    /// <summary>Gets the token's slot.</summary>
    public int Slot { get; }

    /// <summary>Gets when the suspension ends.</summary>
    public DateTimeOffset Until { get; }
}
