using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class OAuthTests
{
    [Fact]
    public async Task Token_request_with_the_configured_credentials_returns_a_bearer_token()
    {
        await using var sim = await StartAsync(o => o.TokenLifetime = TimeSpan.FromSeconds(3600));
        using var client = CreateClient(sim);

        using var response = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.True(Guid.TryParse(Header(response, "inin-correlation-id"), out _));
        Assert.Equal(1, sim.Inspector.TokensIssued);
    }

    [Fact]
    public async Task Unknown_client_id_answers_400_client_not_found()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        using var response = await client.SendAsync(TokenRequest("not-a-client", sim.ClientSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal("invalid_client", (string?)body["error"]);
        Assert.Equal("client not found", (string?)body["description"]);
        Assert.Equal("client not found", (string?)body["error_description"]);
        Assert.Equal(0, sim.Inspector.TokensIssued);
    }

    [Fact]
    public async Task Wrong_secret_answers_400_authentication_failed()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        using var response = await client.SendAsync(TokenRequest(sim.ClientId, "wrong"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal("invalid_client", (string?)body["error"]);
        Assert.Equal("authentication failed", (string?)body["description"]);
    }

    [Fact]
    public async Task Missing_basic_header_and_wrong_grant_are_rejected()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        using var noAuth = await client.PostAsync("oauth/token", new StringContent("grant_type=client_credentials", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var wrongGrant = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret, "grant_type=password"));
        using var noGrant = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret, "scope=x"));

        Assert.Equal(HttpStatusCode.BadRequest, noAuth.StatusCode);
        Assert.Equal("invalid_request", (string?)(await ReadObjectAsync(noAuth))["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongGrant.StatusCode);
        Assert.Equal("unsupported_grant_type", (string?)(await ReadObjectAsync(wrongGrant))["error"]);
        Assert.Equal("invalid_request", (string?)(await ReadObjectAsync(noGrant))["error"]);
    }

    [Fact]
    public async Task Api_request_without_a_token_answers_401_bad_credentials_with_the_Genesys_body()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        using var response = await client.GetAsync("api/v2/routing/queues");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal("bad.credentials", (string?)body["code"]);
        Assert.Equal("Invalid login credentials.", (string?)body["message"]);
        Assert.Equal(401, (int)body["status"]!);
        Assert.Equal(Header(response, "inin-correlation-id"), (string?)body["contextId"]);
        Assert.NotNull(body["details"]);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task Unknown_token_answers_401()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");

        using var response = await client.GetAsync("api/v2/tokens/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_expires_after_its_lifetime_on_the_simulator_clock()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.TokenLifetime = TimeSpan.FromSeconds(60);
        });
        using var client = await CreateAuthorizedClientAsync(sim);

        using var fresh = await client.GetAsync("api/v2/tokens/me");
        clock.Advance(TimeSpan.FromSeconds(59));
        using var almost = await client.GetAsync("api/v2/tokens/me");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await client.GetAsync("api/v2/tokens/me");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, almost.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("bad.credentials", (string?)(await ReadObjectAsync(expired))["code"]);
    }

    [Fact]
    public async Task Deleted_token_answers_200_then_401()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var deleted = await client.DeleteAsync("api/v2/tokens/me");
        using var after = await client.GetAsync("api/v2/users");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(1, sim.Inspector.TokensDeleted);
    }

    [Fact]
    public async Task Tokens_me_describes_the_client_and_organization()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/tokens/me");

        var body = await ReadObjectAsync(response);
        Assert.Equal(sim.ClientId, (string?)body["OAuthClient"]!["id"]);
        Assert.Equal((string?)body["organization"]!["id"], (string?)body["homeOrganization"]!["id"]);
        Assert.True(Guid.TryParse((string?)body["organization"]!["id"], out _));
        Assert.NotEmpty(body["authorizedScope"]!.AsArray());
        Assert.True(DateTimeOffset.TryParse((string?)body["dateTokenIdles"], out _));
    }

    [Fact]
    public async Task Options_are_validated_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateWindow = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentException>(() => GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { ClientId = string.Empty }));
    }
}
