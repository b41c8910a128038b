using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GenesysCloud.Extensions.Simulator.Hosting;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void Parses_every_documented_flag()
    {
        var (options, verbose, help) = CommandLineArguments.Parse(
        [
            "--port", "5080", "--client-id", "id", "--client-secret", "secret", "--rate-limit", "0", "--rate-window", "1.5",
            "--latency", "50-150", "--seed", "9", "--token-lifetime", "120", "--token-throttle", "429", "--queues", "3", "--verbose",
        ]);

        Assert.Equal(5080, options.Port);
        Assert.Equal("id", options.ClientId);
        Assert.Equal("secret", options.ClientSecret);
        Assert.Equal(0, options.RateLimit);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.RateWindow);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.MinLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(150), options.MaxLatency);
        Assert.Equal(9, options.Seed);
        Assert.Equal(TimeSpan.FromSeconds(120), options.TokenLifetime);
        Assert.Equal(TokenThrottleResponse.TooManyRequests, options.TokenThrottleResponse);
        Assert.Equal(3, options.QueueCount);
        Assert.True(verbose);
        Assert.False(help);
    }

    [Fact]
    public void Organization_flags_after_org_configure_that_organization_and_user_clients_and_identity_providers_are_added()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=idp", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var pem = Path.Combine(Path.GetTempPath(), $"idp-{Guid.NewGuid():N}.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        try
        {
            var (options, _, _) = CommandLineArguments.Parse(
            [
                "--port", "5080", "--rate-limit", "10", "--code-client", "web:web-secret:https://app.example.com/cb?x=1",
                "--org", "eu", "--port", "0", "--rate-limit", "20", "--seed", "4", "--client-id", "eu-id",
                "--pkce-client", "spa:http://localhost:5173/cb", "--saml-client", "sso:sso-secret", "--saml-idp", $"{pem},https://idp.example.com",
                "--analytics-job-duration", "2",
            ]);

            Assert.Equal((5080, 10), (options.Port, options.RateLimit));
            var web = Assert.Single(options.OAuthClients);
            Assert.Equal(("web", "web-secret", SimulatorOAuthGrant.AuthorizationCode), (web.ClientId, web.ClientSecret, web.Grant));
            Assert.Equal("https://app.example.com/cb?x=1", Assert.Single(web.RedirectUris));
            var eu = Assert.Single(options.Organizations);
            Assert.Equal(("eu", 0, 20, 4, "eu-id"), (eu.Name, eu.Port, eu.RateLimit, eu.Seed, eu.ClientId));
            Assert.Equal([SimulatorOAuthGrant.AuthorizationCodePkce, SimulatorOAuthGrant.Saml2Bearer], eu.OAuthClients.Select(static c => c.Grant));
            Assert.Equal("http://localhost:5173/cb", eu.OAuthClients[0].RedirectUris[0]);
            var idp = Assert.Single(eu.IdentityProviders);
            Assert.Equal(("https://idp.example.com", certificate.Thumbprint), (idp.Issuer, idp.Certificate.Thumbprint));
            Assert.Equal(TimeSpan.FromSeconds(2), eu.AnalyticsJobDuration);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public void Fixed_latency_sets_both_bounds()
    {
        Assert.Equal((TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)), CommandLineArguments.ParseLatency("100"));
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "x")]
    [InlineData("--bogus", "1")]
    [InlineData("--latency", "150-50")]
    [InlineData("--token-throttle", "teapot")]
    [InlineData("--code-client", "id-only")]
    [InlineData("--pkce-client", "spa:")]
    [InlineData("--saml-idp", "no-issuer")]
    public void Bad_flags_are_reported(params string[] args)
    {
        Assert.Throws<FormatException>(() => CommandLineArguments.Parse(args));
    }
}
