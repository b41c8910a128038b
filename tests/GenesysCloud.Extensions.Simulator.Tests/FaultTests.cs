using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Status_fault_answers_the_next_N_matching_requests_then_stops()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(SimulatorFault.Status(503, "GET", "/api/v2/routing/queues/{queueId}", count: 2, retryAfter: TimeSpan.FromSeconds(7)));

        using var other = await client.GetAsync("api/v2/routing/queues");
        using var first = await client.GetAsync("api/v2/routing/queues/any");
        using var second = await client.GetAsync("api/v2/routing/queues/any");
        using var third = await client.GetAsync("api/v2/routing/queues/any");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("7", Header(first, "Retry-After"));
        var body = await ReadObjectAsync(first);
        Assert.Equal(503, (int)body["status"]!);
        Assert.Equal("service.unavailable", (string?)body["code"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
        Assert.Equal(0, sim.Faults.Count);
    }

    [Fact]
    public async Task Faults_given_in_options_and_on_the_token_endpoint_apply()
    {
        await using var sim = await StartAsync(o => o.Faults.Add(SimulatorFault.Status(500, "POST", "/oauth/token")));
        using var client = CreateClient(sim);

        using var failed = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        using var ok = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("postOAuthToken", sim.Inspector.Requests[0].Operation);
        Assert.Equal("Status", sim.Inspector.Requests[0].Fault);
    }

    [Fact]
    public async Task Reset_connection_fault_fails_the_request_at_the_transport()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.ResetConnection, path: "/api/v2/users*"));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("api/v2/users"));
        using var after = await client.GetAsync("api/v2/users");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await sim.Inspector.WaitUntilAsync(static i => i.TotalRequests == 3).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, sim.Inspector.Requests.Single(static r => r.Fault == "ResetConnection").StatusCode);
    }

    [Fact]
    public async Task Malformed_json_fault_answers_200_json_that_does_not_parse()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.MalformedJson, "GET"));

        using var response = await client.GetAsync("api/v2/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Truncated_json_fault_sends_less_than_its_content_length_and_resets()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.TruncatedJson));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("api/v2/users"));
    }

    [Fact]
    public async Task Wrong_content_type_and_huge_body_faults_answer_as_declared()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.WrongContentType));
        sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.HugeBody, HugeBodyBytes = 1_000_000 });

        using var html = await client.GetAsync("api/v2/users");
        using var huge = await client.GetAsync("api/v2/users");

        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var bytes = await huge.Content.ReadAsByteArrayAsync();
        Assert.Equal(1_000_000, bytes.Length);
        using var document = JsonDocument.Parse(bytes);
        Assert.True(document.RootElement.GetProperty("entities").GetArrayLength() > 1);
    }

    [Fact]
    public async Task Stall_fault_holds_the_request_until_the_simulator_clock_passes_the_delay()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.Stall, Delay = TimeSpan.FromSeconds(30) });

        var pending = client.GetAsync("api/v2/users");
        await sim.Inspector.WaitUntilAsync(static i => i.DelayedRequests == 1).WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Client_giving_up_during_a_stall_is_recorded_without_failing_the_simulator()
    {
        await using var sim = await StartAsync(o => o.TimeProvider = new FakeTimeProvider());
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.Stall, Delay = TimeSpan.FromHours(1) });
        using var giveUp = new CancellationTokenSource();

        var pending = client.GetAsync("api/v2/users", giveUp.Token);
        await sim.Inspector.WaitUntilAsync(static i => i.DelayedRequests == 1).WaitAsync(TimeSpan.FromSeconds(10));
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await sim.Inspector.WaitUntilAsync(static i => i.TotalRequests == 2).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Stall", sim.Inspector.Requests[^1].Fault);
        using var after = await client.GetAsync("api/v2/users");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Stopping_the_simulator_resets_stalled_requests_instead_of_answering_them()
    {
        var sim = await StartAsync(o => o.TimeProvider = new FakeTimeProvider());
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.Stall, Delay = TimeSpan.FromHours(1) });

        var pending = client.GetAsync("api/v2/users");
        await sim.Inspector.WaitUntilAsync(static i => i.DelayedRequests == 1).WaitAsync(TimeSpan.FromSeconds(10));
        await sim.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        Assert.Equal(0, sim.Inspector.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task Probabilistic_faults_are_reproducible_with_the_same_seed()
    {
        var first = await OutcomesAsync(seed: 3);
        var second = await OutcomesAsync(seed: 3);

        Assert.Equal(first, second);
        Assert.Contains(first, static s => s == 200);
        Assert.Contains(first, static s => s >= 500);
        Assert.All(first, static s => Assert.Contains(s, new[] { 200, 500, 502, 503, 504 }));
    }

    [Fact]
    public async Task Rate_limit_storm_answers_429_until_it_ends()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.AddRateLimitStorm(TimeSpan.FromSeconds(10));

        using var first = await client.GetAsync("api/v2/users");
        clock.Advance(TimeSpan.FromSeconds(4));
        using var second = await client.GetAsync("api/v2/routing/queues");
        clock.Advance(TimeSpan.FromSeconds(6));
        using var after = await client.GetAsync("api/v2/users");

        Assert.Equal((HttpStatusCode)429, first.StatusCode);
        Assert.Equal("10", Header(first, "Retry-After"));
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.Equal("6", Header(second, "Retry-After"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, sim.Inspector.TooManyRequestsSent);
    }

    [Fact]
    public async Task Control_api_fault_aimed_at_one_organization_leaves_requests_of_others_and_of_no_organization_alone()
    {
        await using var sim = await StartAsync(o => o.Organizations.Add(new SimulatorOrganizationOptions("fabrikam")));
        var fabrikam = sim.GetOrganization("fabrikam");
        using var client = CreateClient(sim);

        using var added = await client.PostAsync("_simulator/faults", Json("""{"status":503,"organization":"fabrikam","count":null}"""));
        using var listed = await client.GetAsync("_simulator/faults");
        using var fabrikamToken = await client.SendAsync(TokenRequest(fabrikam.ClientId, fabrikam.ClientSecret));
        using var defaultToken = await client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        using var anonymous = await client.GetAsync("api/v2/users");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Contains("\"organization\":\"fabrikam\"", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fabrikamToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, defaultToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Status", fabrikam.Inspector.Requests.Single().Fault);
    }

    [Fact]
    public async Task Control_api_adds_lists_and_clears_faults()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var added = await client.PostAsync("_simulator/faults", Json("""{"method":"GET","path":"^/api/v2/users$","status":502,"count":1}"""));
        using var storm = await client.PostAsync("_simulator/faults", Json("""{"status":429,"durationSeconds":60,"path":"/api/v2/routing/*"}"""));
        using var bad = await client.PostAsync("_simulator/faults", Json("""{"kind":"explode"}"""));
        using var listed = await client.GetAsync("_simulator/faults");
        using var faulted = await client.GetAsync("api/v2/users");
        using var stormed = await client.GetAsync("api/v2/routing/queues");
        using var cleared = await client.DeleteAsync("_simulator/faults");
        using var after = await client.GetAsync("api/v2/routing/queues");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);
        Assert.Equal((HttpStatusCode)429, stormed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(0, sim.Faults.Count);
    }

    [Fact]
    public void Invalid_faults_are_refused()
    {
        var faults = new SimulatorFaults(TimeProvider.System, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new SimulatorFault { Probability = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new SimulatorFault { Count = 0 }));
    }

    private static async Task<List<int>> OutcomesAsync(int seed)
    {
        await using var sim = await StartAsync(o =>
        {
            o.Seed = seed;
            o.RateLimit = null;
        });
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(SimulatorFault.Random(0.3));
        var outcomes = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("api/v2/tokens/me");
            outcomes.Add((int)response.StatusCode);
        }

        return outcomes;
    }
}
