using System.Globalization;
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
/// <c>POST /oauth/token</c> with the client-credentials grant, answered the way login.mypurecloud.com does, including its
/// habit of answering throttling with a 400 <c>invalid_request</c> rather than a 429. Each host knows the clients of its own
/// organizations only; each organization throttles its own clients.
/// </summary>
internal sealed class TokenEndpoint(ILogger logger)
{
    public const string Path = "/oauth/token";
    public const string OperationId = "postOAuthToken";

    public SimulatorResult Handle(SimulatorRequest request, SimulatorHost host)
    {
        var hasCredentials = BasicCredentials.TryParse(request.HttpContext.Request.Headers.Authorization, out var id, out var secret);

        // The login service budgets per client; requests of unknown clients, or without credentials, share one budget of
        // the host's first organization.
        var throttling = request.Organization ?? host.Primary;
        var limiter = throttling.TokenLimiter;
        var decision = limiter.Acquire(hasCredentials ? id : string.Empty);
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

        if (!hasCredentials)
        {
            return OAuthErrors.Create("invalid_request", "missing or malformed basic authorization header");
        }

        var form = QueryHelpers.ParseQuery(request.Body);
        if (!form.TryGetValue("grant_type", out var grantType) || string.IsNullOrEmpty(grantType))
        {
            return OAuthErrors.Create("invalid_request", "grant_type is required");
        }

        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            return OAuthErrors.Create("unsupported_grant_type", $"grant type {grantType} is not supported");
        }

        if (host.FindClientOrganization(id) is not { } organization)
        {
            Log.TokenRefused(logger, "client not found");
            return OAuthErrors.ClientNotFound();
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(organization.ClientSecret)))
        {
            Log.TokenRefused(logger, "authentication failed");
            return OAuthErrors.AuthenticationFailed();
        }

        var token = organization.Tokens.Issue(organization, id, "client_credentials", null, organization.TokenLifetime);
        organization.TokenIssued();
        Log.TokenIssued(logger, id, token.ExpiresAt);
        return SimulatorResult.Ok(new JsonObject
        {
            ["access_token"] = token.Value,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)Math.Ceiling(organization.TokenLifetime.TotalSeconds),
        });
    }

    /// <summary>Maps <c>GET</c> and <c>DELETE /api/v2/tokens/me</c>.</summary>
    public static void MapTokensMe(RouteTable routes)
    {
        routes.Add("GET", "/api/v2/tokens/me", "getTokensMe", request =>
        {
            var token = request.Token!;
            var store = token.Organization.Store;
            var organization = new JsonObject { ["id"] = store.OrganizationId, ["name"] = store.OrganizationName, ["selfUri"] = $"/api/v2/organizations/{store.OrganizationId}" };
            return SimulatorResult.Ok(new JsonObject
            {
                ["organization"] = organization,
                ["homeOrganization"] = organization.DeepClone(),
                ["authorizedScope"] = new JsonArray("routing", "routing:readonly", "users", "users:readonly"),
                ["OAuthClient"] = new JsonObject
                {
                    ["id"] = token.ClientId,
                    ["name"] = "Genesys Cloud Simulator client",
                    ["organization"] = organization.DeepClone(),
                },

                // TokenInfo has no expiry field; dateTokenIdles is the closest Genesys property.
                ["dateTokenIdles"] = token.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            });
        });

        // The spec documents 204 but the Genesys service and the Node.js client use 200; a 204 would make that client fail.
        routes.Add("DELETE", "/api/v2/tokens/me", "deleteTokensMe", request =>
        {
            var token = request.Token!;
            if (token.Organization.Tokens.End(token, SimulatorTokenState.Deleted))
            {
                token.Organization.TokenDeleted();
            }

            return SimulatorResult.Empty(200);
        });
    }
}
