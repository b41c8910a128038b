using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// <c>grant_type=refresh_token</c>: a new access token and a new refresh token; the old refresh token is spent. Replaying a
/// spent refresh token is refused and revokes the chain's live one (the OAuth 2.0 security BCP's reuse detection), so a client
/// that refreshes twice in a race finds out.
/// </summary>
internal static class RefreshTokenGrant
{
    public static SimulatorResult Exchange(TokenGrantContext context, TokenEndpoint endpoint)
    {
        var value = context.Field("refresh_token");
        if (value.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", "refresh_token is required");
        }

        var grants = context.Organization.UserGrants;
        lock (grants.Gate)
        {
            if (grants.FindRefresh(value) is not { } refresh)
            {
                return endpoint.InvalidGrant("refresh token is invalid");
            }

            if (!string.Equals(refresh.ClientId, context.Client.ClientId, StringComparison.Ordinal))
            {
                return endpoint.InvalidGrant("refresh token was issued to another client");
            }

            switch (refresh.State)
            {
                case SimulatorTokenState.Used:
                    grants.RevokeFamily(refresh);
                    return endpoint.InvalidGrant("refresh token has already been used");
                case SimulatorTokenState.Revoked:
                    return endpoint.InvalidGrant("refresh token has been revoked");
            }

            if (context.Now >= refresh.ExpiresAt)
            {
                return endpoint.InvalidGrant("refresh token has expired");
            }

            refresh.State = SimulatorTokenState.Used;
            var next = grants.IssueRefresh(context.Client.ClientId, refresh.UserId, refresh);
            return endpoint.Issue(context, "refresh_token", refresh.UserId, next);
        }
    }
}
