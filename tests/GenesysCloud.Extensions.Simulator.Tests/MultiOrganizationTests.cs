using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class MultiOrganizationTests
{
    [Fact]
    public async Task Organizations_on_one_host_have_their_own_credentials_data_tokens_and_budgets()
    {
        await using var sim = await StartAsync(o =>
        {
            o.RateLimit = 2;
            o.Organizations.Add(new SimulatorOrganizationOptions("fabrikam") { RateLimit = 5, QueueCount = 3, UserCount = 10, MaxMembersPerQueue = 5 });
        });
        var fabrikam = sim.GetOrganization("FABRIKAM");
        Assert.Equal(sim.ApiBaseAddress, fabrikam.ApiBaseAddress);
        Assert.NotEqual(sim.ClientId, fabrikam.ClientId);

        using var defaultClient = await CreateAuthorizedClientAsync(sim);
        using var fabrikamClient = await CreateAuthorizedClientAsync(fabrikam);
        using var defaultQueues = await defaultClient.GetAsync("api/v2/routing/queues");
        using var fabrikamQueues = await fabrikamClient.GetAsync("api/v2/routing/queues");
        using var defaultMe = await defaultClient.GetAsync("api/v2/tokens/me");
        using var fabrikamMe = await fabrikamClient.GetAsync("api/v2/tokens/me");
        using var defaultLimited = await defaultClient.GetAsync("api/v2/users");

        Assert.Equal(5, (int)(await ReadObjectAsync(defaultQueues))["total"]!);
        Assert.Equal(3, (int)(await ReadObjectAsync(fabrikamQueues))["total"]!);
        Assert.Equal("2", Header(defaultQueues, "inin-ratelimit-allowed"));
        Assert.Equal("5", Header(fabrikamQueues, "inin-ratelimit-allowed"));
        Assert.Equal(sim.DefaultOrganization.Id, (string?)(await ReadObjectAsync(defaultMe))["organization"]!["id"]);
        Assert.Equal(fabrikam.Id, (string?)(await ReadObjectAsync(fabrikamMe))["organization"]!["id"]);
        Assert.NotEqual(sim.DefaultOrganization.Id, fabrikam.Id);
        Assert.Equal((HttpStatusCode)429, defaultLimited.StatusCode);

        // Each organization's inspector sees its own token, requests and 429s; the simulator's sees both.
        var defaultToken = Assert.Single(sim.DefaultOrganization.Inspector.Tokens);
        var fabrikamToken = Assert.Single(fabrikam.Inspector.Tokens);
        Assert.NotEqual(defaultToken.Id, fabrikamToken.Id);
        Assert.Equal((3, 1), (defaultToken.Requests, defaultToken.TooManyRequests));
        Assert.Equal((2, 0), (fabrikamToken.Requests, fabrikamToken.TooManyRequests));
        Assert.Equal("fabrikam", fabrikamToken.Organization);
        Assert.Equal(fabrikam.ClientId, fabrikamToken.ClientId);
        Assert.Equal("client_credentials", fabrikamToken.GrantType);
        Assert.Equal(1, fabrikam.Inspector.TokensIssued);
        Assert.Equal(3, fabrikam.Inspector.TotalRequests);
        Assert.Equal(1, sim.DefaultOrganization.Inspector.TooManyRequestsSent);
        Assert.Equal(0, fabrikam.Inspector.TooManyRequestsSent);
        Assert.Equal(2, sim.Inspector.Tokens.Count);
        Assert.Equal(2, sim.Inspector.TokensIssued);
        Assert.All(fabrikam.Inspector.Requests, r => Assert.Equal("fabrikam", r.Organization));
        Assert.Equal(fabrikamToken.Id, fabrikam.Inspector.Requests[^1].TokenId);
        Assert.Equal(fabrikamToken, sim.Inspector.GetToken(fabrikamClient.DefaultRequestHeaders.Authorization!.Parameter!));
    }

    [Fact]
    public async Task Organization_on_its_own_host_is_a_separate_region_whose_tokens_other_hosts_reject()
    {
        await using var sim = await StartAsync(o => o.Organizations.Add(new SimulatorOrganizationOptions("eu") { Port = 0 }));
        var eu = sim.GetOrganization("eu");
        Assert.NotEqual(sim.ApiBaseAddress, eu.ApiBaseAddress);
        Assert.Equal(eu.ApiBaseAddress, eu.LoginBaseAddress);
        Assert.Equal("127.0.0.1", eu.ApiBaseAddress.Host);

        using var euClient = await CreateAuthorizedClientAsync(eu);
        using var defaultClient = await CreateAuthorizedClientAsync(sim);
        using var euAtHome = await euClient.GetAsync("api/v2/users");
        using var euAbroad = await Send(sim.ApiBaseAddress, euClient.DefaultRequestHeaders.Authorization!, "api/v2/users");
        using var defaultAbroad = await Send(eu.ApiBaseAddress, defaultClient.DefaultRequestHeaders.Authorization!, "api/v2/users");
        using var plain = CreateClient(sim);
        using var euClientAtDefaultLogin = await plain.SendAsync(TokenRequest(eu.ClientId, eu.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, euAtHome.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, euAbroad.StatusCode);
        Assert.Equal("bad.credentials", (string?)(await ReadObjectAsync(euAbroad))["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, defaultAbroad.StatusCode);
        Assert.Equal("client not found", (string?)(await ReadObjectAsync(euClientAtDefaultLogin))["description"]);
        // A host's requests belong to its organization: eu's host saw its token request, its call and the default token's 401.
        Assert.Equal(3, eu.Inspector.TotalRequests);
        var abroad = sim.Inspector.Requests.Single(r => r.CorrelationId == Header(euAbroad, "inin-correlation-id"));
        Assert.Equal("default", abroad.Organization);
        Assert.Null(abroad.TokenId); // the default host does not know eu's token
        Assert.Equal(1, Assert.Single(eu.Inspector.Tokens).Requests);
    }

    [Fact]
    public async Task Rate_limit_storm_on_one_organization_leaves_the_other_alone()
    {
        await using var sim = await StartAsync(o => o.Organizations.Add(new SimulatorOrganizationOptions("fabrikam")));
        var fabrikam = sim.GetOrganization("fabrikam");
        using var defaultClient = await CreateAuthorizedClientAsync(sim);
        using var fabrikamClient = await CreateAuthorizedClientAsync(fabrikam);

        fabrikam.AddRateLimitStorm(TimeSpan.FromMinutes(1));
        using var stormed = await fabrikamClient.GetAsync("api/v2/users");
        using var calm = await defaultClient.GetAsync("api/v2/users");

        Assert.Equal((HttpStatusCode)429, stormed.StatusCode);
        Assert.True(stormed.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
        Assert.Equal(1, Assert.Single(fabrikam.Inspector.Tokens).TooManyRequests);
        Assert.Equal(0, Assert.Single(sim.DefaultOrganization.Inspector.Tokens).TooManyRequests);
    }

    [Fact]
    public async Task Each_organization_throttles_its_own_token_requests()
    {
        await using var sim = await StartAsync(o =>
        {
            o.TokenRateLimit = 1;
            o.Organizations.Add(new SimulatorOrganizationOptions("fabrikam") { TokenRateLimit = 3, TokenThrottleResponse = TokenThrottleResponse.TooManyRequests });
        });
        var fabrikam = sim.GetOrganization("fabrikam");
        using var client = CreateClient(sim);

        using var first = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        using var throttled = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        var fabrikamStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(TokenRequest(fabrikam.ClientId, fabrikam.ClientSecret));
            fabrikamStatuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, throttled.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], fabrikamStatuses);
        Assert.Equal(3, fabrikam.Inspector.TokensIssued);
        Assert.Equal(4, fabrikam.Inspector.GetOperationCount("postOAuthToken"));
    }

    [Fact]
    public async Task Tokens_can_be_expired_and_revoked_in_process_and_over_the_control_api()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var expiring = await CreateAuthorizedClientAsync(sim);
        using var revoked = await CreateAuthorizedClientAsync(sim);
        using var overHttp = await CreateAuthorizedClientAsync(sim);
        var ids = sim.Inspector.Tokens.Select(static t => t.Id).ToArray();

        Assert.True(sim.ExpireToken(ids[0]));
        Assert.True(sim.RevokeToken(ids[1]));
        using var revokeOverHttp = await overHttp.PostAsync($"_simulator/tokens/{ids[2]}/revoke", null);
        using var unknown = await overHttp.PostAsync("_simulator/tokens/0000000000000000/expire", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await expiring.GetAsync("api/v2/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("api/v2/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revokeOverHttp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await overHttp.GetAsync("api/v2/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(sim.RevokeToken(ids[1]));
        var states = sim.Inspector.Tokens.Select(static t => t.State).ToArray();
        Assert.Equal([SimulatorTokenState.Expired, SimulatorTokenState.Revoked, SimulatorTokenState.Revoked], states);
        Assert.Equal(clock.GetUtcNow(), sim.Inspector.Tokens[0].ExpiresAt);
    }

    [Fact]
    public async Task Control_api_lists_organizations_and_tokens_without_their_values_and_reports_stats_per_organization()
    {
        await using var sim = await StartAsync(o => o.Organizations.Add(new SimulatorOrganizationOptions("eu") { Port = 0 }));
        var eu = sim.GetOrganization("eu");
        using var euClient = await CreateAuthorizedClientAsync(eu);
        var token = euClient.DefaultRequestHeaders.Authorization!.Parameter!;

        using var organizations = await euClient.GetAsync("_simulator/organizations");
        using var tokens = await euClient.GetAsync("_simulator/tokens");
        using var stats = await euClient.GetAsync("_simulator/stats");

        var list = JsonNode.Parse(await organizations.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["default", "eu"], list.Select(static o => (string?)o!["name"]));
        Assert.Equal(eu.ApiBaseAddress.ToString(), (string?)list[1]!["apiBaseAddress"]);
        var tokensText = await tokens.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, tokensText, StringComparison.Ordinal);
        Assert.Equal(eu.Inspector.Tokens[0].Id, (string?)JsonNode.Parse(tokensText)![0]!["id"]);
        var statsBody = await ReadObjectAsync(stats);
        Assert.Equal(1, (int)statsBody["organizations"]!["eu"]!["tokensIssued"]!);
        Assert.Equal(0, (int)statsBody["organizations"]!["default"]!["tokensIssued"]!);
    }

    [Fact]
    public async Task Bad_organization_options_are_refused_at_start_and_unknown_names_are_named()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(Options(new SimulatorOrganizationOptions("Default"))));
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(Options(new SimulatorOrganizationOptions("a") { ClientId = GenesysCloudSimulatorOptions.DefaultClientId })));
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(Options(new SimulatorOrganizationOptions("a") { Port = 45811 }, new SimulatorOrganizationOptions("b") { Port = 45811 })));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GenesysCloudSimulator.StartAsync(Options(new SimulatorOrganizationOptions("a") { RateWindow = TimeSpan.Zero })));
        Assert.Throws<ArgumentException>(() => new SimulatorOrganizationOptions(" "));

        await using var sim = await StartAsync();
        var error = Assert.Throws<KeyNotFoundException>(() => sim.GetOrganization("contoso"));
        Assert.Contains("'default'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Additional_organizations_get_distinct_derived_credentials_and_seeds()
    {
        var a = new SimulatorOrganizationOptions("a");
        var b = new SimulatorOrganizationOptions("b");

        Assert.True(Guid.TryParse(a.ClientId, out _));
        Assert.NotEqual(a.ClientId, b.ClientId);
        Assert.NotEqual(a.Seed, b.Seed);
        Assert.Equal(a.ClientId, new SimulatorOrganizationOptions("a").ClientId);
        Assert.Equal("simulator-secret-a", a.ClientSecret);
    }

    private static GenesysCloudSimulatorOptions Options(params SimulatorOrganizationOptions[] organizations)
    {
        var options = new GenesysCloudSimulatorOptions { QueueCount = 1, UserCount = 1, MaxMembersPerQueue = 1 };
        foreach (var organization in organizations)
        {
            options.Organizations.Add(organization);
        }

        return options;
    }


    private static async Task<HttpResponseMessage> Send(Uri baseAddress, AuthenticationHeaderValue authorization, string path)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = authorization;
        return await client.GetAsync(path);
    }
}
