using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Exponential backoff with jitter for the token endpoint and background reconnects (the API calls use the
/// same numbers through the resilience pipeline): <c>BaseDelay × 2^(n−1)</c>, capped at <c>MaxDelay</c>,
/// then multiplied by a random factor in [0.8, 1.2).
/// </summary>
internal static class RetryDelays
{
    public static TimeSpan Backoff(GenesysCloudRetryOptions options, int attempt)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var raw = options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, options.MaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter does not need a cryptographic generator.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(capped * jitter, options.MaxDelay.TotalMilliseconds));
    }
}
