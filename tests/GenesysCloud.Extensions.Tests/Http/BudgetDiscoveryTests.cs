using System.Net;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Tests.Fakes;

namespace GenesysCloud.Extensions.Tests.Http;

/// <summary>
/// Issue 17, items 2 and 3: the budget is learned at connect, the first calls burst to it without a lone probe, and the
/// next window's calls start at the reset the answers narrowed down, not at a whole second rounded up.
/// </summary>
public sealed class BudgetDiscoveryTests
{
    private static GenesysCloudRequest Get(int i) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}").WithPathParameter("userId", $"u{i}");

    [Fact]
    public async Task Connect_learns_the_budget_so_the_first_calls_start_at_once_up_to_what_the_window_allows()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await ClientHarness.Create(server: s =>
        {
            s.RateLimit = 40;
            s.RateWindow = TimeSpan.FromSeconds(60);
            s.ApiGate = gate;
        }).StartAsync();

        // The connect probe (GET /api/v2/tokens/me) told the scheduler the budget before any user call.
        Assert.Single(harness.Server.ProbeRequests);
        var budget = harness.Internal.Scheduler.Budget;
        Assert.NotNull(budget);
        Assert.Equal(40, budget.Value.Allowed);
        Assert.Equal(39, budget.Value.Remaining);

        // 60 calls at once: the 39 the window still allows start together, while none has been answered (the server
        // holds them), so nothing waited for a probe's answer; the other 21 wait for the window's reset.
        var calls = Enumerable.Range(0, 60).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Eventually.TrueAsync(() => harness.Server.ApiRequests.Count == 39, "the burst reached the server");
        for (var i = 0; i < 50; i++)
        {
            await Task.Yield();
        }

        Assert.Equal(39, harness.Server.ApiRequests.Count);
        Assert.Equal(39, harness.Internal.InFlightCount);
        Assert.Equal(21, harness.Internal.BacklogCount);

        gate.SetResult();
        await TimeDriver.RunAsync(harness.Time, harness.Internal, Task.WhenAll(calls), TimeSpan.FromMilliseconds(100));

        Assert.All(calls, c => Assert.Equal(HttpStatusCode.OK, c.Result.StatusCode));
        Assert.Equal(0, harness.Server.RateLimited);
        var probeAt = harness.Server.ProbeRequests.Single().At;
        var late = harness.Server.ApiRequests.Skip(39).ToArray();
        Assert.Equal(21, late.Length);
        Assert.All(late, r => Assert.True(r.At >= probeAt + TimeSpan.FromSeconds(60), $"a call started at {r.At - probeAt} into the first window"));
    }

    [Fact]
    public async Task Answers_spread_over_a_window_narrow_its_reset_and_the_next_window_starts_at_it()
    {
        await using var harness = await ClientHarness.Create(server: s =>
        {
            s.RateLimit = 10;
            s.RateWindow = TimeSpan.FromSeconds(10);
        }).StartAsync();

        // The server's window opened with the connect probe at T0 and ends at T0 + 10 s. The probe's answer (reset 10)
        // bounds the reset to (T0 + 9 s, T0 + 10 s]; answers 3.7 s later (reset 7, rounded up from 6.3) bound it to
        // (T0 + 9.7 s, T0 + 10.7 s]. Only the intersection is right: a client that kept the latest answer would start
        // the next window 0.7 s late, one that rounded down would start it early into a 429.
        var probeAt = harness.Server.ProbeRequests.Single().At;
        harness.Time.Advance(TimeSpan.FromSeconds(3.7));
        var calls = Task.WhenAll(Enumerable.Range(0, 20).Select(i => harness.Client.SendAsync(Get(i))));
        await TimeDriver.RunAsync(harness.Time, harness.Internal, calls, TimeSpan.FromMilliseconds(50));

        Assert.Equal(0, harness.Server.RateLimited);
        var starts = harness.Server.ApiRequests.Select(r => r.At - probeAt).ToArray();
        Assert.Equal(20, starts.Length);
        Assert.All(starts.Take(9), s => Assert.Equal(TimeSpan.FromSeconds(3.7), s));

        // The next window: its first calls start exactly at the server's reset, T0 + 10 s.
        Assert.All(starts.Skip(9).Take(10), s => Assert.Equal(TimeSpan.FromSeconds(10), s));
        Assert.Equal(TimeSpan.FromSeconds(20), starts[19]);
    }
}
