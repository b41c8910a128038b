using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace GenesysCloud.Extensions.Redis.Tests;

/// <summary>Issue 14's acceptance: three replicas, one simulator, one OAuth client, one real Redis.</summary>
public sealed class FleetTests
{
    private const int Budget = 20;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Three_replicas_share_one_token_and_one_budget_and_every_call_completes_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = Budget, RateWindow = Window });
        await using var fleet = new Fleet(sim, redis);
        var replicas = await fleet.StartAsync(3);
        Assert.Equal(1, sim.Inspector.TokensIssued);

        // Three windows' budget of demand, spread over the replicas, all at once.
        var ended = 0;
        var calls = replicas.SelectMany(host => Enumerable.Range(0, Budget).Select(async _ =>
        {
            try
            {
                return await Fleet.Client(host).SendAsync(Fleet.WrapupCodes());
            }
            finally
            {
                Interlocked.Increment(ref ended);
            }
        })).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.Equal(3 * Budget, ended);
        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        Assert.Equal(1, sim.Inspector.TokensIssued);
        var token = Assert.Single(sim.Inspector.Tokens);
        var windows = Windows(sim.Inspector.Requests.Where(r => r.TokenId == token.Id).ToList());
        Assert.All(windows, w => Assert.True(w.Admitted <= Budget, $"a window admitted {w.Admitted} requests (budget {Budget})"));
        Assert.True(sim.Inspector.TooManyRequestsSent <= Math.Max(1, windows.Count / 10), $"{sim.Inspector.TooManyRequestsSent} × 429 in {windows.Count} windows");
        Assert.True(windows.Count >= 3, $"{windows.Count} windows for three windows' budget: the fleet overran the budget");

        foreach (var host in replicas)
        {
            await host.StopAsync();
        }

        Assert.Equal(1, sim.Inspector.TokensDeleted);
    }

    [Fact]
    public async Task A_429_on_one_replica_suspends_every_replica_until_the_same_instant_and_is_counted_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = 100_000 });
        await using var fleet = new Fleet(sim, redis);
        using var suspensions = new CounterProbe(GenesysCloudTelemetryNames.RateLimitSuspensions);
        var replicas = await fleet.StartAsync(3);

        // Replicas 1 and 2 call one after the other until replica 0's rate-limited call has ended.
        using var stop = new CancellationTokenSource();
        var loops = replicas.Skip(1).Select(async host =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                await Fleet.Client(host).SendAsync(Fleet.WrapupCodes());
                count++;
            }

            return count;
        }).ToList();
        await Eventually.WaitAsync(() => sim.Inspector.GetOperationCount("getRoutingWrapupcodes") >= 20, TimeSpan.FromSeconds(10), "the other replicas are calling");
        sim.Faults.Add(new SimulatorFault { Path = "/api/v2/routing/queues", StatusCode = 429, Count = 1, RetryAfter = TimeSpan.FromSeconds(2) });
        var limited = await Fleet.Client(replicas[0]).SendAsync(Fleet.Queues());
        await stop.CancelAsync();
        var loopCounts = await Task.WhenAll(loops);

        Assert.Equal(200, (int)limited.StatusCode);
        var requests = sim.Inspector.Requests;
        var rateLimited = Assert.Single(requests, r => r.StatusCode == 429);
        // A call already on its way when the 429 was answered may still arrive; none starts after the wake-up reached the
        // replicas, until the suspension ends (2 s after the 429).
        var quietFrom = rateLimited.Timestamp + TimeSpan.FromMilliseconds(250);
        var quietUntil = rateLimited.Timestamp + TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(20);
        var during = requests.Where(r => r.Timestamp > quietFrom && r.Timestamp < quietUntil && r.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(during.Count == 0, $"{during.Count} request(s) started during the fleet's suspension, the first {(during.FirstOrDefault()?.Timestamp - rateLimited.Timestamp)?.TotalMilliseconds} ms after the 429");
        Assert.Contains(requests, r => r.Timestamp >= quietUntil && r.Operation == "getRoutingWrapupcodes"); // the others resumed
        Assert.All(loopCounts, c => Assert.True(c > 0));
        Assert.Equal(1, suspensions.Total);
    }

    [Fact]
    public async Task Stopping_replicas_keeps_the_token_until_the_last_one_and_a_killed_replicas_lease_expires()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync();
        await using var fleet = new Fleet(sim, redis);
        var replicas = await fleet.StartAsync(3, o => (o.LeaseDuration, o.OperationTimeout) = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)));
        Assert.Equal(1, sim.Inspector.TokensIssued);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = connection.GetDatabase();
        var leases = (await Keys(connection, "*leases:0")).Single();
        Assert.Equal(3, await db.SortedSetLengthAsync(leases));

        // Replica 2 is killed: no stop, its leases are never released and stop being renewed.
        replicas[2].Dispose();

        // Replica 0 stops (drains): the token stays, the others keep working with it.
        await replicas[0].StopAsync();
        Assert.Equal(0, sim.Inspector.TokensDeleted);
        Assert.Equal(200, (int)(await Fleet.Client(replicas[1]).SendAsync(Fleet.WrapupCodes())).StatusCode);
        Assert.Equal(1, sim.Inspector.TokensIssued);

        // The killed replica's lease expires on its own; then the last replica's stop deletes the token.
        await Eventually.WaitAsync(
            async () => await db.SortedSetLengthAsync(leases, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), double.PositiveInfinity) == 1,
            TimeSpan.FromSeconds(10),
            "only the running replica's lease is live");
        await replicas[1].StopAsync();
        Assert.Equal(1, sim.Inspector.TokensDeleted);
        Assert.Empty(await Keys(connection, "*token:0"));
    }

    [Fact]
    public async Task Redis_stopped_mid_run_every_call_ends_once_health_is_degraded_and_the_fleet_rejoins_after_a_restart()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = Budget, RateWindow = Window });
        await using var fleet = new Fleet(sim, redis);
        using var fallbacks = new CounterProbe("genesyscloud.fleet.fallbacks");
        var replicas = await fleet.StartAsync(3, o => o.OperationTimeout = TimeSpan.FromMilliseconds(500));

        var ended = 0;
        var succeeded = 0;
        var calls = replicas.SelectMany(host => Enumerable.Range(0, 2 * Budget).Select(async _ =>
        {
            try
            {
                await Fleet.Client(host).SendAsync(Fleet.WrapupCodes());
                Interlocked.Increment(ref succeeded);
            }
            catch (GenesysCloudException)
            {
                // a typed failure still ends the call once
            }
            finally
            {
                Interlocked.Increment(ref ended);
            }
        })).ToList();
        await Eventually.WaitAsync(() => Volatile.Read(ref ended) >= Budget, TimeSpan.FromSeconds(15), "the first window's calls ended");
        await redis.StopAsync();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(25));

        Assert.Equal(6 * Budget, ended);
        Assert.True(succeeded >= 5 * Budget, $"{succeeded} of {6 * Budget} calls succeeded");
        await Eventually.WaitAsync(
            async () => (await Task.WhenAll(replicas.Select(Fleet.HealthAsync))).All(h => h.Status == HealthStatus.Degraded),
            TimeSpan.FromSeconds(10),
            "every replica reports Degraded");
        var health = await Fleet.HealthAsync(replicas[0]);
        Assert.Contains("local mode", health.Description, StringComparison.Ordinal);
        Assert.Equal(nameof(GenesysCloudCoordinationMode.Fallback), health.Data["coordination"]);
        Assert.True(fallbacks.Total >= 3, $"{fallbacks.Total} fallbacks counted");

        // Redis returns: the replicas rejoin, and their calls are reserved from the fleet's budget again.
        await redis.RestartAsync();
        await Eventually.WaitAsync(
            async () => (await Task.WhenAll(replicas.Select(Fleet.HealthAsync))).All(h => h.Status == HealthStatus.Healthy),
            TimeSpan.FromSeconds(15),
            "every replica is Healthy again");
        await Task.WhenAll(replicas.Select(h => Fleet.Client(h).SendAsync(Fleet.WrapupCodes())));
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await Eventually.WaitAsync(async () => (await Keys(connection, "*budget:0")).Count == 1, TimeSpan.FromSeconds(10), "the fleet keeps a budget again");

        foreach (var host in replicas)
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_token_in_Redis_is_protected_and_no_other_key_is_touched()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var db = connection.GetDatabase();
        await db.StringSetAsync("app:session", "keep me");
        await using var fleet = new Fleet(sim, redis);
        var replica = (await fleet.StartAsync(1)).Single();

        var token = Assert.Single(sim.Inspector.Tokens);
        var keys = await Keys(connection, "*");
        Assert.All(keys.Where(k => k != "app:session"), k => Assert.StartsWith("genesyscloud:{", k, StringComparison.Ordinal));
        var stored = (string?)await db.StringGetAsync((await Keys(connection, "*token:0")).Single());
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain(token.Id, stored, StringComparison.Ordinal); // the token's first 16 characters
        Assert.DoesNotContain("Value", stored, StringComparison.Ordinal);

        await replica.StopAsync();
        Assert.Equal("keep me", (string?)await db.StringGetAsync("app:session"));
        Assert.Empty(await Keys(connection, "*token:0"));
    }

    private static async Task<List<string>> Keys(IConnectionMultiplexer connection, string pattern)
    {
        var server = connection.GetServers().Single();
        List<string> keys = [];
        await foreach (var key in server.KeysAsync(pattern: pattern))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    // The simulator's fixed windows per token: a window starts with the first request after the previous one ended.
    private static List<(DateTimeOffset Start, int Admitted)> Windows(List<RecordedRequest> requests)
    {
        List<(DateTimeOffset Start, int Admitted)> windows = [];
        foreach (var request in requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).OrderBy(r => r.Timestamp))
        {
            if (windows.Count == 0 || request.Timestamp >= windows[^1].Start + Window)
            {
                windows.Add((request.Timestamp, 0));
            }

            if (request.StatusCode != 429)
            {
                windows[^1] = (windows[^1].Start, windows[^1].Admitted + 1);
            }
        }

        return windows;
    }
}
