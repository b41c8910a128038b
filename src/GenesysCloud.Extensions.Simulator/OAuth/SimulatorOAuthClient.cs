namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// An OAuth client of a simulated organization besides its client-credentials one
/// (<see cref="SimulatorOrganizationSettings.OAuthClients"/>): a code-authorization, PKCE or SAML2-bearer client whose
/// tokens act as a user, or another client-credentials client.
/// </summary>
/// <example>
/// <code>
/// options.OAuthClients.Add(SimulatorOAuthClient.AuthorizationCode("web-app", "web-secret", "https://localhost:5001/signin-genesys"));
/// options.OAuthClients.Add(SimulatorOAuthClient.Pkce("spa", "http://localhost:5173/callback"));
/// options.OAuthClients.Add(SimulatorOAuthClient.Saml2Bearer("sso-app", "sso-secret"));
/// </code>
/// </example>
public sealed class SimulatorOAuthClient
{
    /// <summary>Creates a client.</summary>
    /// <param name="clientId">The client id; unique across every organization of the simulator.</param>
    /// <param name="grant">The grant the client is for.</param>
    public SimulatorOAuthClient(string clientId, SimulatorOAuthGrant grant)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ClientId = clientId;
        Grant = grant;
    }

    /// <summary>Gets the client id.</summary>
    public string ClientId { get; }

    /// <summary>Gets the grant the client is for.</summary>
    public SimulatorOAuthGrant Grant { get; }

    /// <summary>Gets or sets the client secret; required except for <see cref="SimulatorOAuthGrant.AuthorizationCodePkce"/> clients, which have none.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets the redirect URIs <c>/oauth/authorize</c> accepts (compared exactly); code and PKCE clients need at least one.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>Gets or sets the client's name, as <c>GET /api/v2/tokens/me</c> reports it.</summary>
    /// <remarks>Defaults to <c>Genesys Cloud Simulator client</c>.</remarks>
    public string Name { get; set; } = "Genesys Cloud Simulator client";

    /// <summary>Gets the scopes the client is authorized for (the <c>authorizedScope</c> of its user tokens).</summary>
    /// <remarks>Defaults to none, reported as the simulator's default scopes.</remarks>
    public IList<string> Scopes { get; } = [];

    /// <summary>Creates a confidential code-authorization client.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="redirectUris">The accepted redirect URIs.</param>
    /// <returns>The client.</returns>
    public static SimulatorOAuthClient AuthorizationCode(string clientId, string clientSecret, params string[] redirectUris) =>
        WithRedirects(new SimulatorOAuthClient(clientId, SimulatorOAuthGrant.AuthorizationCode) { ClientSecret = clientSecret }, redirectUris);

    /// <summary>Creates a public PKCE code-authorization client (no secret).</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="redirectUris">The accepted redirect URIs.</param>
    /// <returns>The client.</returns>
    public static SimulatorOAuthClient Pkce(string clientId, params string[] redirectUris) =>
        WithRedirects(new SimulatorOAuthClient(clientId, SimulatorOAuthGrant.AuthorizationCodePkce), redirectUris);

    /// <summary>Creates a SAML2-bearer client.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The client.</returns>
    public static SimulatorOAuthClient Saml2Bearer(string clientId, string clientSecret) =>
        new(clientId, SimulatorOAuthGrant.Saml2Bearer) { ClientSecret = clientSecret };

    /// <summary>Creates another client-credentials client; its tokens have their own budgets, like any token.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <returns>The client.</returns>
    public static SimulatorOAuthClient ClientCredentials(string clientId, string clientSecret) =>
        new(clientId, SimulatorOAuthGrant.ClientCredentials) { ClientSecret = clientSecret };

    /// <summary>Gets the value Genesys reports as the client's <c>authorizedGrantType</c>.</summary>
    internal string GenesysGrantType => Grant switch
    {
        SimulatorOAuthGrant.ClientCredentials => "CLIENT-CREDENTIALS",
        SimulatorOAuthGrant.Saml2Bearer => "SAML2-BEARER",
        _ => "CODE",
    };

    internal bool IsPublic => Grant == SimulatorOAuthGrant.AuthorizationCodePkce;

    internal bool IssuesRefreshTokens => Grant is SimulatorOAuthGrant.AuthorizationCode or SimulatorOAuthGrant.AuthorizationCodePkce;

    private static SimulatorOAuthClient WithRedirects(SimulatorOAuthClient client, string[] redirectUris)
    {
        foreach (var uri in redirectUris)
        {
            client.RedirectUris.Add(uri);
        }

        return client;
    }
}
