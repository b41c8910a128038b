using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// <c>grant_type=authorization_code</c>: a code from <c>/oauth/authorize</c>, the same <c>redirect_uri</c>, and the
/// <c>code_verifier</c> when a challenge was sent. A code works once; replaying it revokes what it issued (RFC 6749 §4.1.2).
/// </summary>
internal static class AuthorizationCodeGrant
{
    public static SimulatorResult Exchange(TokenGrantContext context, TokenEndpoint endpoint)
    {
        var value = context.Field("code");
        if (value.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", "code is required");
        }

        var grants = context.Organization.UserGrants;
        lock (grants.Gate)
        {
            if (grants.FindCode(value) is not { } code)
            {
                return endpoint.InvalidGrant("authorization code is invalid");
            }

            if (code.Used)
            {
                foreach (var token in code.IssuedTokens)
                {
                    context.Organization.Tokens.End(token, SimulatorTokenState.Revoked);
                }

                if (code.IssuedRefreshToken is { } issued)
                {
                    grants.RevokeFamily(issued);
                }

                return endpoint.InvalidGrant("authorization code has already been used");
            }

            if (context.Now >= code.ExpiresAt)
            {
                return endpoint.InvalidGrant("authorization code has expired");
            }

            if (!string.Equals(code.ClientId, context.Client.ClientId, StringComparison.Ordinal))
            {
                return endpoint.InvalidGrant("authorization code was issued to another client");
            }

            if (!string.Equals(context.Field("redirect_uri"), code.RedirectUri, StringComparison.Ordinal))
            {
                return endpoint.InvalidGrant("redirect_uri does not match the authorization request");
            }

            if (code.CodeChallenge is { } challenge && !Pkce.Verifies(context.Field("code_verifier"), challenge))
            {
                return endpoint.InvalidGrant("code_verifier does not match the code_challenge");
            }

            code.Used = true;
            var refresh = grants.IssueRefresh(context.Client.ClientId, code.UserId, previous: null);
            code.IssuedRefreshToken = refresh;
            return endpoint.Issue(context, "authorization_code", code.UserId, refresh, code);
        }
    }
}
