using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary><c>grant_type=urn:ietf:params:oauth:grant-type:saml2-bearer</c>.</summary>
internal static class Saml2BearerGrantHandler
{
    public static SimulatorResult Exchange(TokenGrantContext context, TokenEndpoint endpoint) =>
        endpoint.InvalidGrant("no identity provider is configured");
}
