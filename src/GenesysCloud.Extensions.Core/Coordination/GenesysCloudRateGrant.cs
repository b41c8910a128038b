namespace GenesysCloud.Extensions.Coordination;

/// <summary>The answer to a reservation of starts (<see cref="IGenesysCloudRateCoordinator.ReserveAsync"/>).</summary>
/// <param name="Granted">The starts granted, to be used before <paramref name="ValidUntil"/>; 0 when the window's budget is spent.</param>
/// <param name="ValidUntil">The end of the fleet's window: the next reservation is worth trying from then on.</param>
/// <param name="SuspendedUntil">The end of a fleet-wide rate-limit suspension of the slot, or <see langword="null"/>.</param>
/// <param name="IsLocal"><see langword="true"/> when the fleet could not be asked: decide locally.</param>
public readonly record struct GenesysCloudRateGrant(int Granted, DateTimeOffset ValidUntil, DateTimeOffset? SuspendedUntil = null, bool IsLocal = false)
{
    /// <summary>Gets the answer of local mode: the fleet was not asked.</summary>
    public static GenesysCloudRateGrant Local { get; } = new(0, DateTimeOffset.MinValue, null, IsLocal: true);
}
