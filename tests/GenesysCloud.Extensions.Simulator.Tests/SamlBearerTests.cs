using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class SamlBearerTests
{
    private const string Grant = "urn:ietf:params:oauth:grant-type:saml2-bearer";
    private const string PartnerIssuer = "https://idp.partner.example.com";

    // RSA keys are slow to make; the tests share two for the whole run.
    private static readonly X509Certificate2 PartnerCertificate = CreateCertificate("partner");
    private static readonly X509Certificate2 ImpostorCertificate = CreateCertificate("impostor");

    [Fact]
    public async Task Assertion_from_the_built_in_identity_provider_is_exchanged_for_a_user_token()
    {
        await using var sim = await StartSamlSimulatorAsync();
        var organization = sim.DefaultOrganization;
        var user = organization.Users[2];
        using var client = CreateClient(sim);

        using var response = await client.SendAsync(SamlRequest(organization.CreateSamlAssertion(user.Email)));
        var body = await ReadObjectAsync(response);
        using var api = Bearer(sim, (string)body["access_token"]!);
        using var me = await api.GetAsync("api/v2/users/me");
        using var info = await api.GetAsync("api/v2/tokens/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["refresh_token"]);
        Assert.Equal(user.Id, (string?)(await ReadObjectAsync(me))["id"]);
        Assert.Equal("SAML2-BEARER", (string?)(await ReadObjectAsync(info))["OAuthClient"]!["authorizedGrantType"]);
        var token = sim.Inspector.GetToken((string)body["access_token"]!)!;
        Assert.Equal((Grant, user.Id, "sso-app"), (token.GrantType, token.UserId, token.ClientId));
    }

    [Fact]
    public async Task Configured_identity_provider_is_trusted_only_for_signatures_of_its_certificate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sim = await StartSamlSimulatorAsync(o => o.TimeProvider = clock);
        var email = sim.DefaultOrganization.Users[0].Email;
        var now = clock.GetUtcNow();
        using var client = CreateClient(sim);

        using var trusted = await client.SendAsync(SamlRequest(SimulatorSamlAssertion.Create(PartnerCertificate, PartnerIssuer, email, now, now.AddMinutes(5), audience: "urn:gc:default")));
        using var impostor = await client.SendAsync(SamlRequest(SimulatorSamlAssertion.Create(ImpostorCertificate, PartnerIssuer, email, now, now.AddMinutes(5))));
        using var unknownIssuer = await client.SendAsync(SamlRequest(SimulatorSamlAssertion.Create(PartnerCertificate, "https://idp.elsewhere.example.com", email, now, now.AddMinutes(5))));
        using var tampered = await client.SendAsync(SamlRequest(Tamper(SimulatorSamlAssertion.Create(PartnerCertificate, PartnerIssuer, email, now, now.AddMinutes(5)), email, sim.DefaultOrganization.Users[1].Email)));
        using var wrapped = await client.SendAsync(SamlRequest(WrapInResponse(SimulatorSamlAssertion.Create(PartnerCertificate, PartnerIssuer, email, now, now.AddMinutes(5)))));

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        await AssertInvalidGrantAsync(impostor, "assertion signature is invalid");
        await AssertInvalidGrantAsync(unknownIssuer, "assertion issuer is not trusted");
        await AssertInvalidGrantAsync(tampered, "assertion signature is invalid");
        Assert.Equal(HttpStatusCode.OK, wrapped.StatusCode);
    }

    [Fact]
    public async Task Assertion_validity_follows_the_simulator_clock_and_the_subject_must_be_a_user()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sim = await StartSamlSimulatorAsync(o => o.TimeProvider = clock);
        var organization = sim.DefaultOrganization;
        var now = clock.GetUtcNow();
        using var client = CreateClient(sim);

        var assertion = organization.CreateSamlAssertion(organization.Users[0].Id, TimeSpan.FromMinutes(1));
        var future = organization.IdentityProvider.CreateAssertion(organization.Users[0].Email, now.AddMinutes(10), now.AddMinutes(20));
        using var notYet = await client.SendAsync(SamlRequest(future));
        using var unknownUser = await client.SendAsync(SamlRequest(organization.CreateSamlAssertion("nobody@example.com")));
        clock.Advance(TimeSpan.FromMinutes(1));
        using var expired = await client.SendAsync(SamlRequest(assertion));

        await AssertInvalidGrantAsync(notYet, "assertion is not yet valid");
        await AssertInvalidGrantAsync(unknownUser, "assertion subject is not a user of the organization");
        await AssertInvalidGrantAsync(expired, "assertion has expired");
    }

    [Fact]
    public async Task Request_needs_the_organization_name_a_readable_assertion_and_a_SAML_client()
    {
        await using var sim = await StartSamlSimulatorAsync();
        var assertion = sim.DefaultOrganization.CreateSamlAssertion(sim.DefaultOrganization.Users[0].Email);
        using var client = CreateClient(sim);

        using var noOrg = await client.SendAsync(SamlRequest(assertion, orgName: null));
        using var otherOrg = await client.SendAsync(SamlRequest(assertion, orgName: "contoso"));
        using var garbage = await client.SendAsync(SamlRequest("not an assertion"));
        using var notXml = await client.SendAsync(SamlRequest(Convert.ToBase64String(Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY e 'x'>]><x>&e;</x>"))));
        using var wrongClient = await client.SendAsync(SamlRequest(assertion, clientId: sim.ClientId, secret: sim.ClientSecret));

        Assert.Equal("invalid_request", (string?)(await ReadObjectAsync(noOrg))["error"]);
        await AssertInvalidGrantAsync(otherOrg, "orgName does not match the client's organization");
        await AssertInvalidGrantAsync(garbage, "assertion is not a base64-encoded SAML assertion");
        await AssertInvalidGrantAsync(notXml, "assertion is not a base64-encoded SAML assertion");
        Assert.Equal("unauthorized_client", (string?)(await ReadObjectAsync(wrongClient))["error"]);
    }

    [Fact]
    public async Task Control_api_mints_assertions_from_the_built_in_identity_provider()
    {
        await using var sim = await StartSamlSimulatorAsync();
        using var client = CreateClient(sim);

        using var minted = await client.PostAsync("_simulator/organizations/default/saml-assertions", Json($$"""{"nameId":"{{sim.DefaultOrganization.Users[4].Email}}","lifetimeSeconds":60}"""));
        var body = await ReadObjectAsync(minted);
        using var exchanged = await client.SendAsync(SamlRequest((string)body["assertion"]!));
        using var unknownOrg = await client.PostAsync("_simulator/organizations/nowhere/saml-assertions", Json("""{"nameId":"x"}"""));

        Assert.Equal(sim.DefaultOrganization.BuiltInIssuer, (string?)body["issuer"]);
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrg.StatusCode);
    }

    [Fact]
    public void Helper_refuses_a_certificate_without_a_private_key_and_an_empty_validity()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(PartnerCertificate.Export(X509ContentType.Cert));
        var now = DateTimeOffset.UtcNow;

        Assert.Throws<ArgumentException>(() => SimulatorSamlAssertion.Create(publicOnly, PartnerIssuer, "a@b.c", now, now.AddMinutes(1)));
        Assert.Throws<ArgumentException>(() => SimulatorSamlAssertion.Create(PartnerCertificate, PartnerIssuer, "a@b.c", now, now));
    }

    private static Task<GenesysCloudSimulator> StartSamlSimulatorAsync(Action<GenesysCloudSimulatorOptions>? configure = null) => StartAsync(o =>
    {
        o.OAuthClients.Add(SimulatorOAuthClient.Saml2Bearer("sso-app", "sso-secret"));

        // The simulator only needs the public part of a configured identity provider's certificate.
        o.IdentityProviders.Add(new SimulatorIdentityProvider(PartnerIssuer, X509CertificateLoader.LoadCertificate(PartnerCertificate.Export(X509ContentType.Cert))));
        configure?.Invoke(o);
    });

    private static X509Certificate2 CreateCertificate(string name)
    {
        using var key = RSA.Create(2048);
        return new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static HttpRequestMessage SamlRequest(string assertion, string? orgName = "default", string clientId = "sso-app", string secret = "sso-secret")
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", Grant), new("assertion", assertion) };
        if (orgName is not null)
        {
            fields.Add(new("orgName", orgName));
        }

        var request = TokenRequest(clientId, secret);
        request.Content = new FormUrlEncodedContent(fields);
        return request;
    }

    private static HttpClient Bearer(GenesysCloudSimulator sim, string token)
    {
        var client = CreateClient(sim);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Tamper(string assertion, string from, string to) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(assertion)).Replace(from, to, StringComparison.Ordinal)));

    private static string WrapInResponse(string assertion)
    {
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String(assertion));
        var response = $"""<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_response" Version="2.0">{xml}</samlp:Response>""";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(response));
    }

    private static async Task AssertInvalidGrantAsync(HttpResponseMessage response, string description)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal(("invalid_grant", description), ((string?)body["error"], (string?)body["description"]));
    }
}
