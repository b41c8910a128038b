namespace GenesysCloud.Extensions.Simulator.Saml;

/// <summary>The SAML 2.0 namespaces and URIs the simulator reads and writes.</summary>
internal static class SamlNames
{
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string DigitalSignature = "http://www.w3.org/2000/09/xmldsig#";
    public const string EmailNameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    public const string BearerConfirmation = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public const string PasswordProtectedTransport = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
}
