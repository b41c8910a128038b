namespace GenesysCloud.Extensions.Authentication;

/// <summary>The client's own identity: a client-credentials token of the configured OAuth client.</summary>
internal sealed class ClientCredentialsTokenSource(LoginService login, TimeProvider time) : IGenesysCloudTokenSource
{
    public async ValueTask<GenesysCloudToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var response = await login.RequestClientCredentialsTokenAsync(cancellationToken).ConfigureAwait(false);
        return new GenesysCloudToken(response.AccessToken, time.GetUtcNow() + response.Lifetime);
    }
}
