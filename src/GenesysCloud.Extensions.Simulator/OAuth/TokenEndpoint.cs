using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Hosting;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Logging;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// <c>POST /oauth/token</c>, answered the way login.mypurecloud.com does, including its habit of answering throttling with a
/// 400 <c>invalid_request</c> rather than a 429. Grants: <c>client_credentials</c>, <c>authorization_code</c> (with PKCE),
/// <c>refresh_token</c> (rotating) and the SAML2 bearer. Confidential clients authenticate with HTTP Basic; a PKCE client
/// names itself with the <c>client_id</c> form field. Each host knows the clients of its own organizations only; each
/// organization throttles its own clients.
/// </summary>
internal sealed class TokenEndpoint(ILogger logger)
{
    public const string Path = "/oauth/token";
    public const string OperationId = "postOAuthToken";
    public const string Saml2BearerGrant = "urn:ietf:params:oauth:grant-type:saml2-bearer";

    public SimulatorResult Handle(SimulatorRequest request, SimulatorHost host)
    {
        var hasBasic = BasicCredentials.TryParse(request.HttpContext.Request.Headers.Authorization, out var basicId, out var secret);
        var form = QueryHelpers.ParseQuery(request.Body);
        var clientId = hasBasic ? basicId : form.TryGetValue("client_id", out var formClientId) ? formClientId.ToString() : string.Empty;

        // The login service budgets per client; requests of unknown clients, or without credentials, share one budget of
        // the host's first organization.
        var throttling = request.Organization ?? host.Primary;
        var limiter = throttling.TokenLimiter;
        var decision = limiter.Acquire(clientId);
        if (!decision.Allowed)
        {
            Log.TokenRequestThrottled(logger, decision.Count, decision.Limit ?? 0);
            return throttling.TokenThrottleResponse == TokenThrottleResponse.TooManyRequests
                ? GenesysErrors.TooManyRequests(decision.Limit ?? 0, limiter.WindowLength, decision.ResetAfterSeconds, request.CorrelationId)
                : OAuthErrors.RateLimited();
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return OAuthErrors.Create("invalid_request", "method not allowed");
        }

        if (clientId.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", "missing or malformed basic authorization header");
        }

        var grantType = form.TryGetValue("grant_type", out var grant) ? grant.ToString() : string.Empty;
        if (grantType.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", "grant_type is required");
        }

        if (grantType is not ("client_credentials" or "authorization_code" or "refresh_token" or Saml2BearerGrant))
        {
            return OAuthErrors.Create("unsupported_grant_type", $"grant type {grantType} is not supported");
        }

        if (host.FindClientOrganization(clientId) is not { } organization)
        {
            Log.TokenRefused(logger, "client not found");
            return OAuthErrors.ClientNotFound();
        }

        var client = organization.Clients[clientId];
        if (!client.IsPublic && (!hasBasic || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.ClientSecret ?? string.Empty))))
        {
            Log.TokenRefused(logger, "authentication failed");
            return OAuthErrors.AuthenticationFailed();
        }

        if (!Allows(client, grantType))
        {
            Log.TokenRefused(logger, "grant not allowed for the client");
            return OAuthErrors.Create("unauthorized_client", $"client is not authorized for grant type {grantType}");
        }

        var context = new TokenGrantContext(organization, client, form, request);
        return grantType switch
        {
            "client_credentials" => Issue(context, grantType, userId: null, refresh: null),
            "authorization_code" => AuthorizationCodeGrant.Exchange(context, this),
            "refresh_token" => RefreshTokenGrant.Exchange(context, this),
            _ => Saml2BearerGrantHandler.Exchange(context, this),
        };
    }

    /// <summary>Issues an access token (and hands out <paramref name="refresh"/>, when given) and answers the token response.</summary>
    public SimulatorResult Issue(TokenGrantContext context, string grantType, string? userId, RefreshGrant? refresh, AuthorizationCode? code = null)
    {
        var organization = context.Organization;
        var token = organization.Tokens.Issue(organization, context.Client.ClientId, grantType, userId, organization.TokenLifetime);
        token.RefreshTokenId = refresh?.Id;
        code?.IssuedTokens.Add(token);
        organization.TokenIssued();
        Log.TokenIssued(logger, context.Client.ClientId, token.ExpiresAt);
        var body = new JsonObject
        {
            ["access_token"] = token.Value,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)Math.Ceiling(organization.TokenLifetime.TotalSeconds),
        };
        if (refresh is not null)
        {
            body["refresh_token"] = refresh.Value;
        }

        return SimulatorResult.Ok(body);
    }

    /// <summary>Logs why a grant was refused (never the secret) and answers Genesys's <c>invalid_grant</c>.</summary>
    public SimulatorResult InvalidGrant(string description)
    {
        Log.TokenRefused(logger, description);
        return OAuthErrors.Create("invalid_grant", description);
    }

    private static bool Allows(SimulatorOAuthClient client, string grantType) => grantType switch
    {
        "client_credentials" => client.Grant == SimulatorOAuthGrant.ClientCredentials,
        "authorization_code" or "refresh_token" => client.IssuesRefreshTokens,
        _ => client.Grant == SimulatorOAuthGrant.Saml2Bearer,
    };
}
