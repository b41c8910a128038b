using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options.Validation;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Retry options (configuration section <c>GenesysCloud:Retry</c>); the number of retries is
/// <see cref="GenesysCloudOptions.MaxRetries"/>.
/// </summary>
public sealed class GenesysCloudRetryOptions
{
    /// <summary>Gets or sets the delay before the first retry; later delays double, with jitter.</summary>
    /// <remarks>Defaults to 1 second.</remarks>
    [RangeRule("00:00:00", "10675199.02:48:05.4775807", GenesysCloudErrorCodes.OptionOutOfBounds)]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <remarks>Defaults to 30 seconds.</remarks>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest <c>Retry-After</c> the client waits for before retrying a 408/503 (or asking the
    /// login service again after it throttled a token request).</summary>
    /// <remarks>Defaults to 1 minute. A longer <c>Retry-After</c> ends the call with the answer that carried it.</remarks>
    [RangeRule("00:00:00", "10675199.02:48:05.4775807", GenesysCloudErrorCodes.OptionOutOfBounds)]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets a value indicating whether POST and PATCH are retried like idempotent methods.</summary>
    /// <remarks>
    /// Defaults to <see langword="false"/>: POST and PATCH are retried only where the request provably was not
    /// processed (408, 503, connection refused). <see langword="true"/> retries them on every retryable outcome,
    /// like the original client (which can create duplicates).
    /// </remarks>
    public bool RetryNonIdempotentRequests { get; set; }
}
