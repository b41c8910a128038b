using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Simulator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebApiSample.Simulator;

namespace WebApiSample.Tests;

/// <summary>
/// Sign-in with Genesys Cloud against the embedded simulator, on real Kestrel: the browser (an HttpClient with a cookie jar
/// that follows redirects) goes from the sample to the simulator's <c>/oauth/authorize</c> and back, on two loopback ports.
/// Each test signs in as a user of its own, since the library keeps each user's token under the user's id.
/// </summary>
public sealed class SignInTests(KestrelSampleFactory factory) : IClassFixture<KestrelSampleFactory>
{
    private const string SignInCookieName = "WebApiSample.SignIn";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Uri _address = factory.StartAndGetAddress();

    private SimulatorOrganization Org => factory.Services.GetRequiredService<EmbeddedSimulator>().Simulator!.DefaultOrganization;

    [Fact]
    public async Task Api_me_without_sign_in_is_a_401_problem_not_a_redirect()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _address };

        using var response = await http.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Not signed in", problem.GetProperty("title").GetString());
        Assert.Contains("/signin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_api_me_is_the_signed_in_user_called_with_their_authorization_code_token()
    {
        var user = Org.Users[3];
        using var browser = await SignInAsync(user);
        var before = UsersMeRequests().Count;

        var me = await browser.Http.GetFromJsonAsync<JsonElement>("api/me");

        Assert.Equal(user.Id, me.GetProperty("id").GetString());
        Assert.Equal(user.Name, me.GetProperty("name").GetString());
        Assert.Equal(user.Email, me.GetProperty("email").GetString());

        // The call the endpoint made ran with the user's own token, from the authorization code: not the app's.
        await Org.Inspector.WaitUntilAsync(_ => UsersMeRequests().Count == before + 1).WaitAsync(Patience);
        var call = UsersMeRequests()[^1];
        Assert.Equal(200, call.StatusCode);
        var token = Assert.Single(Org.Inspector.Tokens, t => t.Id == call.TokenId);
        Assert.Equal("authorization_code", token.GrantType);
        Assert.Equal(user.Id, token.UserId);
        Assert.Equal(factory.Services.GetRequiredService<EmbeddedSimulator>().SignInClient.ClientId, token.ClientId);
        Assert.Contains(Org.Inspector.Tokens, t => t.GrantType == "client_credentials" && t.Id != token.Id);
    }

    [Fact]
    public async Task An_expired_user_token_is_refreshed_once_and_the_rotated_tokens_are_kept_in_the_cookie()
    {
        var user = Org.Users[4];
        using var browser = await SignInAsync(user);
        var signedIn = browser.Tokens();
        var first = Org.Inspector.GetToken(signedIn.AccessToken)!;
        Assert.True(Org.ExpireToken(first.Id));
        var refreshesBefore = RefreshRequests();

        var me = await browser.Http.GetFromJsonAsync<JsonElement>("api/me");

        Assert.Equal(user.Id, me.GetProperty("id").GetString());
        Assert.Equal(refreshesBefore + 1, RefreshRequests());
        var rotated = browser.Tokens();
        Assert.NotEqual(signedIn.AccessToken, rotated.AccessToken);
        Assert.NotEqual(signedIn.RefreshToken, rotated.RefreshToken);
        var second = Org.Inspector.GetToken(rotated.AccessToken)!;
        Assert.Equal("refresh_token", second.GrantType);
        Assert.Equal(user.Id, second.UserId);

        // The next request reads the rotated tokens from the cookie: no second refresh (the spent refresh token would be
        // refused), and its call carries the rotated access token.
        var again = await browser.Http.GetFromJsonAsync<JsonElement>("api/me");

        Assert.Equal(user.Id, again.GetProperty("id").GetString());
        Assert.Equal(refreshesBefore + 1, RefreshRequests());
        await Org.Inspector.WaitUntilAsync(_ => UsersMeRequests().Any(r => r.TokenId == second.Id)).WaitAsync(Patience);
        Assert.Equal(second.Id, UsersMeRequests()[^1].TokenId);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_a_401_problem_that_signs_the_user_out_and_shows_no_token()
    {
        var user = Org.Users[5];
        using var browser = await SignInAsync(user);
        var signedIn = browser.Tokens();
        var token = Org.Inspector.GetToken(signedIn.AccessToken)!;
        Assert.True(Org.RevokeToken(token.RefreshTokenId!));
        Assert.True(Org.ExpireToken(token.Id));

        using var response = await browser.Http.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Sign in again", problem.GetProperty("title").GetString());
        Assert.Equal(GenesysCloudErrorCodes.TokenGrantInvalid, problem.GetProperty("errorCode").GetString());
        Assert.DoesNotContain(signedIn.AccessToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain(signedIn.RefreshToken, body, StringComparison.Ordinal);

        // Signed out: the cookie is gone, and the next request is simply not signed in.
        Assert.Null(browser.SignInCookie());
        using var next = await browser.Http.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        Assert.Equal("Not signed in", (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Without_a_sign_in_client_a_real_org_offers_no_sign_in()
    {
        await using var realOrg = new RealOrgSampleFactory();
        using var http = realOrg.CreateClient(new() { AllowAutoRedirect = false });

        using var signIn = await http.GetAsync("/signin");
        using var me = await http.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Equal("Sign-in is not configured", (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Contains("SignIn:ClientId", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_orgs_sign_in_client_signs_in_at_the_configured_login_host_with_pkce()
    {
        await using var realOrg = new RealOrgSampleFactory();
        await using var configured = realOrg.WithWebHostBuilder(static b => b.UseSetting("SignIn:ClientId", "code-client").UseSetting("SignIn:ClientSecret", "code-secret"));
        using var http = configured.CreateClient(new() { AllowAutoRedirect = false });

        using var signIn = await http.GetAsync("/signin?returnUrl=%2Fapi%2Fme");

        // The factory's GenesysCloud:LoginBaseAddress, the one source of the login host (else the region's).
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var location = signIn.Headers.Location!;
        Assert.Equal("http://127.0.0.1:9/oauth/authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code-client", query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("http://localhost/signin-genesys", query["redirect_uri"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"].ToString()));
    }

    [Fact]
    public async Task A_sign_in_client_id_without_its_secret_stops_the_start_with_the_reason()
    {
        await using var realOrg = new RealOrgSampleFactory();
        await using var configured = realOrg.WithWebHostBuilder(static b => b.UseSetting("SignIn:ClientId", "code-client"));

        var failure = Assert.Throws<InvalidOperationException>(() => configured.CreateClient());

        Assert.Contains("SignIn:ClientSecret", failure.Message, StringComparison.Ordinal);
    }

    private List<RecordedRequest> UsersMeRequests() => [.. Org.Inspector.Requests.Where(static r => r.Operation == "getUsersMe")];

    private int RefreshRequests() =>
        Org.Inspector.Requests.Count(static r => r.Operation == "postOAuthToken" && r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal));

    /// <summary>Signs <paramref name="user"/> in through the sample's <c>/signin</c>, following every redirect.</summary>
    private async Task<Browser> SignInAsync(SimulatorUser user)
    {
        Org.SignedInUserId = user.Id;
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = _address };
        using var response = await http.GetAsync("signin?returnUrl=%2Fhealthz");

        // Back where the sign-in started, signed in.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/healthz", response.RequestMessage!.RequestUri!.AbsolutePath);
        var browser = new Browser(http, cookies, _address, factory.Services);
        Assert.NotNull(browser.SignInCookie());
        return browser;
    }

    /// <summary>A browser: its HttpClient and its cookie jar, and what the sign-in cookie keeps.</summary>
    private sealed class Browser(HttpClient http, CookieContainer cookies, Uri address, IServiceProvider services) : IDisposable
    {
        public HttpClient Http => http;

        public string? SignInCookie() => cookies.GetCookies(address)[SignInCookieName]?.Value;

        /// <summary>The tokens the sample keeps in the sign-in cookie, read with the sample's own ticket format.</summary>
        public (string AccessToken, string RefreshToken) Tokens()
        {
            var format = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
            var properties = format.Unprotect(SignInCookie())!.Properties;
            return (properties.GetTokenValue("access_token")!, properties.GetTokenValue("refresh_token")!);
        }

        public void Dispose() => http.Dispose();
    }
}
