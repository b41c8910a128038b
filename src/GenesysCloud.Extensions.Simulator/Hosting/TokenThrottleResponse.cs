namespace GenesysCloud.Extensions.Simulator;

/// <summary>How the token endpoint answers once its rate-limit budget is spent.</summary>
public enum TokenThrottleResponse
{
    /// <summary>HTTP 400 <c>{"error":"invalid_request","description":"rate limit exceeded"}</c>, as the Genesys login service does.</summary>
    GenesysBadRequest,

    /// <summary>HTTP 429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,
}
