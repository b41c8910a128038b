using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Http;

public sealed class PacingTests
{
    private static GenesysCloudRequest Get(int i) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}").WithPathParameter("userId", $"u{i}");

    private static Task DriveAsync(ClientHarness harness, Task work, TimeSpan step) =>
        TimeDriver.RunAsync(harness.Time, harness.Internal, work, step);

    [Fact]
    public async Task Fixed_mode_spaces_starts_by_time_between_requests()
    {
        await using var harness = await ClientHarness.Create(o =>
        {
            o.RateLimiting.Mode = GenesysCloudPacingMode.Fixed;
            o.RateLimiting.TimeBetweenRequests = TimeSpan.FromMilliseconds(200);
        }).StartAsync();

        var calls = Task.WhenAll(Enumerable.Range(0, 6).Select(i => harness.Client.SendAsync(Get(i))));
        await DriveAsync(harness, calls, TimeSpan.FromMilliseconds(10));

        var starts = harness.Server.ApiRequests.Select(r => r.At).ToArray();
        Assert.Equal(6, starts.Length);
        for (var i = 1; i < starts.Length; i++)
        {
            Assert.True(starts[i] - starts[i - 1] >= TimeSpan.FromMilliseconds(200), $"gap {i} was {starts[i] - starts[i - 1]}");
        }

        Assert.True(starts[^1] - starts[0] < TimeSpan.FromMilliseconds(1200), "starts were not delayed more than needed");
    }

    [Fact]
    public async Task Adaptive_mode_bursts_within_the_advertised_budget_and_never_exceeds_it()
    {
        await using var harness = await ClientHarness.Create(
            o => o.RateLimiting.MaxConcurrentRequests = 100,
            s =>
            {
                s.RateLimit = 10;
                s.RateWindow = TimeSpan.FromSeconds(10);
            }).StartAsync();

        var calls = Task.WhenAll(Enumerable.Range(0, 35).Select(i => harness.Client.SendAsync(Get(i))));
        await DriveAsync(harness, calls, TimeSpan.FromMilliseconds(100));

        Assert.Equal(0, harness.Server.RateLimited);
        var starts = harness.Server.ApiRequests.Select(r => r.At).ToArray();
        Assert.Equal(35, starts.Length);
        var first = starts[0];
        foreach (var group in starts.GroupBy(s => (long)((s - first).TotalSeconds / 10)))
        {
            Assert.True(group.Count() <= 10, $"window {group.Key} had {group.Count()} starts");
        }

        // 35 calls at 10 per 10 s need four windows: about 30 s, not 35 × anything.
        Assert.InRange((starts[^1] - first).TotalSeconds, 20, 31);
    }

    [Fact]
    public async Task A_429_suspends_every_start_until_retry_after_and_the_429_call_goes_first()
    {
        await using var harness = await ClientHarness.Create(o => o.RateLimiting.MaxConcurrentRequests = 1).StartAsync();
        await harness.Client.SendAsync(Get(100));
        harness.Server.EnqueueApi(_ =>
        {
            var response = FakeGenesysCloud.Error(HttpStatusCode.TooManyRequests, "too.many.requests", "Rate limit exceeded");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });

        var calls = Enumerable.Range(0, 3).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Eventually.TrueAsync(() => harness.Server.ApiRequests.Count == 2, "the first call got its 429");
        var suspendedAt = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        for (var i = 0; i < 100; i++)
        {
            await Task.Yield();
        }

        Assert.Equal(2, harness.Server.ApiRequests.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls);

        var after = harness.Server.ApiRequests.Skip(2).ToArray();
        Assert.Equal("/api/v2/users/u0", after[0].Target);
        Assert.True(after[0].At - suspendedAt >= TimeSpan.FromSeconds(30));
        Assert.Equal(5, harness.Server.ApiRequests.Count);
        Assert.All(calls, c => Assert.Equal(HttpStatusCode.OK, c.Result.StatusCode));
    }

    [Fact]
    public async Task Retries_follow_the_backoff_and_stop_after_max_retries_with_the_attempt_count()
    {
        await using var harness = await ClientHarness.Create(o => o.MaxRetries = 2).StartAsync();
        for (var i = 0; i < 3; i++)
        {
            harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.InternalServerError, "internal.server.error", "boom"));
        }

        var call = harness.Client.SendAsync(Get(0));
        await DriveAsync(harness, call.ContinueWith(_ => { }, TaskScheduler.Default), TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAsync<GenesysCloudApiException>(() => call);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(3, ex.Attempts);
        var times = harness.Server.ApiRequests.Select(r => r.At).ToArray();
        Assert.Equal(3, times.Length);
        // Exponential backoff with (decorrelated) jitter: every wait is real but capped by Retry:MaxDelay (4 s here).
        Assert.InRange((times[1] - times[0]).TotalSeconds, 0.05, 4.0);
        Assert.InRange((times[2] - times[1]).TotalSeconds, 0.05, 4.0);
    }

    [Fact]
    public async Task A_503_then_200_succeeds_on_the_second_attempt()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.ServiceUnavailable, "service.unavailable", "later"));

        var call = harness.Client.SendAsync(Get(0));
        await DriveAsync(harness, call, TimeSpan.FromMilliseconds(100));

        Assert.Equal(HttpStatusCode.OK, (await call).StatusCode);
        Assert.Equal(2, harness.Server.ApiRequests.Count);
    }

    [Theory]
    [InlineData("POST", HttpStatusCode.InternalServerError, false, 1)]
    [InlineData("PATCH", HttpStatusCode.GatewayTimeout, false, 1)]
    [InlineData("POST", HttpStatusCode.ServiceUnavailable, false, 2)]
    [InlineData("POST", HttpStatusCode.RequestTimeout, false, 2)]
    [InlineData("POST", HttpStatusCode.InternalServerError, true, 2)]
    [InlineData("PUT", HttpStatusCode.InternalServerError, false, 2)]
    [InlineData("DELETE", HttpStatusCode.BadGateway, false, 2)]
    public async Task Non_idempotent_methods_are_retried_only_where_the_request_was_provably_not_processed(string method, HttpStatusCode status, bool retryNonIdempotent, int expectedRequests)
    {
        await using var harness = await ClientHarness.Create(o => o.Retry.RetryNonIdempotentRequests = retryNonIdempotent).StartAsync();
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(status, "error", "failure"));
        var request = new GenesysCloudRequest(new HttpMethod(method), "/api/v2/routing/queues").WithJsonBody(new { name = "Q" });

        var call = harness.Client.SendAsync(request);
        await DriveAsync(harness, call.ContinueWith(_ => { }, TaskScheduler.Default), TimeSpan.FromMilliseconds(100));

        Assert.Equal(expectedRequests, harness.Server.ApiRequests.Count);
        if (expectedRequests == 1)
        {
            var ex = await Assert.ThrowsAsync<GenesysCloudApiException>(() => call);
            Assert.Equal(status, ex.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, (await call).StatusCode);
        }
    }

    [Fact]
    public async Task A_call_cancelled_in_the_backlog_leaves_at_once_and_is_never_sent()
    {
        await using var harness = await ClientHarness.Create(o => o.RateLimiting.MaxConcurrentRequests = 1).StartAsync();
        await harness.Client.SendAsync(Get(100));
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = harness.Client.SendAsync(Get(0));
        await Eventually.TrueAsync(() => harness.Client.InFlightCount == 1, "the first call is in flight");
        using var cts = new CancellationTokenSource();
        var queued = harness.Client.SendAsync(Get(1), cts.Token);
        Assert.Equal(1, harness.Client.BacklogCount);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, harness.Client.BacklogCount);
        harness.Server.ApiGate.SetResult();
        await held;
        Assert.DoesNotContain(harness.Server.ApiRequests, r => r.Target.EndsWith("/u1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_cancelled_in_flight_ends_with_cancellation()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = new CancellationTokenSource();
        var call = harness.Client.SendAsync(Get(0), cts.Token);
        await Eventually.TrueAsync(() => harness.Server.ApiRequests.Count == 1, "the call reached the server");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Eventually.TrueAsync(() => harness.Client.InFlightCount == 0, "the slot was released");
    }

    [Fact]
    public async Task A_call_cancelled_as_its_429_suspends_the_budget_ends_cancelled_and_is_not_sent_again()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var cts = new CancellationTokenSource();

        // The caller gives up in the instant between the 429 (which suspends the lane: the suspension counter moves,
        // synchronously) and the pipeline's decision to send the call again once the suspension ends.
        var meters = harness.Host.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == GenesysCloudTelemetryNames.RateLimitSuspensions)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => cts.Cancel());
        listener.Start();
        harness.Server.EnqueueApi(_ =>
        {
            var response = FakeGenesysCloud.Error(HttpStatusCode.TooManyRequests, "too.many.requests", "Rate limit exceeded");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
            return response;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.SendAsync(Get(0), cts.Token));

        Assert.True(cts.IsCancellationRequested);
        Assert.Equal(0, harness.Client.BacklogCount);
        harness.Time.Advance(TimeSpan.FromSeconds(6)); // the suspension ends: nothing of the cancelled call is left to send
        await harness.Client.SendAsync(Get(1));
        Assert.Equal(["/u0", "/u1"], harness.Server.ApiRequests.Select(r => r.Target[r.Target.LastIndexOf('/')..]).ToArray());
    }

    [Fact]
    public async Task A_full_backlog_fails_fast_with_a_typed_error()
    {
        await using var harness = await ClientHarness.Create(o =>
        {
            o.RateLimiting.MaxConcurrentRequests = 1;
            o.RateLimiting.MaxBacklog = 2;
        }).StartAsync();
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 3).Select(i => harness.Client.SendAsync(Get(i))).ToList();
        await Eventually.TrueAsync(() => harness.Client.InFlightCount == 1 && harness.Client.BacklogCount == 2, "one call runs and two wait");

        var ex = await Assert.ThrowsAsync<GenesysCloudCallAbortedException>(() => harness.Client.SendAsync(Get(3)));

        Assert.Equal(GenesysCloudErrorCodes.BacklogFull, ex.ErrorCode);
        harness.Server.ApiGate.SetResult();
        await Task.WhenAll(calls);
    }

    [Fact]
    public async Task Stop_with_clear_ends_ten_thousand_queued_calls_exactly_once_with_a_typed_error()
    {
        await using var harness = await ClientHarness.Create(o =>
        {
            o.RateLimiting.MaxConcurrentRequests = 1;
            o.ShutdownBehavior = GenesysCloudShutdownBehavior.ClearBacklog;
        }).StartAsync();
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 10_000).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Eventually.TrueAsync(() => harness.Client.BacklogCount == 9_999, "the backlog holds 9,999 calls");

        var stop = harness.Host.StopAsync();
        await Eventually.TrueAsync(() => calls.Count(c => c.IsCompleted) == 9_999, "the backlog was cleared");
        harness.Server.ApiGate.SetResult();
        await stop;

        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return "ok";
            }
            catch (GenesysCloudCallAbortedException ex) when (ex.ErrorCode == GenesysCloudErrorCodes.Closing)
            {
                return "closing";
            }
        }));
        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Equal(9_999, outcomes.Count(o => o == "closing"));
        Assert.Equal(1, harness.Server.ApiRequests.Count(r => r.Method == "GET"));
        Assert.Equal(GenesysCloudClientState.Closed, harness.Client.State);
    }

    [Fact]
    public async Task Stop_with_drain_runs_ten_thousand_queued_calls_to_the_end()
    {
        await using var harness = await ClientHarness.Create(
            o => o.RateLimiting.MaxConcurrentRequests = 50,
            s => s.RateLimit = 1_000_000).StartAsync();
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 10_000).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Eventually.TrueAsync(() => harness.Client.BacklogCount + harness.Client.InFlightCount == 10_000, "every call is queued or in flight");

        var stop = harness.Host.StopAsync();
        Assert.Equal(GenesysCloudClientState.Closing, harness.Client.State);
        harness.Server.ApiGate.SetResult();
        await stop;

        Assert.All(calls, c => Assert.Equal(HttpStatusCode.OK, c.Result.StatusCode));
        Assert.Equal(10_000, harness.Server.ApiRequests.Count(r => r.Method == "GET"));
        Assert.Equal(GenesysCloudClientState.Closed, harness.Client.State);
        Assert.Equal(1, harness.Server.TokenDeletions);
    }

    [Fact]
    public async Task Drain_bounded_by_the_shutdown_timeout_ends_what_remains_with_a_typed_error()
    {
        await using var harness = await ClientHarness.Create(o => o.RateLimiting.MaxConcurrentRequests = 1).StartAsync();
        harness.Server.ApiGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 100).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Eventually.TrueAsync(() => harness.Client.BacklogCount == 99, "the backlog holds 99 calls");

        using var timeout = new CancellationTokenSource();
        var stop = harness.Host.StopAsync(timeout.Token);
        await timeout.CancelAsync();
        await stop;

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<GenesysCloudCallAbortedException>(() => call);
            Assert.Equal(GenesysCloudErrorCodes.Closing, ex.ErrorCode);
        }

        Assert.Equal(GenesysCloudClientState.Closed, harness.Client.State);
    }
}
