using System.Text;
using GenesysCloud.Extensions.Simulator.Hosting;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Logging;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// <c>GET /oauth/authorize</c> for code-authorization and PKCE clients. There is no login page: the simulator signs in the
/// user named by <c>login_hint</c> (email, username or id), else the organization's <see cref="SimulatorOrganization.SignedInUserId"/>,
/// else its first user, and redirects to <c>redirect_uri</c> with <c>code</c> and <c>state</c>. As OAuth requires, an unknown
/// client or redirect URI is answered in place (400), never redirected; every later error is redirected with <c>error</c>.
/// </summary>
internal sealed class AuthorizeEndpoint(ILogger logger)
{
    public const string Path = "/oauth/authorize";
    public const string OperationId = "getOAuthAuthorize";

    public SimulatorResult Handle(SimulatorRequest request, SimulatorHost host)
    {
        var query = request.Query;
        var clientId = query["client_id"].ToString();
        if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return OAuthErrors.Create("invalid_request", "method not allowed");
        }

        if (clientId.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", "client_id is required");
        }

        if (host.FindClientOrganization(clientId) is not { } organization)
        {
            return OAuthErrors.ClientNotFound();
        }

        var client = organization.Clients[clientId];
        if (client.Grant is not (SimulatorOAuthGrant.AuthorizationCode or SimulatorOAuthGrant.AuthorizationCodePkce))
        {
            return OAuthErrors.Create("unauthorized_client", "client is not authorized for the authorization code grant");
        }

        var redirectUri = query["redirect_uri"].ToString();
        if (redirectUri.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", "redirect_uri is required");
        }

        if (!client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return OAuthErrors.Create("invalid_request", "redirect uri mismatch");
        }

        var state = query["state"].ToString();
        if (!string.Equals(query["response_type"].ToString(), "code", StringComparison.Ordinal))
        {
            return Redirect(redirectUri, state, ("error", "unsupported_response_type"), ("error_description", "response_type must be code"));
        }

        var challenge = query["code_challenge"].ToString();
        var method = query["code_challenge_method"].ToString();
        if (challenge.Length == 0 && client.IsPublic)
        {
            return Redirect(redirectUri, state, ("error", "invalid_request"), ("error_description", "code_challenge is required"));
        }

        if (challenge.Length > 0 && !string.Equals(method, Pkce.S256, StringComparison.Ordinal))
        {
            return Redirect(redirectUri, state, ("error", "invalid_request"), ("error_description", "code_challenge_method must be S256"));
        }

        var hint = query["login_hint"].ToString();
        var user = hint.Length > 0 ? organization.FindUser(hint)
            : organization.SignedInUserId is { } signedIn ? organization.FindUser(signedIn)
            : organization.Users.FirstOrDefault() is { } first ? organization.FindUser(first.Id) : null;
        if (user is null)
        {
            Log.TokenRefused(logger, "no such user to sign in");
            return Redirect(redirectUri, state, ("error", "access_denied"), ("error_description", "the user could not be signed in"));
        }

        var code = organization.UserGrants.IssueCode(clientId, redirectUri, (string)user["id"]!, challenge.Length > 0 ? challenge : null);
        return Redirect(redirectUri, state, ("code", code));
    }

    private static SimulatorResult Redirect(string redirectUri, string state, params (string Name, string Value)[] parameters)
    {
        var location = new StringBuilder(redirectUri).Append(redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        foreach (var (name, value) in parameters)
        {
            location.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        if (state.Length > 0)
        {
            location.Append("state=").Append(Uri.EscapeDataString(state)).Append('&');
        }

        return SimulatorResult.Empty(302).WithHeader("Location", location.ToString(0, location.Length - 1));
    }
}
