namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// An OAuth access token held in memory. <see cref="ToString"/> never shows the value.
/// </summary>
internal sealed class AccessToken
{
    public AccessToken(string value, DateTimeOffset expiresAt, DateTimeOffset refreshAt, long version)
    {
        Value = value;
        AuthorizationHeader = "Bearer " + value;
        ExpiresAt = expiresAt;
        RefreshAt = refreshAt;
        Version = version;
    }

    public string Value { get; }

    /// <summary>Gets the <c>Authorization</c> header value (<c>Bearer …</c>), made once per token rather than per attempt.</summary>
    public string AuthorizationHeader { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the instant from which the token is refreshed in the background while still in use.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>Gets the token's sequence number: a 401 for an older version does not trigger another refresh.</summary>
    public long Version { get; }

    public override string ToString() => $"AccessToken(v{Version}, expires {ExpiresAt:O})";
}
