using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class UserTokenTests
{
    private const string WebRedirect = "https://app.example.com/signin-genesys";
    private const string SpaRedirect = "http://localhost:5173/callback";
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-simulator-verifier";

    [Fact]
    public async Task Code_grant_with_PKCE_signs_in_the_hinted_user_and_issues_a_user_token_with_its_own_budget()
    {
        await using var sim = await StartUserSimulatorAsync(o => o.RateLimit = 1);
        var user = sim.DefaultOrganization.Users[3];
        using var client = NoRedirectClient(sim);

        var redirect = await AuthorizeAsync(client, "web-app", WebRedirect, state: "xyz", challenge: Challenge(Verifier), loginHint: user.Email);
        Assert.Equal("xyz", redirect["state"]);
        Assert.StartsWith(WebRedirect + "?", redirect["location"], StringComparison.Ordinal);
        using var exchange = await client.SendAsync(TokenRequest("web-app", "web-secret", Form(("grant_type", "authorization_code"), ("code", redirect["code"]), ("redirect_uri", WebRedirect), ("code_verifier", Verifier))));
        var tokens = await ReadObjectAsync(exchange);

        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal("bearer", (string?)tokens["token_type"]);
        Assert.Equal(86_400, (int)tokens["expires_in"]!);
        Assert.False(string.IsNullOrEmpty((string?)tokens["refresh_token"]));
        using var me = await Authorized(sim, (string)tokens["access_token"]!).GetAsync("api/v2/users/me");
        Assert.Equal(user.Id, (string?)(await ReadObjectAsync(me))["id"]);

        // The app's client-credentials token has a budget of its own: both get their one request.
        using var app = await CreateAuthorizedClientAsync(sim);
        using var appCall = await app.GetAsync("api/v2/users");
        Assert.Equal(HttpStatusCode.OK, appCall.StatusCode);
        using var userAgain = await Authorized(sim, (string)tokens["access_token"]!).GetAsync("api/v2/users");
        Assert.Equal((HttpStatusCode)429, userAgain.StatusCode);

        // The inspector keeps the request, not its secrets.
        var tokenRequest = sim.Inspector.Requests.Single(r => r.Operation == "postOAuthToken" && r.Body.Contains("authorization_code", StringComparison.Ordinal));
        Assert.Equal("grant_type=authorization_code&code=[redacted]&redirect_uri=" + Uri.EscapeDataString(WebRedirect) + "&code_verifier=[redacted]", tokenRequest.Body);

        var recorded = sim.Inspector.GetToken((string)tokens["access_token"]!)!;
        Assert.Equal((user.Id, "authorization_code", "web-app"), (recorded.UserId, recorded.GrantType, recorded.ClientId));
        Assert.Equal((2, 1), (recorded.Requests, recorded.TooManyRequests));
        Assert.NotNull(recorded.RefreshTokenId);
    }

    [Fact]
    public async Task Tokens_me_reports_the_user_client_and_users_me_refuses_client_credentials()
    {
        await using var sim = await StartUserSimulatorAsync();
        using var client = NoRedirectClient(sim);
        var userToken = (string)(await SignInAsync(client))["access_token"]!;
        using var app = await CreateAuthorizedClientAsync(sim);

        using var userInfo = await Authorized(sim, userToken).GetAsync("api/v2/tokens/me");
        using var appInfo = await app.GetAsync("api/v2/tokens/me");
        using var head = await Authorized(sim, userToken).SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/v2/tokens/me"));
        using var appMe = await app.GetAsync("api/v2/users/me");

        var user = await ReadObjectAsync(userInfo);
        Assert.Equal("CODE", (string?)user["OAuthClient"]!["authorizedGrantType"]);
        Assert.Equal("web-app", (string?)user["OAuthClient"]!["id"]);
        Assert.Equal(["users", "routing"], user["OAuthClient"]!["scope"]!.AsArray().Select(static s => (string?)s));
        Assert.Equal(["users", "routing"], user["authorizedScope"]!.AsArray().Select(static s => (string?)s));
        Assert.Equal(sim.DefaultOrganization.Id, (string?)user["organization"]!["id"]);
        var appBody = await ReadObjectAsync(appInfo);
        Assert.Equal("CLIENT-CREDENTIALS", (string?)appBody["OAuthClient"]!["authorizedGrantType"]);
        Assert.NotNull(appBody["OAuthClient"]!["roleDivisions"]);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("2", Header(head, "inin-ratelimit-count"));
        Assert.Equal(HttpStatusCode.BadRequest, appMe.StatusCode);
        Assert.Equal("not.a.user", (string?)(await ReadObjectAsync(appMe))["code"]);
    }

    [Fact]
    public async Task Public_PKCE_client_names_itself_in_the_form_and_must_prove_the_verifier()
    {
        await using var sim = await StartUserSimulatorAsync();
        using var client = NoRedirectClient(sim);
        async Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier)
        {
            var fields = new List<(string, string)> { ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SpaRedirect), ("client_id", "spa") };
            if (verifier is not null)
            {
                fields.Add(("code_verifier", verifier));
            }

            return await client.PostAsync("oauth/token", Form([.. fields]));
        }

        var first = await AuthorizeAsync(client, "spa", SpaRedirect, challenge: Challenge(Verifier));
        using var missing = await ExchangeAsync(first["code"], null);
        var second = await AuthorizeAsync(client, "spa", SpaRedirect, challenge: Challenge(Verifier));
        using var wrong = await ExchangeAsync(second["code"], Verifier.Replace('d', 'e'));
        var third = await AuthorizeAsync(client, "spa", SpaRedirect, challenge: Challenge(Verifier));
        using var right = await ExchangeAsync(third["code"], Verifier);
        using var noChallenge = await client.GetAsync($"oauth/authorize?response_type=code&client_id=spa&redirect_uri={Uri.EscapeDataString(SpaRedirect)}&state=s");

        await AssertInvalidGrantAsync(missing, "code_verifier does not match the code_challenge");
        await AssertInvalidGrantAsync(wrong, "code_verifier does not match the code_challenge");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.NotNull((await ReadObjectAsync(right))["refresh_token"]);
        var error = QueryHelpers.ParseQuery(noChallenge.Headers.Location!.Query);
        Assert.Equal(("invalid_request", "s"), (error["error"].ToString(), error["state"].ToString()));
    }

    [Fact]
    public async Task Authorize_answers_bad_clients_and_redirect_uris_in_place_and_redirects_other_errors()
    {
        await using var sim = await StartUserSimulatorAsync();
        using var client = NoRedirectClient(sim);
        var redirect = Uri.EscapeDataString(WebRedirect);

        using var unknownClient = await client.GetAsync($"oauth/authorize?response_type=code&client_id=nobody&redirect_uri={redirect}");
        using var wrongRedirect = await client.GetAsync("oauth/authorize?response_type=code&client_id=web-app&redirect_uri=https%3A%2F%2Fevil.example.com%2F");
        using var clientCredentials = await client.GetAsync($"oauth/authorize?response_type=code&client_id={sim.ClientId}&redirect_uri={redirect}");
        using var implicitGrant = await client.GetAsync($"oauth/authorize?response_type=token&client_id=web-app&redirect_uri={redirect}&state=1");
        using var unknownUser = await client.GetAsync($"oauth/authorize?response_type=code&client_id=web-app&redirect_uri={redirect}&login_hint=nobody%40example.com");
        using var plainChallenge = await client.GetAsync($"oauth/authorize?response_type=code&client_id=web-app&redirect_uri={redirect}&code_challenge=abc&code_challenge_method=plain");

        Assert.Equal("invalid_client", (string?)(await ReadObjectAsync(unknownClient))["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongRedirect.StatusCode);
        Assert.Equal("redirect uri mismatch", (string?)(await ReadObjectAsync(wrongRedirect))["description"]);
        Assert.Equal("unauthorized_client", (string?)(await ReadObjectAsync(clientCredentials))["error"]);
        Assert.Equal("unsupported_response_type", QueryHelpers.ParseQuery(implicitGrant.Headers.Location!.Query)["error"].ToString());
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(unknownUser.Headers.Location!.Query)["error"].ToString());
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(plainChallenge.Headers.Location!.Query)["error"].ToString());
        Assert.Equal("getOAuthAuthorize", sim.Inspector.Requests[^1].Operation);
    }

    [Fact]
    public async Task A_code_works_once_within_its_lifetime_and_a_replay_revokes_what_it_issued()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartUserSimulatorAsync(o => { o.TimeProvider = clock; o.AuthorizationCodeLifetime = TimeSpan.FromMinutes(1); });
        using var client = NoRedirectClient(sim);

        var code = (await AuthorizeAsync(client, "web-app", WebRedirect))["code"];
        using var first = await client.SendAsync(CodeExchange(code));
        var token = (string)(await ReadObjectAsync(first))["access_token"]!;
        using var replay = await client.SendAsync(CodeExchange(code));
        using var afterReplay = await Authorized(sim, token).GetAsync("api/v2/users/me");

        var late = (await AuthorizeAsync(client, "web-app", WebRedirect))["code"];
        clock.Advance(TimeSpan.FromMinutes(1));
        using var expired = await client.SendAsync(CodeExchange(late));
        var other = (await AuthorizeAsync(client, "web-app", WebRedirect))["code"];
        using var wrongRedirect = await client.SendAsync(TokenRequest("web-app", "web-secret", Form(("grant_type", "authorization_code"), ("code", other), ("redirect_uri", WebRedirect + "/other"))));
        using var made_up = await client.SendAsync(CodeExchange("made-up"));
        using var wrongClient = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret, Form(("grant_type", "authorization_code"), ("code", other), ("redirect_uri", WebRedirect))));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertInvalidGrantAsync(replay, "authorization code has already been used");
        Assert.Equal(HttpStatusCode.Unauthorized, afterReplay.StatusCode);
        await AssertInvalidGrantAsync(expired, "authorization code has expired");
        await AssertInvalidGrantAsync(wrongRedirect, "redirect_uri does not match the authorization request");
        await AssertInvalidGrantAsync(made_up, "authorization code is invalid");
        Assert.Equal("unauthorized_client", (string?)(await ReadObjectAsync(wrongClient))["error"]);
    }

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_a_replayed_one_revokes_the_chain()
    {
        await using var sim = await StartUserSimulatorAsync();
        using var client = NoRedirectClient(sim);
        var signedIn = await SignInAsync(client);
        var first = (string)signedIn["refresh_token"]!;

        using var refreshed = await client.SendAsync(RefreshRequest(first));
        var body = await ReadObjectAsync(refreshed);
        var second = (string)body["refresh_token"]!;
        using var me = await Authorized(sim, (string)body["access_token"]!).GetAsync("api/v2/users/me");
        using var replay = await client.SendAsync(RefreshRequest(first));
        using var afterReplay = await client.SendAsync(RefreshRequest(second));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(first, second);
        Assert.NotEqual((string)signedIn["access_token"]!, (string)body["access_token"]!);
        Assert.Equal(sim.DefaultOrganization.Users[0].Id, (string?)(await ReadObjectAsync(me))["id"]);
        Assert.Equal("refresh_token", sim.Inspector.GetToken((string)body["access_token"]!)!.GrantType);
        await AssertInvalidGrantAsync(replay, "refresh token has already been used");
        await AssertInvalidGrantAsync(afterReplay, "refresh token has been revoked");
    }

    [Fact]
    public async Task Control_api_expires_a_user_token_for_refresh_tests_and_revokes_or_expires_refresh_tokens()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartUserSimulatorAsync(o => { o.TimeProvider = clock; o.RefreshTokenLifetime = TimeSpan.FromHours(1); });
        using var client = NoRedirectClient(sim);
        var signedIn = await SignInAsync(client);
        var access = sim.Inspector.GetToken((string)signedIn["access_token"]!)!;

        using var expire = await client.PostAsync($"_simulator/tokens/{access.Id}/expire", null);
        using var expiredCall = await Authorized(sim, (string)signedIn["access_token"]!).GetAsync("api/v2/users/me");
        using var refreshed = await client.SendAsync(RefreshRequest((string)signedIn["refresh_token"]!));
        var next = await ReadObjectAsync(refreshed);
        using var works = await Authorized(sim, (string)next["access_token"]!).GetAsync("api/v2/users/me");
        Assert.True(sim.RevokeToken(sim.Inspector.GetToken((string)next["access_token"]!)!.RefreshTokenId!));
        using var revoked = await client.SendAsync(RefreshRequest((string)next["refresh_token"]!));

        var again = await SignInAsync(client);
        clock.Advance(TimeSpan.FromHours(1));
        using var timedOut = await client.SendAsync(RefreshRequest((string)again["refresh_token"]!));

        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expiredCall.StatusCode);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        await AssertInvalidGrantAsync(revoked, "refresh token has been revoked");
        await AssertInvalidGrantAsync(timedOut, "refresh token has expired");
        Assert.Equal(SimulatorTokenState.Expired, sim.Inspector.Tokens[0].State);
    }

    [Fact]
    public async Task Signed_in_user_can_be_chosen_in_process_and_over_the_control_api()
    {
        await using var sim = await StartUserSimulatorAsync();
        var organization = sim.DefaultOrganization;
        using var client = NoRedirectClient(sim);

        organization.SignedInUserId = organization.Users[5].Email;
        var fifth = await SignInAsync(client);
        using var set = await client.PutAsync("_simulator/organizations/default/signed-in-user", Json($$"""{"user":"{{organization.Users[7].Id}}"}"""));
        var seventh = await SignInAsync(client);
        using var unknown = await client.PutAsync("_simulator/organizations/default/signed-in-user", Json("""{"user":"nobody"}"""));

        Assert.Equal(organization.Users[5].Id, sim.Inspector.GetToken((string)fifth["access_token"]!)!.UserId);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(organization.Users[7].Id, sim.Inspector.GetToken((string)seventh["access_token"]!)!.UserId);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Throws<ArgumentException>(() => organization.SignedInUserId = "nobody");
    }

    [Fact]
    public async Task User_clients_are_validated_at_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(WithClient(SimulatorOAuthClient.Pkce("spa"))));
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(WithClient(new SimulatorOAuthClient("web", SimulatorOAuthGrant.AuthorizationCode) { RedirectUris = { WebRedirect } })));
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(WithClient(SimulatorOAuthClient.ClientCredentials(GenesysCloudSimulatorOptions.DefaultClientId, "x"))));
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(WithClient(SimulatorOAuthClient.Pkce("spa", "not a uri"))));

        static GenesysCloudSimulatorOptions WithClient(SimulatorOAuthClient client)
        {
            var options = new GenesysCloudSimulatorOptions { QueueCount = 1, UserCount = 1, MaxMembersPerQueue = 1 };
            options.OAuthClients.Add(client);
            return options;
        }
    }

    internal static Task<GenesysCloudSimulator> StartUserSimulatorAsync(Action<GenesysCloudSimulatorOptions>? configure = null) => StartAsync(o =>
    {
        var web = SimulatorOAuthClient.AuthorizationCode("web-app", "web-secret", WebRedirect);
        web.Scopes.Add("users");
        web.Scopes.Add("routing");
        o.OAuthClients.Add(web);
        o.OAuthClients.Add(SimulatorOAuthClient.Pkce("spa", SpaRedirect));
        configure?.Invoke(o);
    });

    internal static HttpClient NoRedirectClient(GenesysCloudSimulator sim) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sim.ApiBaseAddress };

    private static HttpClient Authorized(GenesysCloudSimulator sim, string token)
    {
        var client = CreateClient(sim);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(static f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static HttpRequestMessage TokenRequest(string clientId, string secret, FormUrlEncodedContent form)
    {
        var request = SimulatorTestHost.TokenRequest(clientId, secret);
        request.Content = form;
        return request;
    }

    private static HttpRequestMessage CodeExchange(string code) =>
        TokenRequest("web-app", "web-secret", Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", WebRedirect)));

    private static HttpRequestMessage RefreshRequest(string refreshToken) =>
        TokenRequest("web-app", "web-secret", Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken)));

    private static async Task<Dictionary<string, string>> AuthorizeAsync(HttpClient client, string clientId, string redirectUri, string state = "state-1", string? challenge = null, string? loginHint = null)
    {
        var query = new Dictionary<string, string?> { ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["state"] = state };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = "S256";
        }

        if (loginHint is not null)
        {
            query["login_hint"] = loginHint;
        }

        using var response = await client.GetAsync(QueryHelpers.AddQueryString("oauth/authorize", query));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var values = QueryHelpers.ParseQuery(location.Query).ToDictionary(static p => p.Key, static p => p.Value.ToString());
        values["location"] = location.ToString();
        return values;
    }

    private static async Task<JsonObject> SignInAsync(HttpClient client)
    {
        var code = (await AuthorizeAsync(client, "web-app", WebRedirect))["code"];
        using var response = await client.SendAsync(CodeExchange(code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    private static async Task AssertInvalidGrantAsync(HttpResponseMessage response, string description)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Equal(description, (string?)body["description"]);
        Assert.Equal(description, (string?)body["error_description"]);
    }
}
