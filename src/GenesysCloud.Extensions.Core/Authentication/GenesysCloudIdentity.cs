namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// Who a call runs as, when not as the client itself (its client-credentials token, or its token pool): a signed-in
/// user, a SAML2-bearer identity, or any <see cref="IGenesysCloudTokenSource"/>. Each identity has its own token and its
/// own rate budget, so one user's 429 never suspends another user's calls or the client's. Use it for the calls of an
/// async flow with <see cref="GenesysCloudIdentityScope.Begin"/>.
/// </summary>
/// <remarks>
/// The client keeps the tokens of up to <c>MaxIdentities</c> identities, by <see cref="Key"/> (least recently used first
/// out). A different instance with the same key replaces the cached one when that identity has no call in progress.
/// The key is never logged nor put in telemetry; only <see cref="Kind"/> is.
/// </remarks>
public abstract class GenesysCloudIdentity
{
    private protected GenesysCloudIdentity(string key, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Kind = kind;
    }

    /// <summary>Gets the key the client caches the identity's token and budget under (for example the user's id).</summary>
    public string Key { get; }

    /// <summary>Gets the kind of identity — <c>user</c>, <c>saml2</c> or <c>custom</c> — as telemetry reports it.</summary>
    public string Kind { get; }

    /// <summary>A signed-in user whose tokens the library refreshes when they expire.</summary>
    /// <param name="key">A stable key for the user, for example the Genesys user id.</param>
    /// <param name="tokens">The user's tokens and the OAuth client that refreshes them.</param>
    /// <returns>The identity.</returns>
    public static GenesysCloudIdentity User(string key, GenesysCloudUserTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrEmpty(tokens.AccessToken) && string.IsNullOrEmpty(tokens.RefreshToken))
        {
            throw new ArgumentException("The user's tokens need an access token, a refresh token, or both.", nameof(tokens));
        }

        return new UserIdentity(key, tokens);
    }

    /// <summary>An identity exchanged from a SAML2 assertion (<c>grant_type=urn:ietf:params:oauth:grant-type:saml2-bearer</c>).</summary>
    /// <param name="key">A stable key for the identity.</param>
    /// <param name="organizationName">The Genesys Cloud organization's short name (<c>orgName</c>).</param>
    /// <param name="clientId">The id of the OAuth client of the SAML2 Bearer grant type the exchange authenticates as.</param>
    /// <param name="clientSecret">That client's secret.</param>
    /// <param name="assertion">Returns a current, base64-encoded signed assertion each time a token is needed.</param>
    /// <returns>The identity.</returns>
    /// <remarks>Genesys Cloud issues no refresh token for this grant: when the token expires, a new assertion is exchanged.</remarks>
    public static GenesysCloudIdentity Saml2Bearer(string key, string organizationName, string clientId, string clientSecret, Func<CancellationToken, ValueTask<string>> assertion)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationName);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentNullException.ThrowIfNull(assertion);
        return new Saml2Identity(key, new Saml2BearerGrant(organizationName, clientId, clientSecret, assertion));
    }

    /// <summary>An identity whose tokens come from <paramref name="source"/>.</summary>
    /// <param name="key">A stable key for the identity.</param>
    /// <param name="source">Obtains its tokens.</param>
    /// <returns>The identity.</returns>
    public static GenesysCloudIdentity FromTokenSource(string key, IGenesysCloudTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CustomIdentity(key, source);
    }

    /// <summary>Creates the source of this identity's tokens, given the client's login service.</summary>
    internal abstract IGenesysCloudTokenSource CreateTokenSource(LoginService login);

    private sealed class UserIdentity(string key, GenesysCloudUserTokens tokens) : GenesysCloudIdentity(key, "user")
    {
        internal override IGenesysCloudTokenSource CreateTokenSource(LoginService login) => new RefreshTokenSource(login, tokens);
    }

    private sealed class Saml2Identity(string key, Saml2BearerGrant grant) : GenesysCloudIdentity(key, "saml2")
    {
        internal override IGenesysCloudTokenSource CreateTokenSource(LoginService login) => new Saml2BearerTokenSource(login, grant);
    }

    private sealed class CustomIdentity(string key, IGenesysCloudTokenSource source) : GenesysCloudIdentity(key, "custom")
    {
        internal override IGenesysCloudTokenSource CreateTokenSource(LoginService login) => source;
    }
}
