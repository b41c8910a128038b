namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// A token exchanged from a SAML2 assertion, authenticated as the identity's OAuth client of the SAML2 Bearer grant type
/// (a client-credentials client is not authorized for this grant). No refresh token: each new token takes a new assertion.
/// </summary>
internal sealed class Saml2BearerTokenSource(LoginService login, Saml2BearerGrant grant) : IGenesysCloudTokenSource
{
    public async ValueTask<GenesysCloudToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var signed = await grant.Assertion(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(signed))
        {
            throw new Errors.GenesysCloudAuthenticationException(
                Errors.GenesysCloudErrorCodes.TokenGrantInvalid,
                $"The assertion factory of a saml2 identity of client '{login.ClientName}' returned no assertion.",
                statusCode: null);
        }

        var response = await login.RequestTokenAsync(
            [new("grant_type", "urn:ietf:params:oauth:grant-type:saml2-bearer"), new("orgName", grant.OrganizationName), new("assertion", signed)],
            grant.ClientId,
            grant.ClientSecret,
            "saml2",
            cancellationToken).ConfigureAwait(false);
        return new GenesysCloudToken(response.AccessToken, login.Time.GetUtcNow() + response.Lifetime);
    }
}
