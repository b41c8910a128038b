using System.Globalization;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.ReliabilityTests.Infrastructure;
using GenesysCloud.Extensions.Simulator;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests;

/// <summary>
/// The platform's bad days, injected with the simulator's faults. Invariant in every scenario: each call ends exactly
/// once (a result or a typed error), no request is sent twice except by the documented retry rules, no unobserved task
/// exceptions, no leaked threads or sockets, memory bounded.
/// </summary>
public sealed class FaultScenarioTests(ITestOutputHelper output)
{
    private const string RoutingPaths = "/api/v2/routing/*";

    [Fact]
    public async Task RateLimitStorm_every_call_429_for_three_windows_all_complete_and_nothing_starts_during_the_suspension()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        long storm429s = 0;
        var stormStart = DateTimeOffset.MinValue;
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0)); // learn the (unlimited) budget first
            stormStart = h.Clock!.GetUtcNow();
            h.Sim.Faults.Add(new SimulatorFault
            {
                StatusCode = 429, Path = RoutingPaths, Count = null, Duration = TimeSpan.FromSeconds(180), RetryAfter = TimeSpan.FromSeconds(60),
            });
            var calls = Enumerable.Range(1, 250)
                .Select(i => ledger.Run(h.Client, i, i % 5 == 0 ? CallLedger.Post(i) : CallLedger.Get(i)))
                .ToArray();
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(1));

            ledger.AssertAllEnded(250);
            Assert.True(250 == ledger.CountOf(Outcome.Success), ledger.Describe() + "\n" + string.Join("\n", ledger.Ended.Values.Where(e => e.Outcome != Outcome.Success).Take(2).Select(e => e.Error?.ToString())));
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            storm429s = byId.Values.Sum(r => r.Count(x => x.StatusCode == 429));
            // Each window (three, plus the instant the storm ends) costs at most the calls already in flight
            // (MaxConcurrentRequests 50), never the whole backlog.
            Assert.InRange(storm429s, 3, 4 * 50);
            Assert.All(byId.Values, r => Assert.True(r.Count(x => x.StatusCode == 429) <= 4));
            foreach (var (id, requests) in byId.Where(p => p.Key > 0))
            {
                Assert.Equal(1, requests.Count(r => r.StatusCode is >= 200 and < 300));
                Assert.All(requests.Where(r => r.StatusCode != 429), r => Assert.True(r.Timestamp >= stormStart + TimeSpan.FromSeconds(180), $"call {id} started during the suspension"));
            }

            Assert.Equal(251, h.CallDurations.GetMeasurementSnapshot().Count);
        },
        client: o => o.RateLimiting.MaxConcurrentRequests = 50); // the simulator's budget is unlimited: the cap is what bounds a window's 429s

        var report = probe.Finish();
        Figures.Record(output, "429 storm (180 s, Retry-After 60 s)", $"250 calls (200 GET, 50 POST): 250 succeeded; {storm429s} × 429 in total; fake time {180} s; {report.Summary}");
    }

    [Fact]
    public async Task FiveXxBursts_30_percent_of_requests_fail_GET_all_succeed_and_POST_is_never_resent_after_it_may_have_been_processed()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        int requests = 0, failures = 0, postFailed = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            h.Sim.Faults.Add(new SimulatorFault { Path = RoutingPaths, Probability = 0.3, StatusCodes = [500, 502, 503, 504], Count = null });
            var calls = Enumerable.Range(1, 400)
                .Select(i => ledger.Run(h.Client, i, i % 4 == 0 ? CallLedger.Post(i) : CallLedger.Get(i)))
                .ToArray();
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(1));

            ledger.AssertAllEnded(400);
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            requests = byId.Where(p => p.Key > 0).Sum(p => p.Value.Count);
            failures = byId.Values.Sum(r => r.Count(x => x.StatusCode >= 500));
            foreach (var (id, sent) in byId.Where(p => p.Key > 0))
            {
                var (outcome, error, _) = ledger.Ended[id];
                if (id % 4 != 0)
                {
                    Assert.Equal(Outcome.Success, outcome);
                    continue;
                }

                // POST: only a 503 (not accepted) may be followed by another attempt; nothing is processed twice.
                Assert.All(sent.Take(sent.Count - 1), r => Assert.Equal(503, r.StatusCode));
                Assert.True(sent.Count(r => r.StatusCode is >= 200 and < 300) <= 1);
                if (sent[^1].StatusCode is 500 or 502 or 504)
                {
                    Assert.Equal(Outcome.ApiError, outcome);
                    Assert.Equal(sent[^1].StatusCode, (int)((GenesysCloudApiException)error!).StatusCode);
                }
                else
                {
                    Assert.Equal(Outcome.Success, outcome);
                }
            }

            postFailed = ledger.Ended.Count(e => e.Key % 4 == 0 && e.Value.Outcome != Outcome.Success);
        }, client: o => o.MaxRetries = 10);

        var report = probe.Finish();
        Figures.Record(output, "5xx bursts (30 % of requests 500/502/503/504)", $"400 calls (300 GET, 100 POST), {requests} requests, {failures} × 5xx; GET 300/300 succeeded; POST {100 - postFailed} succeeded, {postFailed} ended with the 500/502/504 (never re-sent); {report.Summary}");
    }

    [Fact]
    public async Task Token_expires_with_200_calls_in_flight_one_refresh_and_each_call_resent_once()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.DriveAsync(h.Client.SendAsync(CallLedger.Get(0)), TimeSpan.FromSeconds(1));
            var calls = Enumerable.Range(1, 200).Select(i => ledger.Run(h.Client, i, CallLedger.Get(i))).ToArray();
            await h.Sim.Inspector.WaitUntilAsync(i => i.DelayedRequests == 200).WaitAsync(TimeSpan.FromSeconds(30));

            h.Clock!.Advance(TimeSpan.FromMinutes(11)); // all 200 reach the server with an expired token
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(2));

            ledger.AssertAllEnded(200);
            Assert.Equal(200, ledger.CountOf(Outcome.Success));
            Assert.Equal(2, h.Sim.Inspector.TokensIssued);
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            Assert.All(Enumerable.Range(1, 200), i => Assert.Equal([401, 200], byId[i].Select(r => r.StatusCode)));
        },
            simulator: s => { s.TokenLifetime = TimeSpan.FromMinutes(10); s.MinLatency = s.MaxLatency = TimeSpan.FromSeconds(2); },
            client: o => o.RateLimiting.MaxConcurrentRequests = 200);

        var report = probe.Finish();
        Figures.Record(output, "token expires with 200 calls in flight", $"200 calls: 200 × 401, 1 refresh (2 tokens issued in total), 200 re-sends, 200 succeeded; {report.Summary}");
    }

    [Fact]
    public async Task Token_endpoint_fails_with_5xx_then_429_during_a_refresh_and_every_waiting_call_completes()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        int tokenRequests = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            h.Sim.Faults.Add(SimulatorFault.Status(503, "POST", "/oauth/token", count: 1));
            h.Sim.Faults.Add(SimulatorFault.Status(500, "POST", "/oauth/token", count: 1));
            h.Sim.Faults.Add(SimulatorFault.Status(429, "POST", "/oauth/token", count: 1, retryAfter: TimeSpan.FromSeconds(10)));
            h.Clock!.Advance(TimeSpan.FromMinutes(11));

            var calls = Enumerable.Range(1, 100).Select(i => ledger.Run(h.Client, i, CallLedger.Get(i))).ToArray();
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(1));

            ledger.AssertAllEnded(100);
            Assert.Equal(100, ledger.CountOf(Outcome.Success));
            Assert.Equal(2, h.Sim.Inspector.TokensIssued);
            tokenRequests = h.Sim.Inspector.GetOperationCount("postOAuthToken");
            Assert.Equal(5, tokenRequests); // connect + 503 + 500 + 429 + success
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            Assert.All(Enumerable.Range(1, 100), i => Assert.True(byId[i].Count == 1, string.Join(", ", byId[i].Select(r => $"{r.StatusCode} {r.Timestamp:HH:mm:ss.fff}"))));
        }, simulator: s => s.TokenLifetime = TimeSpan.FromMinutes(10));

        var report = probe.Finish();
        Figures.Record(output, "token endpoint 503, 500, 429 during a refresh", $"100 calls waiting on the refresh: 100 succeeded, each sent once; {tokenRequests} token requests (1 connect + 3 failed + 1 success); {report.Summary}");
    }

    [Fact]
    public async Task Token_refresh_that_fails_ends_every_waiting_call_with_a_typed_error_and_the_next_call_recovers()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            h.Sim.Faults.Add(SimulatorFault.Status(500, "POST", "/oauth/token", count: 2));
            h.Clock!.Advance(TimeSpan.FromMinutes(11));

            var calls = Enumerable.Range(1, 50).Select(i => ledger.Run(h.Client, i, CallLedger.Get(i))).ToArray();
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(1));
            ledger.AssertAllEnded(50);
            Assert.Equal(50, ledger.CountOf(Outcome.Authentication));
            Assert.DoesNotContain(CallLedger.RequestsById(h.Sim.Inspector), p => p.Key > 0);

            var next = await h.Client.SendAsync(CallLedger.Get(51));
            Assert.Equal(200, (int)next.StatusCode);
            Assert.Equal(GenesysCloudClientState.Idle, h.Client.State);
        }, simulator: s => s.TokenLifetime = TimeSpan.FromMinutes(10), client: o => o.MaxRetries = 1);

        var report = probe.Finish();
        Figures.Record(output, "token refresh fails (500 × 2, MaxRetries 1)", $"50 waiting calls: 50 ended with GenesysCloudAuthenticationException, 0 API requests sent; the next call refreshed and succeeded; {report.Summary}");
    }

    [Fact]
    public async Task Background_refresh_failure_is_observed_not_left_to_the_finalizer()
    {
        using var probe = LeakProbe.Start();
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            h.Sim.Faults.Add(SimulatorFault.Status(500, "POST", "/oauth/token", count: 1));
            h.Clock!.Advance(TimeSpan.FromMinutes(6)); // past the refresh point, before expiry: the call uses the token and refreshes in the background

            await h.Client.SendAsync(CallLedger.Get(1));
            await h.Sim.Inspector.WaitUntilAsync(i => i.Requests.Any(r => r.Operation == "postOAuthToken" && r.StatusCode == 500)).WaitAsync(TimeSpan.FromSeconds(10));
            // The simulator records the 500 just before the client has finished with it: a call made in between joins
            // the failing refresh. A later call starts the next background refresh, which succeeds.
            for (var attempt = 0; h.Sim.Inspector.TokensIssued < 2; attempt++)
            {
                Assert.True(attempt < 50, "no call started a new background refresh");
                await h.Client.SendAsync(CallLedger.Get(2 + attempt));
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                try
                {
                    await h.Sim.Inspector.WaitUntilAsync(i => i.TokensIssued == 2, wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // Not yet: send another call.
                }
            }
        }, simulator: s => s.TokenLifetime = TimeSpan.FromMinutes(10), client: o => o.MaxRetries = 0);

        var report = probe.Finish();
        Figures.Record(output, "background refresh fails once", $"every call succeeded on the still-valid token; the failed background refresh was observed; {report.Summary}");
    }

    [Fact]
    public async Task Connection_resets_GET_retried_to_success_POST_never_duplicated()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        int resets = 0, requests = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            h.Sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.ResetConnection, Path = RoutingPaths, Probability = 0.2, Count = null });
            var calls = Enumerable.Range(1, 250).Select(i => ledger.Run(h.Client, i, i % 5 == 0 ? CallLedger.Post(i) : CallLedger.Get(i))).ToArray();
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(1));

            ledger.AssertAllEnded(250);
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            resets = byId.Values.Sum(r => r.Count(x => x.Fault == nameof(SimulatorFaultKind.ResetConnection)));
            requests = byId.Where(p => p.Key > 0).Sum(p => p.Value.Count);
            Assert.True(resets > 0);
            foreach (var (id, sent) in byId.Where(p => p.Key > 0))
            {
                var outcome = ledger.Ended[id].Outcome;
                if (id % 5 != 0)
                {
                    Assert.Equal(Outcome.Success, outcome);
                }
                else if (sent[0].Fault is not null)
                {
                    // The server read the POST and dropped the connection: it may have been processed, so it is not re-sent.
                    Assert.True(sent.Count == 1, $"POST {id} was sent {sent.Count} times: {string.Join(", ", sent.Select(r => r.Fault ?? r.StatusCode.ToString(CultureInfo.InvariantCulture)))}");
                    Assert.Equal(Outcome.Transport, outcome);
                }
                else
                {
                    Assert.Equal(Outcome.Success, Assert.Single(sent) is { StatusCode: 201 or 200 } ? outcome : Outcome.Untyped);
                }
            }
        }, client: o => o.MaxRetries = 10);

        var report = probe.Finish();
        Figures.Record(output, "connection resets (20 % of requests)", $"250 calls (200 GET, 50 POST), {requests} requests, {resets} resets; GET 200/200 succeeded; {ledger.Ended.Count(e => e.Key % 5 == 0 && e.Value.Outcome == Outcome.Transport)} POST ended with GenesysCloudTransportException, sent once; {report.Summary}");
    }

    [Fact]
    public async Task Server_slower_than_SocketTimeout_GET_times_out_and_retries_POST_fails_once_with_a_timeout()
    {
        using var probe = LeakProbe.Start();
        GenesysCloudTransportException? postError = null;
        int getAttempts = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            h.Sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.Stall, Method = "GET", Path = RoutingPaths, Count = 3, Delay = TimeSpan.FromSeconds(100) });
            h.Sim.Faults.Add(new SimulatorFault { Kind = SimulatorFaultKind.Stall, Method = "POST", Path = RoutingPaths, Count = 1, Delay = TimeSpan.FromSeconds(100) });
            var get = h.Client.SendAsync(CallLedger.Get(1));
            var post = Assert.ThrowsAsync<GenesysCloudTransportException>(() => h.Client.SendAsync(CallLedger.Post(2)));
            await h.DriveAsync(Task.WhenAll(get, post), TimeSpan.FromSeconds(1));

            Assert.Equal(200, (int)(await get).StatusCode);
            postError = await post;
            Assert.True(postError.IsTimeout);
            Assert.Equal(1, postError.Attempts);
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            getAttempts = byId[1].Count;
            Assert.Equal([0, 0, 0, 200], byId[1].Select(r => r.StatusCode)); // three stalls abandoned by the client, then the answer
            Assert.Equal(0, Assert.Single(byId[2]).StatusCode);
            Assert.Equal(0, h.Sim.Inspector.DelayedRequests); // the stalled requests were abandoned, not left parked
        }, client: o => o.SocketTimeout = TimeSpan.FromSeconds(10));

        var report = probe.Finish();
        Figures.Record(output, "server slower than SocketTimeout (stall 100 s, timeout 10 s)", $"GET: {getAttempts} attempts, succeeded; POST: 1 attempt, GenesysCloudTransportException IsTimeout; {report.Summary}");
    }

    [Fact]
    public async Task Malformed_truncated_huge_and_wrong_content_type_responses_end_with_a_result_or_a_typed_error_and_are_not_resent()
    {
        using var probe = LeakProbe.Start();
        int hugeBytes = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            await h.Client.SendAsync(CallLedger.Get(0));
            var queues = "/api/v2/routing/queues";

            h.Sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.MalformedJson, "GET", queues));
            var malformed = await h.Client.SendAsync(CallLedger.Get(1));
            Assert.Throws<GenesysCloudResponseFormatException>(() => malformed.ReadAs<System.Text.Json.JsonElement>());

            h.Sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.WrongContentType, "GET", queues));
            var html = await h.Client.SendAsync(CallLedger.Get(2));
            Assert.Equal("text/html", html.ContentType);
            Assert.Throws<GenesysCloudResponseFormatException>(() => html.ReadAs<System.Text.Json.JsonElement>());

            h.Sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.TruncatedJson, "GET", queues));
            var truncatedGet = await h.Client.SendAsync(CallLedger.Get(3)); // the body broke off: a transport failure, retried for GET

            h.Sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.TruncatedJson, "POST", "/api/v2/routing/wrapupcodes"));
            var truncatedPost = await Assert.ThrowsAsync<GenesysCloudTransportException>(() => h.Client.SendAsync(CallLedger.Post(4)));

            h.Sim.Faults.Add(SimulatorFault.Of(SimulatorFaultKind.HugeBody, "GET", queues));
            var huge = await h.Client.SendAsync(CallLedger.Get(5));
            hugeBytes = huge.Content.Length;
            Assert.True(hugeBytes >= 16 * 1024 * 1024);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, huge.ReadAs<System.Text.Json.JsonElement>().ValueKind);

            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            Assert.Single(byId[1]);
            Assert.Single(byId[2]);
            Assert.Equal(2, byId[3].Count);
            Assert.Single(byId[4]);
            Assert.Single(byId[5]);
            Assert.Equal(1, truncatedPost.Attempts);
            Assert.Equal(200, (int)truncatedGet.StatusCode);
        }, fakeClock: false, client: o => { o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10); o.Retry.MaxDelay = TimeSpan.FromMilliseconds(50); });

        var report = probe.Finish();
        Figures.Record(output, "malformed, wrong content type, truncated, huge bodies", $"malformed JSON and text/html 200: result, ReadAs → GenesysCloudResponseFormatException, sent once; truncated GET: 2 attempts, succeeded; truncated POST: GenesysCloudTransportException, sent once; huge body {hugeBytes / 1024 / 1024} MiB: result; {report.Summary}");
    }

    [Theory]
    [InlineData("clear")]
    [InlineData("drain")]
    [InlineData("timeout")]
    public async Task Shutdown_with_10000_queued_calls_each_ends_exactly_once(string mode)
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        const int Queued = 10_000;
        int sent = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            var calls = await QueueBehindRateLimitAsync(h, ledger, Queued, _ => default);
            Assert.Equal(Queued + 1, h.Client.BacklogCount);

            using var shutdownTimeout = new CancellationTokenSource();
            var stop = h.Host.StopAsync(shutdownTimeout.Token);
            if (mode == "timeout")
            {
                await shutdownTimeout.CancelAsync(); // the host's shutdown timeout passes before the suspension ends
            }

            await h.DriveAsync(Task.WhenAll(calls.Append(stop)), TimeSpan.FromSeconds(1));

            ledger.AssertAllEnded(Queued + 1);
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            sent = byId.Where(p => p.Key > 0).Sum(p => p.Value.Count);
            if (mode == "drain")
            {
                Assert.Equal(Queued + 1, ledger.CountOf(Outcome.Success));
                Assert.All(Enumerable.Range(1, Queued), i => Assert.Single(byId[i]));
            }
            else
            {
                Assert.Equal(Queued + 1, ledger.CountOf(Outcome.Aborted));
                Assert.All(ledger.Ended.Values, e => Assert.Equal(GenesysCloudErrorCodes.Closing, ((GenesysCloudException)e.Error!).ErrorCode));
                Assert.Equal(0, sent); // none: only call 0 reached the server, and met the 429
            }

            Assert.Equal(GenesysCloudClientState.Closed, h.Client.State);
            Assert.Equal(1, h.Sim.Inspector.TokensDeleted);
            Assert.Equal(0, h.Client.BacklogCount);
            Assert.Equal(0, h.Client.InFlightCount);
            Assert.Equal(Queued + 2, h.CallDurations.GetMeasurementSnapshot().Count);
        }, client: o => o.ShutdownBehavior = mode == "clear" ? GenesysCloud.Extensions.Options.GenesysCloudShutdownBehavior.ClearBacklog : GenesysCloud.Extensions.Options.GenesysCloudShutdownBehavior.Drain);

        var report = probe.Finish();
        Figures.Record(output, $"shutdown ({mode}) with 10,000 queued calls", $"{Queued + 1} calls queued behind a 429: {ledger.Describe()}; {sent} requests sent; token deleted; {report.Summary}");
    }

    [Fact]
    public async Task Half_of_10000_callers_cancel_in_the_backlog_none_is_sent_the_rest_complete()
    {
        using var probe = LeakProbe.Start();
        var ledger = new CallLedger();
        const int Callers = 10_000;
        int sent = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            var sources = Enumerable.Range(0, Callers + 1).Select(_ => new CancellationTokenSource()).ToArray();
            var calls = await QueueBehindRateLimitAsync(h, ledger, Callers, i => i % 2 == 0 && i > 0 ? sources[i].Token : default);
            foreach (var source in sources.Where((_, i) => i % 2 == 0 && i > 0))
            {
                await source.CancelAsync();
            }

            Assert.Equal((Callers / 2) + 1, h.Client.BacklogCount); // cancelled calls left the backlog at once
            await h.DriveAsync(Task.WhenAll(calls), TimeSpan.FromSeconds(1));

            ledger.AssertAllEnded(Callers + 1);
            Assert.Equal(Callers / 2, ledger.CountOf(Outcome.Canceled));
            Assert.Equal((Callers / 2) + 1, ledger.CountOf(Outcome.Success));
            var byId = CallLedger.RequestsById(h.Sim.Inspector);
            Assert.DoesNotContain(byId.Keys, id => id % 2 == 0 && id > 0);
            sent = byId.Where(p => p.Key > 0).Sum(p => p.Value.Count);
            Assert.Equal(Callers / 2, sent);
            Assert.Equal(0, h.Client.BacklogCount);
            foreach (var source in sources)
            {
                source.Dispose();
            }
        });

        var report = probe.Finish();
        Figures.Record(output, "half of 10,000 callers cancel", $"{Callers + 1} calls queued behind a 429, 5,000 cancelled: {ledger.Describe()}; {sent} requests sent (none for a cancelled call); {report.Summary}");
    }

    // Warms up (the budget is known), then lets call 0 meet a 429 with Retry-After 60 s so that the backlog is suspended,
    // and queues `count` calls behind it. Returns when all of them are in the backlog.
    private static async Task<Task[]> QueueBehindRateLimitAsync(ReliabilityHost h, CallLedger ledger, int count, Func<int, CancellationToken> token)
    {
        await h.Client.SendAsync(new GenesysCloud.Extensions.Requests.GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues"));
        // Call 0 is back in the backlog (it goes back after the suspension began): the first backlog addition, since
        // every earlier call started at once. Events are delivered in order on the client's dispatcher.
        var suspended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Events.BacklogChanged += (_, e) =>
        {
            if (e.Added)
            {
                suspended.TrySetResult();
            }
        };
        h.Sim.Faults.Add(SimulatorFault.Status(429, "GET", "/api/v2/routing/queues", count: 1, retryAfter: TimeSpan.FromSeconds(60)));
        var first = ledger.Run(h.Client, 0, CallLedger.Get(0));
        await suspended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var calls = new Task[count + 1];
        calls[0] = first;
        for (var i = 1; i <= count; i++)
        {
            calls[i] = ledger.Run(h.Client, i, CallLedger.Get(i), token(i));
        }

        return calls;
    }
}
