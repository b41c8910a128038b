namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// Names of the <see cref="System.Diagnostics.Metrics.Meter"/>, <see cref="System.Diagnostics.ActivitySource"/>,
/// instruments and attributes this library emits.
/// </summary>
public static class GenesysCloudTelemetryNames
{
    /// <summary>The name of the meter and of the activity source: <c>GenesysCloud.Extensions</c>.</summary>
    public const string SourceName = "GenesysCloud.Extensions";

    /// <summary>Calls waiting in the backlog (up-down counter, <c>{call}</c>).</summary>
    public const string BacklogSize = "genesyscloud.client.backlog.size";

    /// <summary>Calls whose request is in flight (up-down counter, <c>{call}</c>).</summary>
    public const string CallsInFlight = "genesyscloud.client.calls.in_flight";

    /// <summary>The client state (observable gauge: 1 for the current state, 0 for the others, <c>{state}</c>).</summary>
    public const string ClientState = "genesyscloud.client.state";

    /// <summary>Call duration as the caller sees it: backlog wait plus every attempt (histogram, <c>s</c>).</summary>
    public const string CallDuration = "genesyscloud.client.call.duration";

    /// <summary>Time a call waited in the backlog before each attempt started (histogram, <c>s</c>).</summary>
    public const string BacklogWaitTime = "genesyscloud.client.backlog.wait_time";

    /// <summary>Access token requests (counter, <c>{request}</c>).</summary>
    public const string TokenRefreshes = "genesyscloud.client.token.refreshes";

    /// <summary>Access token request duration (histogram, <c>s</c>).</summary>
    public const string TokenRefreshDuration = "genesyscloud.client.token.refresh.duration";

    /// <summary>Access token deletions (counter, <c>{request}</c>).</summary>
    public const string TokenDeletions = "genesyscloud.client.token.deletions";

    /// <summary>Access token deletion duration (histogram, <c>s</c>).</summary>
    public const string TokenDeleteDuration = "genesyscloud.client.token.delete.duration";

    /// <summary>Rate-limit suspensions of the backlog (counter, <c>{suspension}</c>).</summary>
    public const string RateLimitSuspensions = "genesyscloud.client.rate_limit.suspensions";

    /// <summary>Length of each rate-limit suspension (histogram, <c>s</c>).</summary>
    public const string RateLimitSuspendedTime = "genesyscloud.client.rate_limit.suspended_time";

    /// <summary>Requests left in the current rate-limit window, from the response headers (observable gauge, <c>{request}</c>).</summary>
    public const string RateLimitRemaining = "genesyscloud.client.rate_limit.remaining";

    /// <summary>Retries (counter, <c>{retry}</c>).</summary>
    public const string Retries = "genesyscloud.client.retries";

    /// <summary>Attribute: API category (tag), for example <c>Routing</c>.</summary>
    public const string CategoryAttribute = "genesyscloud.api.category";

    /// <summary>Attribute: operation id, for example <c>getRoutingQueue</c>.</summary>
    public const string OperationAttribute = "genesyscloud.api.operation";

    /// <summary>Attribute: outcome (<c>success</c>, <c>failure</c>, <c>rate_limited</c>).</summary>
    public const string OutcomeAttribute = "genesyscloud.outcome";

    /// <summary>Attribute: retry reason (<c>status_408</c>…, <c>connection</c>, <c>timeout</c>).</summary>
    public const string RetryReasonAttribute = "genesyscloud.retry.reason";

    /// <summary>Attribute: where a rate limit was hit (<c>api</c> or <c>token</c>).</summary>
    public const string RateLimitSourceAttribute = "genesyscloud.rate_limit.source";

    /// <summary>Value of <see cref="RateLimitSourceAttribute"/>: a 429 from the API.</summary>
    internal const string RateLimitSourceApi = "api";

    /// <summary>Value of <see cref="RateLimitSourceAttribute"/>: throttling by the login service.</summary>
    internal const string RateLimitSourceToken = "token";

    /// <summary>Attribute: the client state.</summary>
    public const string StateAttribute = "genesyscloud.client.state";
}
