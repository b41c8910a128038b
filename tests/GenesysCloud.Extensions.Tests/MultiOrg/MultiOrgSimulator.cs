using System.Net;
using System.Text.Json;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Tests.MultiOrg;

/// <summary>
/// A simulator with two organizations (contoso, the default, and fabrikam with 7 queues and 50 requests per window), an
/// authorization-code client for signed-in users and a SAML2-bearer client; and a host with one named client per org.
/// </summary>
internal static class MultiOrgSimulator
{
    public const string Redirect = "https://app.example.com/signin-genesys";

    public const string SamlClientId = "sso-app";

    public const string SamlClientSecret = "sso-secret";

    public static Task<GenesysCloudSimulator> StartSimulatorAsync(Action<GenesysCloudSimulatorOptions>? configure = null)
    {
        var options = new GenesysCloudSimulatorOptions();
        options.OAuthClients.Add(SimulatorOAuthClient.Saml2Bearer(SamlClientId, SamlClientSecret));
        var web = SimulatorOAuthClient.AuthorizationCode("web-app", "web-secret", Redirect);
        web.Scopes.Add("users");
        options.OAuthClients.Add(web);
        options.Organizations.Add(new SimulatorOrganizationOptions("fabrikam") { QueueCount = 7, RateLimit = 50 });
        configure?.Invoke(options);
        return GenesysCloudSimulator.StartAsync(options);
    }

    public static IHost BuildHost(GenesysCloudSimulator sim, Action<IServiceCollection> services)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.ConfigureGenesysCloudDefaults(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        builder.Services.AddGenesysCloud("contoso", o => Use(o, sim.DefaultOrganization));
        builder.Services.AddGenesysCloud("fabrikam", o => Use(o, sim.GetOrganization("fabrikam")));
        services(builder.Services);
        return builder.Build();
    }

    public static void Use(GenesysCloudOptions options, SimulatorOrganization org)
    {
        options.ClientId = org.ClientId;
        options.ClientSecret = org.ClientSecret;
        options.ApiBaseAddress = org.ApiBaseAddress;
        options.LoginBaseAddress = org.LoginBaseAddress;
    }

    public static async Task<GenesysCloudUserTokens> SignInAsync(GenesysCloudSimulator sim, string email)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sim.ApiBaseAddress };
        using var authorize = await http.GetAsync($"oauth/authorize?response_type=code&client_id=web-app&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s&login_hint={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var code = authorize.Headers.Location!.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).Single(p => p[0] == "code")[1];
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = Uri.UnescapeDataString(code),
                ["redirect_uri"] = Redirect,
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("web-app:web-secret")));
        using var exchange = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        using var body = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync());
        return new GenesysCloudUserTokens
        {
            AccessToken = body.RootElement.GetProperty("access_token").GetString(),
            RefreshToken = body.RootElement.GetProperty("refresh_token").GetString(),
            AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddSeconds(body.RootElement.GetProperty("expires_in").GetInt32()),
            ClientId = "web-app",
            ClientSecret = "web-secret",
        };
    }
}
