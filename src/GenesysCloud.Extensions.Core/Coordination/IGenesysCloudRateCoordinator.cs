namespace GenesysCloud.Extensions.Coordination;

/// <summary>
/// Shares the rate budget and the 429 suspensions of each token (slot) with the other replicas of a fleet. The
/// client's scheduler stays the one place that decides when an attempt starts: while <see cref="IsShared"/>, it starts
/// attempts on a token with a known budget only within allowances it reserved here.
/// </summary>
public interface IGenesysCloudRateCoordinator
{
    /// <summary>Gets a value indicating whether the fleet's budget applies now; <see langword="false"/> in local mode.</summary>
    bool IsShared { get; }

    /// <summary>Raised when <see cref="IsShared"/> changes (fallback to local mode, or rejoining the fleet).</summary>
    event EventHandler? ModeChanged;

    /// <summary>Raised when another replica reports a rate-limit suspension of a slot.</summary>
    event EventHandler<GenesysCloudFleetSuspensionEventArgs>? SuspensionReceived;

    /// <summary>Reserves up to <paramref name="count"/> starts on <paramref name="slot"/> in the fleet's current window.</summary>
    /// <param name="slot">The token's slot.</param>
    /// <param name="count">The starts wanted.</param>
    /// <param name="allowed">The window's budget the server reported.</param>
    /// <param name="window">The window's length as observed; a new fleet window ends no earlier than now plus this.</param>
    /// <param name="cancellationToken">Cancels the reservation.</param>
    /// <returns>What was granted; in local mode, <see cref="GenesysCloudRateGrant.Local"/>.</returns>
    ValueTask<GenesysCloudRateGrant> ReserveAsync(int slot, int count, int allowed, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Reports the budget headers of an answer on <paramref name="slot"/>, so that the fleet's view follows the server's.</summary>
    /// <param name="slot">The token's slot.</param>
    /// <param name="observation">What the answer told, and the starts this replica made without a reservation.</param>
    void Observe(int slot, GenesysCloudRateObservation observation);

    /// <summary>Suspends <paramref name="slot"/> fleet-wide until <paramref name="until"/> and wakes the other replicas.</summary>
    /// <param name="slot">The token's slot.</param>
    /// <param name="until">When the suspension ends.</param>
    /// <param name="cancellationToken">Cancels the report.</param>
    /// <returns><see langword="true"/> when this starts the fleet's episode (count it); <see langword="false"/> when another replica's episode was running.</returns>
    ValueTask<bool> SuspendAsync(int slot, DateTimeOffset until, CancellationToken cancellationToken);
}
