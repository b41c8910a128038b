namespace GenesysCloud.Extensions.Coordination;

/// <summary>What one answer's budget headers told a replica (<see cref="IGenesysCloudRateCoordinator.Observe"/>).</summary>
/// <param name="Allowed">The window's budget (<c>inin-ratelimit-allowed</c>).</param>
/// <param name="Count">The requests the server counted in the window (<c>inin-ratelimit-count</c>).</param>
/// <param name="ResetNotBefore">The earliest instant the window can reset (the attempt's send plus the reset, less its rounding).</param>
/// <param name="ResetAt">The instant the window has certainly reset (the answer's arrival plus the reset).</param>
/// <param name="UnreservedStarts">Starts this replica made on the token without a reservation (while its budget was unknown) since its last report.</param>
public readonly record struct GenesysCloudRateObservation(int Allowed, int Count, DateTimeOffset ResetNotBefore, DateTimeOffset ResetAt, int UnreservedStarts);
