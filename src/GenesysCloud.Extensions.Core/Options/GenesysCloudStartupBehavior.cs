namespace GenesysCloud.Extensions.Options;

/// <summary>What the host does when the client cannot connect at start-up.</summary>
public enum GenesysCloudStartupBehavior
{
    /// <summary>Start-up fails: the host does not start, and the error says why (bad credentials, unreachable login host).</summary>
    FailHost = 0,

    /// <summary>
    /// The host starts; the client stays <see cref="GenesysCloudClientState.Connecting"/> and keeps retrying in the
    /// background (with backoff) while the readiness health check reports it as degraded. Calls wait for the token.
    /// </summary>
    RetryInBackground = 1,
}
