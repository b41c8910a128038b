namespace GenesysCloud.Extensions.Simulator;

/// <summary>The grant an OAuth client is created for; as in Genesys Cloud, each client has exactly one.</summary>
public enum SimulatorOAuthGrant
{
    /// <summary>Client credentials (<c>CLIENT-CREDENTIALS</c>): tokens of the client itself, no user.</summary>
    ClientCredentials,

    /// <summary>Code authorization (<c>CODE</c>), a confidential client: <c>/oauth/authorize</c>, then the code and the client secret at <c>/oauth/token</c>; refresh tokens.</summary>
    AuthorizationCode,

    /// <summary>PKCE-enabled code authorization, a public client: no secret, the <c>code_verifier</c> proves the caller instead; refresh tokens.</summary>
    AuthorizationCodePkce,

    /// <summary>SAML2 bearer (<c>SAML2-BEARER</c>): a signed assertion from a trusted identity provider is exchanged for a user token.</summary>
    Saml2Bearer,
}
