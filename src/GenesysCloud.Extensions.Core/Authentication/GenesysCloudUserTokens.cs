namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// The tokens of a signed-in Genesys Cloud user — from the authorization-code (+ PKCE) flow, for example ASP.NET Core's
/// OAuth handler — and the OAuth client that refreshes them. The library uses the access token until it expires, then
/// refreshes it with the refresh token (<c>grant_type=refresh_token</c>) and reports the rotated tokens to
/// <see cref="Refreshed"/> so the application can store them.
/// </summary>
public sealed class GenesysCloudUserTokens
{
    /// <summary>Gets or sets the current access token, if any.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Gets or sets when <see cref="AccessToken"/> expires.</summary>
    public DateTimeOffset AccessTokenExpiresAt { get; set; }

    /// <summary>Gets or sets the refresh token. Required to refresh; without it the identity ends when the access token does.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Gets or sets the id of the OAuth client the tokens were issued to (an authorization-code or PKCE client).</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets that client's secret; leave it <see langword="null"/> for a PKCE (public) client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets a callback told the new tokens after each refresh (Genesys rotates refresh tokens). It must not throw.</summary>
    public Action<GenesysCloudUserTokens>? Refreshed { get; set; }
}
