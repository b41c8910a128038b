namespace GenesysCloud.Extensions.Requests;

/// <summary>
/// Names of the Genesys Cloud response headers the client reads.
/// </summary>
public static class GenesysCloudHeaderNames
{
    /// <summary>The correlation id of a request (<c>inin-correlation-id</c>).</summary>
    public const string CorrelationId = "inin-correlation-id";

    /// <summary>The number of requests the window allows (<c>inin-ratelimit-allowed</c>).</summary>
    public const string RateLimitAllowed = "inin-ratelimit-allowed";

    /// <summary>The number of requests counted in the current window (<c>inin-ratelimit-count</c>).</summary>
    public const string RateLimitCount = "inin-ratelimit-count";

    /// <summary>The seconds until the current window resets (<c>inin-ratelimit-reset</c>).</summary>
    public const string RateLimitReset = "inin-ratelimit-reset";
}
