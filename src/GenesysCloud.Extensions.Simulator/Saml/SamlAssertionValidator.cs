using System.Globalization;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace GenesysCloud.Extensions.Simulator.Saml;

/// <summary>
/// Checks a SAML2-bearer assertion the way a careful service provider does: well-formed XML without DTDs, one assertion (bare
/// or in a <c>Response</c>), an issuer the organization trusts, an XML signature by that issuer's certificate whose one
/// reference covers the signed element (no signature wrapping), <c>NotBefore</c> ≤ now &lt; <c>NotOnOrAfter</c> on the
/// simulator's clock, and a <c>NameID</c> that is a user of the organization.
/// </summary>
internal static class SamlAssertionValidator
{
    /// <summary>Validates <paramref name="base64Assertion"/>; returns the user's id, or <see langword="null"/> with the reason.</summary>
    public static string? Validate(string base64Assertion, SimulatorOrganization organization, DateTimeOffset now, out string reason)
    {
        if (Load(base64Assertion) is not { } document)
        {
            reason = "assertion is not a base64-encoded SAML assertion";
            return null;
        }

        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("saml", SamlNames.Assertion);
        namespaces.AddNamespace("samlp", SamlNames.Protocol);
        namespaces.AddNamespace("ds", SamlNames.DigitalSignature);
        var root = document.DocumentElement!;
        var assertions = root.NamespaceURI == SamlNames.Assertion && root.LocalName == "Assertion"
            ? [root]
            : root.NamespaceURI == SamlNames.Protocol && root.LocalName == "Response"
                ? root.SelectNodes("saml:Assertion", namespaces)!.Cast<XmlElement>().ToList()
                : [];
        if (assertions.Count != 1)
        {
            reason = "assertion is not a base64-encoded SAML assertion";
            return null;
        }

        var assertion = assertions[0];
        var issuer = assertion.SelectSingleNode("saml:Issuer", namespaces)?.InnerText.Trim() ?? string.Empty;
        if (organization.FindIdentityProvider(issuer) is not { } provider)
        {
            reason = "assertion issuer is not trusted";
            return null;
        }

        // The assertion signs itself, or the response around it does.
        var signedElement = assertion.SelectSingleNode("ds:Signature", namespaces) is not null ? assertion : root;
        if (!IsSignedBy(document, signedElement, provider, namespaces))
        {
            reason = "assertion signature is invalid";
            return null;
        }

        if (assertion.SelectSingleNode("saml:Conditions", namespaces) is not XmlElement conditions
            || !TryReadInstant(conditions, "NotBefore", out var notBefore)
            || !TryReadInstant(conditions, "NotOnOrAfter", out var notOnOrAfter))
        {
            reason = "assertion conditions need NotBefore and NotOnOrAfter";
            return null;
        }

        if (now < notBefore)
        {
            reason = "assertion is not yet valid";
            return null;
        }

        if (now >= notOnOrAfter)
        {
            reason = "assertion has expired";
            return null;
        }

        var nameId = assertion.SelectSingleNode("saml:Subject/saml:NameID", namespaces)?.InnerText.Trim() ?? string.Empty;
        if (nameId.Length == 0 || organization.FindUser(nameId) is not { } user)
        {
            reason = "assertion subject is not a user of the organization";
            return null;
        }

        reason = string.Empty;
        return (string)user["id"]!;
    }

    private static XmlDocument? Load(string base64Assertion)
    {
        try
        {
            var xml = Encoding.UTF8.GetString(Convert.FromBase64String(base64Assertion.Trim()));
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            document.Load(reader);
            return document;
        }
        catch (Exception exception) when (exception is FormatException or XmlException)
        {
            return null;
        }
    }

    private static bool IsSignedBy(XmlDocument document, XmlElement signedElement, SimulatorIdentityProvider provider, XmlNamespaceManager namespaces)
    {
        var id = signedElement.GetAttribute("ID");
        if (id.Length == 0
            || signedElement.SelectSingleNode("ds:Signature", namespaces) is not XmlElement signature
            || document.SelectNodes($"//*[@ID='{id.Replace("'", string.Empty, StringComparison.Ordinal)}']")!.Count != 1)
        {
            return false;
        }

        try
        {
            var signed = new SignedXml(signedElement);
            signed.LoadXml(signature);
            return signed.SignedInfo!.References.Count == 1
                && signed.SignedInfo.References[0] is Reference { Uri: var uri } && uri == "#" + id
                && signed.CheckSignature(provider.Certificate, verifySignatureOnly: true);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static bool TryReadInstant(XmlElement element, string name, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(element.GetAttribute(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
