using System.Globalization;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Reads how long a response asks the client to wait: the one place that parses <c>Retry-After</c> (seconds or an
/// HTTP date, measured against the injected <see cref="TimeProvider"/>) and Genesys' <c>inin-ratelimit-reset</c>.
/// </summary>
internal static class RetryAfter
{
    /// <summary>Gets the <c>Retry-After</c> wait, or <see langword="null"/> when the response has none.</summary>
    public static TimeSpan? Get(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// Gets the wait a rate-limited answer (a 429, or the login service's throttling) asks for: <c>Retry-After</c>,
    /// else <c>inin-ratelimit-reset</c> (whole seconds), else <see langword="null"/>.
    /// </summary>
    public static TimeSpan? GetRateLimitDelay(HttpResponseMessage response, TimeProvider time) =>
        Get(response, time) ?? GetResetHeader(response);

    /// <summary>Gets <c>inin-ratelimit-reset</c> as a duration, or <see langword="null"/> when absent or malformed.</summary>
    public static TimeSpan? GetResetHeader(HttpResponseMessage response) =>
        int.TryParse(HeaderValues.First(response.Headers, GenesysCloudHeaderNames.RateLimitReset), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
