namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// Describes an access token request or deletion, or a rate-limit suspension. Never carries the token.
/// </summary>
public sealed class GenesysCloudTokenEventArgs : EventArgs
{
    internal GenesysCloudTokenEventArgs(string outcome, TimeSpan duration)
    {
        Outcome = outcome;
        Duration = duration;
    }

    /// <summary>Gets the name of the client that raised the event (<c>default</c> for the unnamed client).</summary>
    public string ClientName { get; init; } = "default";

    /// <summary>Gets the outcome: <c>success</c>, <c>failure</c> or <c>rate_limited</c>; for rate-limit events, the source (<c>api</c> or <c>token</c>).</summary>
    public string Outcome { get; }

    /// <summary>Gets the duration of the request, or of the suspension.</summary>
    public TimeSpan Duration { get; }
}
