using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options.Validation;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Pacing and backlog options (configuration section <c>GenesysCloud:RateLimiting</c>).
/// </summary>
public sealed class GenesysCloudRateLimitingOptions
{
    /// <summary>Gets or sets the pacing mode.</summary>
    /// <remarks>Defaults to <see cref="GenesysCloudPacingMode.Adaptive"/>.</remarks>
    [DefinedRule(typeof(GenesysCloudPacingMode), GenesysCloudErrorCodes.OptionOutOfBounds)]
    public GenesysCloudPacingMode Mode { get; set; } = GenesysCloudPacingMode.Adaptive;

    /// <summary>Gets or sets the spacing between call starts in <see cref="GenesysCloudPacingMode.Fixed"/> mode.</summary>
    /// <remarks>Defaults to 200 milliseconds (the original client's pacing: 5 calls per second). From 1 ms to 1 minute.</remarks>
    [RangeRule("00:00:00.001", "00:01:00", GenesysCloudErrorCodes.TimeBetweenRequestsOutOfBounds)]
    [OptionTypeErrorCode(GenesysCloudErrorCodes.TimeBetweenRequestsTypeInvalid)]
    public TimeSpan TimeBetweenRequests { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the maximum number of calls in flight at once: a safety cap, not the pacing.</summary>
    /// <remarks>
    /// Defaults to 300. From 1 to 1,000. In <see cref="GenesysCloudPacingMode.Adaptive"/> mode the known budget decides how
    /// many calls start at once (all that the window still allows, learned at connect); 300 is Genesys Cloud's default
    /// budget per token and minute, so the cap never splits one token's window into waves. It bounds sockets and memory
    /// where no budget is known (a server without <c>inin-ratelimit-*</c> headers, or a token pool whose windows add up).
    /// </remarks>
    [RangeRule(1, 1000, GenesysCloudErrorCodes.OptionOutOfBounds)]
    public int MaxConcurrentRequests { get; set; } = 300;

    /// <summary>Gets or sets the maximum number of calls waiting in the backlog; further calls fail fast with
    /// <see cref="Errors.GenesysCloudErrorCodes.BacklogFull"/>.</summary>
    /// <remarks>Defaults to <see langword="null"/> (unbounded). At least 1 when set.</remarks>
    [RangeRule(1, long.MaxValue, GenesysCloudErrorCodes.OptionOutOfBounds)]
    public int? MaxBacklog { get; set; }

    /// <summary>Gets or sets how long the backlog is suspended after a 429 that carries neither <c>Retry-After</c> nor <c>inin-ratelimit-reset</c>.</summary>
    /// <remarks>Defaults to 60 seconds.</remarks>
    [RangeRule("00:00:00.0000001", "10675199.02:48:05.4775807", GenesysCloudErrorCodes.OptionOutOfBounds)]
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how many times one call may be re-sent after a 429 before it fails with the 429.</summary>
    /// <remarks>Defaults to 20. 429 re-sends never count as retry attempts.</remarks>
    [RangeRule(0, long.MaxValue, GenesysCloudErrorCodes.OptionOutOfBounds)]
    public int MaxRateLimitRetries { get; set; } = 20;
}
