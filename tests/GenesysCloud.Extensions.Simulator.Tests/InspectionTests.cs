using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class InspectionTests
{
    [Fact]
    public async Task Records_the_raw_target_redacted_headers_body_operation_and_status()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.PostAsync("api/v2/routing/queues?x=a%20b&y=%2F", Json("""{"name":"Inspected"}"""));

        var recorded = sim.Inspector.Requests[^1];
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/api/v2/routing/queues?x=a%20b&y=%2F", recorded.RawTarget);
        Assert.Equal("/api/v2/routing/queues", recorded.Path);
        Assert.Equal("Bearer [redacted]", recorded.Headers["Authorization"]);
        Assert.Equal("""{"name":"Inspected"}""", recorded.Body);
        Assert.Equal("postRoutingQueues", recorded.Operation);
        Assert.Equal(200, recorded.StatusCode);
        Assert.Equal(Header(response, "inin-correlation-id"), recorded.CorrelationId);

        var token = sim.Inspector.Requests[0];
        Assert.Equal("postOAuthToken", token.Operation);
        Assert.Equal("Basic [redacted]", token.Headers["Authorization"]);
        Assert.DoesNotContain(sim.ClientSecret, string.Join(" ", token.Headers.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_operations_tokens_and_429s_and_reset_clears_them()
    {
        await using var sim = await StartAsync(o => o.RateLimit = 2);
        using var client = await CreateAuthorizedClientAsync(sim);
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("api/v2/users");
        }

        Assert.Equal(3, sim.Inspector.GetOperationCount("getUsers"));
        Assert.Equal(1, sim.Inspector.GetOperationCount("postOAuthToken"));
        Assert.Equal(1, sim.Inspector.TooManyRequestsSent);
        Assert.Equal(1, sim.Inspector.TokensIssued);
        Assert.Equal(4, sim.Inspector.TotalRequests);

        sim.Inspector.Reset();

        Assert.Empty(sim.Inspector.Requests);
        Assert.Empty(sim.Inspector.OperationCounts);
        Assert.Equal(0, sim.Inspector.TooManyRequestsSent);
        Assert.Equal(0, sim.Inspector.TotalRequests);
    }

    [Fact]
    public async Task A_request_is_recorded_before_its_answer_reaches_the_client()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync($"api/v2/routing/queues/missing-{i}");
            var correlationId = Header(response, "inin-correlation-id");
            Assert.Contains(sim.Inspector.Requests, r => r.CorrelationId == correlationId && r.StatusCode == 404);
        }
    }

    [Fact]
    public async Task Request_log_is_bounded_but_counters_are_not()
    {
        await using var sim = await StartAsync(o => o.MaxRecordedRequests = 3);
        using var client = await CreateAuthorizedClientAsync(sim);
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync($"api/v2/users?pageNumber={i + 1}");
        }

        Assert.Equal(3, sim.Inspector.Requests.Count);
        Assert.Equal("/api/v2/users?pageNumber=5", sim.Inspector.Requests[^1].RawTarget);
        Assert.Equal(6, sim.Inspector.TotalRequests);
    }

    [Fact]
    public async Task Tracks_the_maximum_number_of_concurrent_requests()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var client = await CreateAuthorizedClientAsync(sim);
        sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.Stall, Delay = TimeSpan.FromSeconds(5), Count = 3 });

        var pending = Enumerable.Range(0, 3).Select(_ => client.GetAsync("api/v2/users")).ToArray();
        await sim.Inspector.WaitUntilAsync(static i => i.DelayedRequests == 3).WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(5));
        var responses = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(responses, static r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, sim.Inspector.MaxConcurrentRequests);
        Assert.Equal(0, sim.Inspector.DelayedRequests);
        await sim.Inspector.WaitUntilAsync(static i => i.ConcurrentRequests == 0).WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Latency_range_delays_requests_on_the_simulator_clock()
    {
        var clock = new FakeTimeProvider();
        await using var sim = await StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.MinLatency = TimeSpan.FromMilliseconds(50);
            o.MaxLatency = TimeSpan.FromMilliseconds(150);
        });
        using var client = CreateClient(sim);

        var pending = client.SendAsync(TokenRequest(sim.ClientId, sim.ClientSecret));
        await sim.Inspector.WaitUntilAsync(static i => i.DelayedRequests == 1).WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(101));

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Control_api_reports_stats_and_requests_and_resets()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        using (await client.GetAsync("api/v2/users"))
        {
        }

        using var stats = await client.GetAsync("_simulator/stats");
        using var requests = await client.GetAsync("_simulator/requests?last=1");
        using var reset = await client.PostAsync("_simulator/reset", null);

        var statsBody = await ReadObjectAsync(stats);
        Assert.Equal(2, (int)statsBody["totalRequests"]!);
        Assert.Equal(1, (int)statsBody["operationCounts"]!["getUsers"]!);
        Assert.Equal(1, (int)statsBody["tokensIssued"]!);
        var recorded = JsonDocument.Parse(await requests.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, recorded.GetArrayLength());
        Assert.Equal("getUsers", recorded[0].GetProperty("operation").GetString());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, sim.Inspector.TotalRequests);
    }
}
