namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// An access token the simulator issued, as the inspector reports it: never its value, only an <see cref="Id"/> (the first 16
/// hex digits of the value's SHA-256), who holds it, and the requests and 429s counted against it.
/// </summary>
public sealed record SimulatorToken
{
    /// <summary>Gets the token's id, for <see cref="GenesysCloudSimulator.ExpireToken"/>, <see cref="GenesysCloudSimulator.RevokeToken"/> and <see cref="RecordedRequest.TokenId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name of the organization the token belongs to.</summary>
    public required string Organization { get; init; }

    /// <summary>Gets the OAuth client the token was issued to.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the <c>grant_type</c> that produced it: <c>client_credentials</c>, <c>authorization_code</c>, <c>refresh_token</c> or <c>urn:ietf:params:oauth:grant-type:saml2-bearer</c>.</summary>
    public required string GrantType { get; init; }

    /// <summary>Gets the user the token acts as; <see langword="null"/> for a client-credentials token.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets when it was issued, on the simulator's clock.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets when it expires (or expired), on the simulator's clock.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets where the token stands now.</summary>
    public SimulatorTokenState State { get; init; }

    /// <summary>Gets the id of the refresh token issued with it; <see langword="null"/> when none was.</summary>
    public string? RefreshTokenId { get; init; }

    /// <summary>Gets the number of requests that carried the token to its organization's host, faulted and limited ones included.</summary>
    public int Requests { get; init; }

    /// <summary>Gets the number of 429s those requests got, from the rate limiter and from faults.</summary>
    public int TooManyRequests { get; init; }
}
