using Polly;

namespace GenesysCloud.Extensions.Pipeline;

/// <summary>
/// What travels with one call through the resilience pipeline, in its <see cref="ResilienceContext"/>: the call, how
/// many attempts were sent (429 re-sends excluded), how many 429 re-sends were made, and the start slot the next attempt
/// already holds.
/// </summary>
internal static class CallProperties
{
    public static readonly ResiliencePropertyKey<PendingCall> Call = new("GenesysCloud.Call");

    /// <summary>Attempts sent, 429 re-sends excluded (set by the retry strategy's <c>OnRetry</c>; absent means one).</summary>
    public static readonly ResiliencePropertyKey<int> Attempts = new("GenesysCloud.Attempts");

    /// <summary>429 re-sends made so far (set by the rate-limit strategy's <c>OnRetry</c>).</summary>
    public static readonly ResiliencePropertyKey<int> RateLimitResends = new("GenesysCloud.RateLimitResends");

    /// <summary>The lane whose start slot the next attempt already holds (the first attempt's slot is acquired before the pipeline).</summary>
    public static readonly ResiliencePropertyKey<Scheduling.RateLane?> GrantedLane = new("GenesysCloud.GrantedLane");

    public static int Get(this ResilienceContext context, ResiliencePropertyKey<int> key) =>
        context.Properties.TryGetValue(key, out var value) ? value : 0;

    /// <summary>Gets the attempts sent so far: one until the retry strategy sets more (a property set is a box, so the
    /// common single attempt sets none).</summary>
    public static int GetAttempts(this ResilienceContext context) =>
        context.Properties.TryGetValue(Attempts, out var value) ? value : 1;
}
