using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Every_api_response_carries_the_rate_limit_and_correlation_headers()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = 10;
            o.RateWindow = TimeSpan.FromSeconds(60);
        });
        using var client = await CreateAuthorizedClientAsync(sim);

        using var first = await client.GetAsync("api/v2/routing/queues");
        clock.Advance(TimeSpan.FromSeconds(20.5));
        using var second = await client.GetAsync("api/v2/routing/queues/not-a-queue");

        Assert.Equal("10", Header(first, "inin-ratelimit-allowed"));
        Assert.Equal("1", Header(first, "inin-ratelimit-count"));
        Assert.Equal("60", Header(first, "inin-ratelimit-reset"));
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("2", Header(second, "inin-ratelimit-count"));
        Assert.Equal("40", Header(second, "inin-ratelimit-reset"));
        Assert.NotEqual(Header(first, "inin-correlation-id"), Header(second, "inin-correlation-id"));
        Assert.Equal(2, sim.Inspector.GetWindowUsage((client.DefaultRequestHeaders.Authorization!.Parameter)!)!.Count);
    }

    [Fact]
    public async Task Past_the_budget_answers_429_with_Retry_After_and_the_Genesys_body_until_the_window_resets()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RateLimit = 3;
            o.RateWindow = TimeSpan.FromSeconds(60);
        });
        using var client = await CreateAuthorizedClientAsync(sim);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("api/v2/users");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(15));
        using var limited = await client.GetAsync("api/v2/users");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("45", Header(limited, "Retry-After"));
        Assert.Equal("4", Header(limited, "inin-ratelimit-count"));
        var body = await ReadObjectAsync(limited);
        Assert.Equal("too.many.requests", (string?)body["code"]);
        Assert.Equal(429, (int)body["status"]!);
        Assert.Equal("Rate limit exceeded the maximum. [3] requests for [60] seconds", (string?)body["message"]);
        Assert.Equal(1, sim.Inspector.TooManyRequestsSent);

        clock.Advance(TimeSpan.FromSeconds(45));
        using var again = await client.GetAsync("api/v2/users");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("1", Header(again, "inin-ratelimit-count"));
    }

    [Fact]
    public async Task Concurrent_requests_are_counted_exactly_once_each()
    {
        await using var sim = await StartAsync(o => o.RateLimit = 30);
        using var client = await CreateAuthorizedClientAsync(sim);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("api/v2/tokens/me")));

        Assert.Equal(30, responses.Count(static r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(20, responses.Count(static r => r.StatusCode == (HttpStatusCode)429));
        Assert.Equal(Enumerable.Range(1, 50), responses.Select(static r => int.Parse(Header(r, "inin-ratelimit-count"), CultureInfo.InvariantCulture)).Order());
        Assert.Equal(20, sim.Inspector.TooManyRequestsSent);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Each_token_has_its_own_budget()
    {
        await using var sim = await StartAsync(o => o.RateLimit = 1);
        using var first = await CreateAuthorizedClientAsync(sim);
        using var second = await CreateAuthorizedClientAsync(sim);

        using var a1 = await first.GetAsync("api/v2/users");
        using var a2 = await first.GetAsync("api/v2/users");
        using var b1 = await second.GetAsync("api/v2/users");

        Assert.Equal(HttpStatusCode.OK, a1.StatusCode);
        Assert.Equal((HttpStatusCode)429, a2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b1.StatusCode);
    }

    [Fact]
    public async Task Unlimited_budget_never_answers_429()
    {
        await using var sim = await StartAsync(o => o.RateLimit = null);
        using var client = await CreateAuthorizedClientAsync(sim);

        for (var i = 0; i < 400; i++)
        {
            using var response = await client.GetAsync("api/v2/tokens/me");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, sim.Inspector.TooManyRequestsSent);
    }

    [Fact]
    public async Task Token_endpoint_throttles_with_the_Genesys_400_by_default()
    {
        await using var sim = await StartAsync(o => o.TokenRateLimit = 2);
        using var client = CreateClient(sim);

        using var first = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        using var second = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        using var third = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        var body = await ReadObjectAsync(third);
        Assert.Equal("invalid_request", (string?)body["error"]);
        Assert.Equal("rate limit exceeded", (string?)body["description"]);
        Assert.True(Guid.TryParse(Header(third, "inin-correlation-id"), out _));
        await Assert.ThrowsAsync<HttpRequestException>(() => GetTokenAsync(client, sim));
    }

    [Fact]
    public async Task Token_endpoint_can_throttle_with_429_and_Retry_After_and_has_its_own_budget()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.TokenRateLimit = 1;
            o.TokenRateWindow = TimeSpan.FromSeconds(30);
            o.TokenThrottleResponse = TokenThrottleResponse.TooManyRequests;
            o.RateLimit = 1;
        });
        using var client = await CreateAuthorizedClientAsync(sim);

        using var throttled = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        using var api = await client.GetAsync("api/v2/users");

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("30", Header(throttled, "Retry-After"));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        clock.Advance(TimeSpan.FromSeconds(30));
        using var again = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
