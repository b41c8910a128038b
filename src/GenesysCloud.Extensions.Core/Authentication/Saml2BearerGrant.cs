namespace GenesysCloud.Extensions.Authentication;

/// <summary>What a SAML2-bearer exchange needs: the organization, the OAuth client of that grant type, and the assertion.</summary>
internal sealed record Saml2BearerGrant(string OrganizationName, string ClientId, string ClientSecret, Func<CancellationToken, ValueTask<string>> Assertion);
