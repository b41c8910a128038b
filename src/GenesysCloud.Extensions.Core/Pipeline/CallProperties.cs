using Polly;

namespace GenesysCloud.Extensions.Pipeline;

/// <summary>
/// What travels with one call through the resilience pipeline, in its <see cref="ResilienceContext"/>: the call, how
/// many attempts were sent (429 re-sends excluded), how many 429 re-sends were made, and whether the next attempt
/// already holds its start slot.
/// </summary>
internal static class CallProperties
{
    public static readonly ResiliencePropertyKey<PendingCall> Call = new("GenesysCloud.Call");

    /// <summary>Attempts sent, 429 re-sends excluded (set by the retry strategy's <c>OnRetry</c>).</summary>
    public static readonly ResiliencePropertyKey<int> Attempts = new("GenesysCloud.Attempts");

    /// <summary>429 re-sends made so far (set by the rate-limit strategy's <c>OnRetry</c>).</summary>
    public static readonly ResiliencePropertyKey<int> RateLimitResends = new("GenesysCloud.RateLimitResends");

    /// <summary>Whether the next attempt is a re-send after a 429 (it does not count as an attempt).</summary>
    public static readonly ResiliencePropertyKey<bool> ResendAfterRateLimit = new("GenesysCloud.ResendAfterRateLimit");

    /// <summary>Whether the next attempt already holds a start slot (the first attempt acquires it before the pipeline).</summary>
    public static readonly ResiliencePropertyKey<bool> HoldsSlot = new("GenesysCloud.HoldsSlot");

    /// <summary>The status of the last answer received.</summary>
    public static readonly ResiliencePropertyKey<int> LastStatus = new("GenesysCloud.LastStatus");

    public static int Get(this ResilienceContext context, ResiliencePropertyKey<int> key) =>
        context.Properties.TryGetValue(key, out var value) ? value : 0;

    public static bool Get(this ResilienceContext context, ResiliencePropertyKey<bool> key) =>
        context.Properties.TryGetValue(key, out var value) && value;
}
