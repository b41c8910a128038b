namespace GenesysCloud.Extensions.Simulator;

/// <summary>How much of a token's current rate-limit window has been used.</summary>
/// <param name="Count">The requests counted in the window.</param>
/// <param name="Limit">The budget per window; <see langword="null"/> when unlimited.</param>
/// <param name="ResetAfter">The time until the window ends.</param>
public sealed record RateLimitWindowUsage(int Count, int? Limit, TimeSpan ResetAfter);
