using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Organization;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// <c>GET</c>, <c>HEAD</c> and <c>DELETE /api/v2/tokens/me</c>. They are ordinary API calls: authenticated, counted against
/// the token's budget and answered with the <c>inin-ratelimit-*</c> headers, which is how a client learns its budget at connect.
/// </summary>
internal static class TokensMeEndpoints
{
    private const string TokensMe = "/api/v2/tokens/me";

    /// <summary>The scopes reported when a client has none configured.</summary>
    private static readonly string[] DefaultScopes = ["routing", "routing:readonly", "users", "users:readonly", "analytics", "analytics:readonly"];

    public static void Map(RouteTable routes)
    {
        routes.Add("GET", TokensMe, "getTokensMe", static request => SimulatorResult.Ok(Describe(request.Token!)));

        // HEAD mirrors GET: 200 for a live token (the spec's 204 would differ from GET's status); never a body.
        routes.Add("HEAD", TokensMe, "headTokensMe", static _ => SimulatorResult.Empty(200));

        // The spec documents 204 but the Genesys service and the Node.js client use 200; a 204 would make that client fail.
        routes.Add("DELETE", TokensMe, "deleteTokensMe", static request =>
        {
            var token = request.Token!;
            if (token.Organization.Tokens.End(token, SimulatorTokenState.Deleted))
            {
                token.Organization.TokenDeleted();
            }

            return SimulatorResult.Empty(200);
        });
    }

    /// <summary>
    /// Genesys's <c>TokenInfo</c>. It has no user field: a user token shows in the client's grant type and scopes, and the user
    /// itself through <c>GET /api/v2/users/me</c>. It has no expiry field either; <c>dateTokenIdles</c> is the closest property.
    /// </summary>
    private static JsonObject Describe(IssuedToken token)
    {
        var organization = token.Organization;
        var store = organization.Store;
        var entity = new JsonObject { ["id"] = store.OrganizationId, ["name"] = store.OrganizationName, ["selfUri"] = $"/api/v2/organizations/{store.OrganizationId}" };
        var client = organization.Clients[token.ClientId];
        var scopes = client.Scopes.Count > 0 ? client.Scopes.ToArray() : DefaultScopes;
        var oauthClient = new JsonObject
        {
            ["id"] = client.ClientId,
            ["name"] = client.Name,
            ["dateCreated"] = "2024-03-01T08:00:00.000Z",
            ["authorizedGrantType"] = client.GenesysGrantType,
            ["state"] = "active",
            ["organization"] = entity.DeepClone(),
        };

        // Scopes apply to user clients; roles and divisions to client-credentials ones (OrgOAuthClient's descriptions).
        if (client.Grant == SimulatorOAuthGrant.ClientCredentials)
        {
            oauthClient["roleDivisions"] = new JsonArray(new JsonObject { ["roleId"] = "00000000-0000-4000-8000-00000000a11e", ["divisionId"] = store.DivisionId });
        }
        else
        {
            oauthClient["scope"] = new JsonArray([.. scopes.Select(static s => JsonValue.Create(s))]);
        }

        return new JsonObject
        {
            ["organization"] = entity,
            ["homeOrganization"] = entity.DeepClone(),
            ["authorizedScope"] = new JsonArray([.. scopes.Select(static s => JsonValue.Create(s))]),
            ["OAuthClient"] = oauthClient,
            ["dateTokenIdles"] = GenesysDates.Format(token.ExpiresAt),
        };
    }
}
