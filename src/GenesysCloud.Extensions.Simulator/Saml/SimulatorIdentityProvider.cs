using System.Security.Cryptography.X509Certificates;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// A SAML identity provider an organization trusts for the SAML2-bearer grant: its issuer and signing certificate
/// (<see cref="SimulatorOrganizationSettings.IdentityProviders"/>). Every organization also trusts a built-in one,
/// <see cref="SimulatorOrganization.IdentityProvider"/>, whose key the simulator holds.
/// </summary>
public sealed class SimulatorIdentityProvider
{
    /// <summary>Creates an identity provider.</summary>
    /// <param name="issuer">The issuer (entity id) its assertions name.</param>
    /// <param name="certificate">The certificate whose public key verifies its signatures; with the private key, <see cref="CreateAssertion"/> works too.</param>
    public SimulatorIdentityProvider(string issuer, X509Certificate2 certificate)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentNullException.ThrowIfNull(certificate);
        Issuer = issuer;
        Certificate = certificate;
    }

    /// <summary>Gets the issuer.</summary>
    public string Issuer { get; }

    /// <summary>Gets the signing certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Mints an assertion signed by this identity provider (its certificate must have the private key).</summary>
    /// <param name="nameId">The subject: a user's email, username or id.</param>
    /// <param name="notBefore">The start of the assertion's validity.</param>
    /// <param name="notOnOrAfter">The end of the assertion's validity.</param>
    /// <param name="audience">The audience restriction, if any.</param>
    /// <returns>The base64-encoded assertion.</returns>
    public string CreateAssertion(string nameId, DateTimeOffset notBefore, DateTimeOffset notOnOrAfter, string? audience = null) =>
        SimulatorSamlAssertion.Create(Certificate, Issuer, nameId, notBefore, notOnOrAfter, audience);
}
