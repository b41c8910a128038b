using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using GenesysCloud.Extensions.Simulator.Saml;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// Mints signed SAML 2.0 assertions for the SAML2-bearer grant, the way an identity provider would: an <c>Assertion</c> with
/// its <c>Issuer</c>, an enveloped RSA-SHA256 XML signature (exclusive canonicalization) carrying the certificate, a
/// <c>NameID</c>, <c>Conditions</c> with <c>NotBefore</c>/<c>NotOnOrAfter</c> and an authentication statement.
/// </summary>
/// <example>
/// <code>
/// var assertion = SimulatorSamlAssertion.Create(idpCertificate, "https://idp.example.com", user.Email, now, now.AddMinutes(5));
/// // POST /oauth/token grant_type=urn:ietf:params:oauth:grant-type:saml2-bearer&amp;orgName=default&amp;assertion={assertion}
/// </code>
/// </example>
public static class SimulatorSamlAssertion
{
    /// <summary>Creates a signed assertion and returns it base64-encoded, as the <c>assertion</c> form field carries it.</summary>
    /// <param name="signingCertificate">An RSA certificate with its private key.</param>
    /// <param name="issuer">The identity provider's issuer (entity id).</param>
    /// <param name="nameId">The subject: the user's email (or username or id) in the organization.</param>
    /// <param name="notBefore">The start of the assertion's validity.</param>
    /// <param name="notOnOrAfter">The end of the assertion's validity.</param>
    /// <param name="audience">The audience restriction, if any.</param>
    /// <returns>The base64-encoded assertion XML.</returns>
    /// <exception cref="ArgumentException">The certificate has no RSA private key, or the validity ends before it starts.</exception>
    public static string Create(X509Certificate2 signingCertificate, string issuer, string nameId, DateTimeOffset notBefore, DateTimeOffset notOnOrAfter, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(signingCertificate);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(nameId);
        if (notOnOrAfter <= notBefore)
        {
            throw new ArgumentException("notOnOrAfter must be after notBefore.", nameof(notOnOrAfter));
        }

        using var key = signingCertificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The signing certificate needs an RSA private key.", nameof(signingCertificate));
        var id = "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        XNamespace saml = SamlNames.Assertion;
        var conditions = new XElement(saml + "Conditions", new XAttribute("NotBefore", Format(notBefore)), new XAttribute("NotOnOrAfter", Format(notOnOrAfter)));
        if (audience is not null)
        {
            conditions.Add(new XElement(saml + "AudienceRestriction", new XElement(saml + "Audience", audience)));
        }

        var assertion = new XElement(
            saml + "Assertion",
            new XAttribute(XNamespace.Xmlns + "saml", SamlNames.Assertion),
            new XAttribute("ID", id),
            new XAttribute("Version", "2.0"),
            new XAttribute("IssueInstant", Format(notBefore)),
            new XElement(saml + "Issuer", issuer),
            new XElement(
                saml + "Subject",
                new XElement(saml + "NameID", new XAttribute("Format", SamlNames.EmailNameIdFormat), nameId),
                new XElement(
                    saml + "SubjectConfirmation",
                    new XAttribute("Method", SamlNames.BearerConfirmation),
                    new XElement(saml + "SubjectConfirmationData", new XAttribute("NotOnOrAfter", Format(notOnOrAfter))))),
            conditions,
            new XElement(
                saml + "AuthnStatement",
                new XAttribute("AuthnInstant", Format(notBefore)),
                new XElement(saml + "AuthnContext", new XElement(saml + "AuthnContextClassRef", SamlNames.PasswordProtectedTransport))));

        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.LoadXml(assertion.ToString(SaveOptions.DisableFormatting));
        var signed = new SignedXml(document) { SigningKey = key };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        var reference = new Reference("#" + id) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(signingCertificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();

        // The schema puts the signature right after the issuer.
        var root = document.DocumentElement!;
        root.InsertAfter(document.ImportNode(signed.GetXml(), deep: true), root.FirstChild);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
