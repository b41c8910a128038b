using System.Net;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace GenesysCloud.Extensions.Tests.Telemetry;

public sealed class MetricsTests
{
    private static GenesysCloudRequest Get(int i) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}") { Category = "Users", Operation = "getUser" }.WithPathParameter("userId", $"secret-user-{i}");

    private static MetricCollector<T> Collect<T>(ClientHarness harness, string name)
        where T : struct =>
        new(harness.Host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GenesysCloudTelemetryNames.SourceName, name);

    [Fact]
    public async Task Three_queued_calls_show_a_backlog_of_three_and_calls_in_flight()
    {
        await using var harness = await ClientHarness.Create(o => o.RateLimiting.MaxConcurrentRequests = 1).StartAsync();
        using var backlog = Collect<int>(harness, GenesysCloudTelemetryNames.BacklogSize);
        using var inFlight = Collect<int>(harness, GenesysCloudTelemetryNames.CallsInFlight);
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 4).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Eventually.TrueAsync(() => harness.Client.BacklogCount == 3, "three calls wait");

        Assert.Equal(3, backlog.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, inFlight.GetMeasurementSnapshot().Sum(m => m.Value));
        harness.Server.ApiGate.SetResult();
        await Task.WhenAll(calls);
        Assert.Equal(0, backlog.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(0, inFlight.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Call_duration_carries_method_status_template_category_and_operation_but_no_parameter_values()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var duration = Collect<double>(harness, GenesysCloudTelemetryNames.CallDuration);
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.NotFound, "not.found", "missing"));

        await Assert.ThrowsAsync<GenesysCloud.Extensions.Errors.GenesysCloudApiException>(() => harness.Client.SendAsync(Get(1)));
        await harness.Client.SendAsync(Get(2));

        var measurements = duration.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        var failed = measurements[0];
        Assert.Equal("GET", failed.Tags["http.request.method"]);
        Assert.Equal("/api/v2/users/{userId}", failed.Tags["url.template"]);
        Assert.Equal(404, failed.Tags["http.response.status_code"]);
        Assert.Equal("404", failed.Tags["error.type"]);
        Assert.Equal("Users", failed.Tags[GenesysCloudTelemetryNames.CategoryAttribute]);
        Assert.Equal("getUser", failed.Tags[GenesysCloudTelemetryNames.OperationAttribute]);
        Assert.False(measurements[1].Tags.ContainsKey("error.type"));
        Assert.DoesNotContain(measurements.SelectMany(m => m.Tags.Values), v => v?.ToString()?.Contains("secret-user", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_429_records_one_suspension_with_its_duration()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var suspensions = Collect<long>(harness, GenesysCloudTelemetryNames.RateLimitSuspensions);
        using var suspended = Collect<double>(harness, GenesysCloudTelemetryNames.RateLimitSuspendedTime);
        harness.Server.EnqueueApi(_ =>
        {
            var response = FakeGenesysCloud.Error(HttpStatusCode.TooManyRequests, "too.many.requests", "slow down");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });

        var call = harness.Client.SendAsync(Get(1));
        await Eventually.TrueAsync(() => harness.Server.ApiRequests.Count == 1, "the 429 arrived");
        await Eventually.TrueAsync(() => suspensions.GetMeasurementSnapshot().Count == 1, "the suspension was recorded");
        harness.Time.Advance(TimeSpan.FromSeconds(7));
        await call;

        var suspension = Assert.Single(suspensions.GetMeasurementSnapshot());
        Assert.Equal(1, suspension.Value);
        Assert.Equal("api", suspension.Tags[GenesysCloudTelemetryNames.RateLimitSourceAttribute]);
        Assert.Equal(7, Assert.Single(suspended.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task Rate_limits_during_a_suspension_extend_it_and_count_as_one_suspension_of_the_whole_length()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var suspensions = Collect<long>(harness, GenesysCloudTelemetryNames.RateLimitSuspensions);
        using var suspended = Collect<double>(harness, GenesysCloudTelemetryNames.RateLimitSuspendedTime);
        var scheduler = harness.Internal.Scheduler;

        scheduler.Suspend(TimeSpan.FromSeconds(10), "api");
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        scheduler.Suspend(TimeSpan.FromSeconds(10), "api"); // extends to t = 14 s
        scheduler.Suspend(TimeSpan.FromSeconds(2), "api");  // inside: changes nothing
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.Client.SendAsync(Get(1));

        Assert.Equal(1, Assert.Single(suspensions.GetMeasurementSnapshot()).Value);
        Assert.Equal(14, Assert.Single(suspended.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task A_token_refresh_counts_once_with_a_duration_and_outcome()
    {
        await using var harness = ClientHarness.Create();
        using var refreshes = Collect<long>(harness, GenesysCloudTelemetryNames.TokenRefreshes);
        using var refreshDuration = Collect<double>(harness, GenesysCloudTelemetryNames.TokenRefreshDuration);
        using var deletions = Collect<long>(harness, GenesysCloudTelemetryNames.TokenDeletions);
        await harness.StartAsync();
        await harness.Host.StopAsync();

        var refresh = Assert.Single(refreshes.GetMeasurementSnapshot());
        Assert.Equal(1, refresh.Value);
        Assert.Equal("success", refresh.Tags[GenesysCloudTelemetryNames.OutcomeAttribute]);
        Assert.Single(refreshDuration.GetMeasurementSnapshot());
        Assert.Equal("success", Assert.Single(deletions.GetMeasurementSnapshot()).Tags[GenesysCloudTelemetryNames.OutcomeAttribute]);
    }

    [Fact]
    public async Task A_500_then_200_records_one_retry_with_its_reason()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var retries = Collect<long>(harness, GenesysCloudTelemetryNames.Retries);
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.InternalServerError, "internal", "boom"));

        var call = harness.Client.SendAsync(Get(1));
        await Eventually.TrueAsync(() => retries.GetMeasurementSnapshot().Count == 1, "the retry was recorded");
        while (!call.IsCompleted)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        await call;
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal("status_500", retry.Tags[GenesysCloudTelemetryNames.RetryReasonAttribute]);
    }

    [Fact]
    public async Task The_state_gauge_reports_the_current_state_and_the_budget_gauge_the_remaining_requests()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var state = Collect<int>(harness, GenesysCloudTelemetryNames.ClientState);
        using var remaining = Collect<int>(harness, GenesysCloudTelemetryNames.RateLimitRemaining);
        await harness.Client.SendAsync(Get(1));

        state.RecordObservableInstruments();
        remaining.RecordObservableInstruments();

        var current = Assert.Single(state.GetMeasurementSnapshot(), m => m.Value == 1);
        Assert.Equal("Idle", current.Tags[GenesysCloudTelemetryNames.StateAttribute]);
        Assert.Equal(7, state.GetMeasurementSnapshot().Count);
        Assert.Equal(298, remaining.LastMeasurement?.Value); // 300 less the connect probe and the call
    }
}
