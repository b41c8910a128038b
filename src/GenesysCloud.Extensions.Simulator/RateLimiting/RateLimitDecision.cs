namespace GenesysCloud.Extensions.Simulator.RateLimiting;

/// <summary>The outcome of counting one request against a fixed window.</summary>
/// <param name="Allowed">Whether the request fits in the budget.</param>
/// <param name="Limit">The budget per window; <see langword="null"/> when unlimited.</param>
/// <param name="Count">The requests counted in the current window, this one included.</param>
/// <param name="ResetAfter">The time until the current window ends.</param>
internal readonly record struct RateLimitDecision(bool Allowed, int? Limit, int Count, TimeSpan ResetAfter)
{
    /// <summary>Gets <see cref="ResetAfter"/> in whole seconds, rounded up and at least 1, as Genesys reports it.</summary>
    public int ResetAfterSeconds => WholeSecondsRoundedUp(ResetAfter);

    public static int WholeSecondsRoundedUp(TimeSpan value) => Math.Max(1, (int)Math.Ceiling(value.TotalSeconds));
}
