namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// Obtains access tokens for one identity. The client caches what it returns, asks again before the token expires
/// (<c>TokenRefreshBeforeExpiry</c>) and after a 401, one request at a time; implementations only obtain.
/// </summary>
public interface IGenesysCloudTokenSource
{
    /// <summary>Obtains a new access token.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token.</returns>
    /// <exception cref="Errors.GenesysCloudAuthenticationException">No token can be obtained (for example a refresh token that was revoked).</exception>
    ValueTask<GenesysCloudToken> RequestTokenAsync(CancellationToken cancellationToken);
}
