namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>A code <c>/oauth/authorize</c> handed out: for whom, to which client and redirect URI, with which PKCE challenge.</summary>
internal sealed class AuthorizationCode(string clientId, string redirectUri, string userId, string? codeChallenge, DateTimeOffset expiresAt)
{
    public string ClientId { get; } = clientId;

    public string RedirectUri { get; } = redirectUri;

    public string UserId { get; } = userId;

    /// <summary>Gets the S256 challenge; <see langword="null"/> when the client sent none (a confidential client may omit it).</summary>
    public string? CodeChallenge { get; } = codeChallenge;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>Gets or sets whether the code was exchanged; a second exchange is refused and revokes what the first issued.</summary>
    public bool Used { get; set; }

    /// <summary>Gets what the exchange issued, to revoke when the code is replayed.</summary>
    public List<IssuedToken> IssuedTokens { get; } = [];

    public RefreshGrant? IssuedRefreshToken { get; set; }
}
