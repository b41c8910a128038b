namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// A signed-in user's tokens: the access token as given while it is valid, then refreshed with the refresh token
/// (Genesys rotates it; the new tokens are reported to <see cref="GenesysCloudUserTokens.Refreshed"/>).
/// </summary>
internal sealed class RefreshTokenSource(LoginService login, GenesysCloudUserTokens tokens) : IGenesysCloudTokenSource
{
    private readonly object _lock = new();
    private bool _givenTokenUsed;

    public async ValueTask<GenesysCloudToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // The access token the application holds is used first, once: afterwards a request means it expired or was refused.
            if (!_givenTokenUsed && tokens.AccessToken is { Length: > 0 } given && tokens.AccessTokenExpiresAt > login.Time.GetUtcNow())
            {
                _givenTokenUsed = true;
                return new GenesysCloudToken(given, tokens.AccessTokenExpiresAt);
            }

            _givenTokenUsed = true;
        }

        if (string.IsNullOrEmpty(tokens.RefreshToken) || string.IsNullOrEmpty(tokens.ClientId))
        {
            throw new Errors.GenesysCloudAuthenticationException(
                Errors.GenesysCloudErrorCodes.TokenGrantInvalid,
                $"The access token of a user identity of client '{login.ClientName}' expired and it cannot be refreshed: the identity has no refresh token or no OAuth client id. Sign the user in again.",
                statusCode: null);
        }

        var response = await login.RequestTokenAsync(
            [new("grant_type", "refresh_token"), new("refresh_token", tokens.RefreshToken)],
            tokens.ClientId,
            tokens.ClientSecret,
            "user",
            cancellationToken).ConfigureAwait(false);
        var expiresAt = login.Time.GetUtcNow() + response.Lifetime;
        lock (_lock)
        {
            tokens.AccessToken = response.AccessToken;
            tokens.AccessTokenExpiresAt = expiresAt;
            tokens.RefreshToken = response.RefreshToken ?? tokens.RefreshToken;
        }

        tokens.Refreshed?.Invoke(tokens);
        return new GenesysCloudToken(response.AccessToken, expiresAt);
    }
}
