namespace GenesysCloud.Extensions.Authentication;

/// <summary>A token exchanged from a SAML2 assertion, authenticated as the client's own OAuth client.</summary>
internal sealed class Saml2BearerTokenSource(LoginService login, string organizationName, Func<CancellationToken, ValueTask<string>> assertion) : IGenesysCloudTokenSource
{
    public async ValueTask<GenesysCloudToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var signed = await assertion(cancellationToken).ConfigureAwait(false);
        var response = await login.RequestTokenAsync(
            [new("grant_type", "urn:ietf:params:oauth:grant-type:saml2-bearer"), new("orgName", organizationName), new("assertion", signed)],
            login.ClientId,
            login.ClientSecret,
            "saml2",
            cancellationToken).ConfigureAwait(false);
        return new GenesysCloudToken(response.AccessToken, login.Time.GetUtcNow() + response.Lifetime);
    }
}
