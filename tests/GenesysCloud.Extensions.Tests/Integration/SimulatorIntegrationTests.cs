using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Integration;

public sealed class SimulatorIntegrationTests
{
    private static GenesysCloudRequest GetQueue(string id) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues/{queueId}") { Category = "Routing", Operation = "getRoutingQueue" }
            .WithPathParameter("queueId", id);

    private static GenesysCloudRequest ListQueues(int pageNumber = 1, int pageSize = 25) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues")
            .WithQueryParameter("pageNumber", pageNumber)
            .WithQueryParameter("pageSize", pageSize);

    [Fact]
    public async Task Connects_calls_and_closes_against_the_simulator_deleting_the_token()
    {
        var harness = await SimulatorHarness.StartAsync();
        await using (harness)
        {
            Assert.Equal(GenesysCloudClientState.Idle, harness.Client.State);
            var page = await harness.Client.SendAsync(ListQueues(pageSize: 100));
            var body = page.ReadAs<JsonElement>();
            Assert.Equal(40, body.GetProperty("total").GetInt32());
            Assert.NotNull(page.CorrelationId);
            Assert.Equal("300", page.GetHeader("inin-ratelimit-allowed"));

            var queueId = body.GetProperty("entities")[0].GetProperty("id").GetString()!;
            var queue = (await harness.Client.SendAsync(GetQueue(queueId))).ReadAs<JsonElement>();
            Assert.Equal(queueId, queue.GetProperty("id").GetString());

            var missing = await Assert.ThrowsAsync<GenesysCloudApiException>(() => harness.Client.SendAsync(GetQueue("no-such-queue")));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("not.found", missing.Error?.Code);
            Assert.NotNull(missing.CorrelationId);

            await harness.Host.StopAsync();
            Assert.Equal(GenesysCloudClientState.Closed, harness.Client.State);
            Assert.Equal(1, harness.Simulator.Inspector.TokensIssued);
            Assert.Equal(1, harness.Simulator.Inspector.TokensDeleted);
        }
    }

    [Fact]
    public async Task Wrong_credentials_fail_start_up_with_the_typed_error()
    {
        var ex = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() =>
            SimulatorHarness.StartAsync(client: o => o.ClientSecret = "wrong"));
        Assert.Equal(GenesysCloudErrorCodes.AuthenticationFailure, ex.ErrorCode);

        var notFound = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() =>
            SimulatorHarness.StartAsync(client: o => o.ClientId = "00000000-0000-0000-0000-000000000001"));
        Assert.Equal(GenesysCloudErrorCodes.ClientIdNotFound, notFound.ErrorCode);
    }

    [Fact]
    public async Task Adaptive_pacing_uses_the_simulator_budget_and_never_gets_a_429()
    {
        await using var harness = await SimulatorHarness.StartAsync(
            simulator: s =>
            {
                s.RateLimit = 20;
                s.RateWindow = TimeSpan.FromSeconds(10);
            },
            fakeTime: true);
        var time = harness.Time!;

        var calls = Task.WhenAll(Enumerable.Range(0, 70).Select(i => harness.Client.SendAsync(ListQueues(1 + (i % 2), 1))));
        var client = harness.Host.Services.GetRequiredService<GenesysCloud.Extensions.Hosting.GenesysCloudClient>();
        await TimeDriver.RunAsync(time, client, calls, TimeSpan.FromMilliseconds(250));

        await calls;
        Assert.Equal(0, harness.Simulator.Inspector.TooManyRequestsSent);
        var elapsed = time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(elapsed.TotalSeconds is >= 29 and <= 42, $"elapsed {elapsed}"); // 70 calls at 20 per 10 s: four windows, give or take a clock step or two.
    }

    [Fact]
    public async Task A_scripted_429_suspends_and_the_call_is_sent_again_first()
    {
        await using var harness = await SimulatorHarness.StartAsync(
            client: o => o.RateLimiting.MaxConcurrentRequests = 1,
            fakeTime: true);
        await harness.Client.SendAsync(ListQueues());
        harness.Simulator.Faults.Add(SimulatorFault.Status(429, "GET", "/api/v2/routing/queues/{queueId}", count: 1, retryAfter: TimeSpan.FromSeconds(20)));

        var first = harness.Client.SendAsync(GetQueue("first"));
        await harness.Simulator.Inspector.WaitUntilAsync(i => i.TooManyRequestsSent == 1);
        var second = harness.Client.SendAsync(GetQueue("second"));
        Eventually.Describe = () => $"backlog={harness.Client.BacklogCount} inflight={harness.Client.InFlightCount} first={first.Status} second={second.Status} reqs={string.Join(",", harness.Simulator.Inspector.Requests.Select(r => r.RawTarget + ":" + r.StatusCode))}";
        await Eventually.TrueAsync(() => harness.Client.BacklogCount == 2, $"both calls wait in the backlog", seconds: 5);
        harness.Time!.Advance(TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<GenesysCloudApiException>(() => first); // the seeded org has no queue "first"
        await Assert.ThrowsAsync<GenesysCloudApiException>(() => second);
        var targets = harness.Simulator.Inspector.Requests.Select(r => r.RawTarget).Where(t => t.Contains("/routing/queues/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["/api/v2/routing/queues/first", "/api/v2/routing/queues/first", "/api/v2/routing/queues/second"], targets);
    }

    [Fact]
    public async Task A_503_is_retried_and_a_post_500_is_not()
    {
        await using var harness = await SimulatorHarness.StartAsync(client: o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        });
        var response = await harness.Client.SendAsync(ListQueues());
        var queueId = response.ReadAs<JsonElement>().GetProperty("entities")[0].GetProperty("id").GetString()!;
        harness.Simulator.Faults.Add(SimulatorFault.Status(503, "GET", "/api/v2/routing/queues/{queueId}", count: 2));
        harness.Simulator.Faults.Add(SimulatorFault.Status(500, "POST", "/api/v2/routing/queues", count: 1));

        var queue = await harness.Client.SendAsync(GetQueue(queueId));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(3, harness.Simulator.Inspector.GetOperationCount("getRoutingQueue"));

        var create = new GenesysCloudRequest(HttpMethod.Post, "/api/v2/routing/queues").WithJsonBody(new { name = "New queue" });
        var ex = await Assert.ThrowsAsync<GenesysCloudApiException>(() => harness.Client.SendAsync(create));
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(1, ex.Attempts);
        Assert.Single(harness.Simulator.Inspector.Requests, r => r.Method == "POST" && r.Path == "/api/v2/routing/queues");
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_simulator_sees_the_new_one()
    {
        await using var harness = await SimulatorHarness.StartAsync(
            simulator: s => s.TokenLifetime = TimeSpan.FromMinutes(10),
            client: o => o.TokenRefreshBeforeExpiry = TimeSpan.Zero,
            fakeTime: true);
        await harness.Client.SendAsync(ListQueues());

        harness.Time!.Advance(TimeSpan.FromMinutes(11));
        await harness.Client.SendAsync(ListQueues());

        Assert.Equal(2, harness.Simulator.Inspector.TokensIssued);
        Assert.DoesNotContain(harness.Simulator.Inspector.Requests, r => r.StatusCode == 401);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a?b=c")]
    [InlineData("a#b")]
    [InlineData("100%")]
    [InlineData("line\r\nbreak")]
    [InlineData("ünï☃")]
    [InlineData("../../users")]
    public async Task Path_parameters_never_change_the_shape_of_the_path(string value)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        await Assert.ThrowsAsync<GenesysCloudApiException>(() => harness.Client.SendAsync(GetQueue(value)));

        var request = Assert.Single(harness.Simulator.Inspector.Requests, r => r.Path.StartsWith("/api/v2/routing/queues/", StringComparison.Ordinal));
        Assert.Equal(5, request.RawTarget.Split('?')[0].Split('/').Length - 1);
        Assert.DoesNotContain('?', request.RawTarget);
        Assert.Equal("getRoutingQueue", request.Operation);
    }

    [Fact]
    public async Task Our_span_parents_the_http_client_span_over_real_sockets()
    {
        using var collector = new ActivityCollector();
        var activities = collector.Stopped;
        await using var harness = await SimulatorHarness.StartAsync();

        var request = ListQueues();
        request.Operation = "integrationSpanProbe";
        await harness.Client.SendAsync(request);

        var span = Assert.Single(activities, a => (string?)a.GetTagItem(GenesysCloudTelemetryNames.OperationAttribute) == "integrationSpanProbe");
        var child = Assert.Single(activities, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == span.SpanId);
        Assert.Equal(span.TraceId, child.TraceId);
        Assert.Equal(ActivityKind.Client, child.Kind);
    }
}
