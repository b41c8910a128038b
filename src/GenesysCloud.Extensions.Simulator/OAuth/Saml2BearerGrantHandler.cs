using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Saml;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// <c>grant_type=urn:ietf:params:oauth:grant-type:saml2-bearer&amp;orgName=…&amp;assertion=…</c> with the SAML client's Basic
/// credentials, as the Genesys SDKs send it: a user token for the assertion's subject, no refresh token (the identity
/// provider mints a new assertion instead).
/// </summary>
internal static class Saml2BearerGrantHandler
{
    public static SimulatorResult Exchange(TokenGrantContext context, TokenEndpoint endpoint)
    {
        var orgName = context.Field("orgName");
        var assertion = context.Field("assertion");
        if (orgName.Length == 0 || assertion.Length == 0)
        {
            return OAuthErrors.Create("invalid_request", orgName.Length == 0 ? "orgName is required" : "assertion is required");
        }

        if (!string.Equals(orgName, context.Organization.Name, StringComparison.OrdinalIgnoreCase))
        {
            return endpoint.InvalidGrant("orgName does not match the client's organization");
        }

        return SamlAssertionValidator.Validate(assertion, context.Organization, context.Now, out var reason) is { } userId
            ? endpoint.Issue(context, TokenEndpoint.Saml2BearerGrant, userId, refresh: null)
            : endpoint.InvalidGrant(reason);
    }
}
