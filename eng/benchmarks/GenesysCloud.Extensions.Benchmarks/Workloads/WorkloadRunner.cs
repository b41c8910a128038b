using System.Diagnostics;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>
/// The four workloads of the performance issue, each in <c>Adaptive</c> and in <c>Fixed</c> mode, against a fresh
/// simulator on real time (fresh token, fresh budget).
/// </summary>
public sealed class WorkloadRunner(WorkloadOptions options, TextWriter log)
{
    private IReadOnlyList<string> _queueIds = [];

    public async Task<IReadOnlyList<WorkloadResult>> RunAllAsync(IReadOnlyCollection<string>? only = null, IReadOnlyCollection<GenesysCloudPacingMode>? modes = null)
    {
        _queueIds = await ReadQueueIdsAsync();
        var results = new List<WorkloadResult>();
        foreach (var mode in new[] { GenesysCloudPacingMode.Adaptive, GenesysCloudPacingMode.Fixed })
        {
            if (modes is { Count: > 0 } && !modes.Contains(mode))
            {
                continue;
            }

            if (Selected(only, "W1"))
            {
                results.Add(Logged(await QueueRosterAsync(mode)));
            }

            if (Selected(only, "W2"))
            {
                results.Add(Logged(await BulkAsync(mode)));
            }

            if (Selected(only, "W3"))
            {
                results.Add(Logged(await BurstAsync(mode)));
            }

            if (Selected(only, "W4"))
            {
                results.Add(Logged(await BacklogAsync(mode)));
            }

            if (mode == GenesysCloudPacingMode.Adaptive && Selected(only, "W5"))
            {
                // A token pool is an Adaptive feature: each token's budget is learned from its own answers.
                results.Add(Logged(await PoolAsync()));
            }
        }

        return results;
    }

    private static bool Selected(IReadOnlyCollection<string>? only, string workload) =>
        only is null || only.Count == 0 || only.Contains(workload, StringComparer.OrdinalIgnoreCase);

    private WorkloadResult Logged(WorkloadResult result)
    {
        log.WriteLine(
            $"  {result.Workload,-22} {result.Mode,-9} calls {result.Completed}/{result.Calls}, errors {result.Errors}, " +
            $"429s {result.TooManyRequests}, wall {result.WallSeconds:F2} s" +
            (result.BoundSeconds is { } b ? $", {result.BoundName} {b:F2} s (x{result.WallToBound:F2})" : string.Empty));
        foreach (var sample in result.ErrorSamples)
        {
            log.WriteLine($"      error: {sample}");
        }

        return result;
    }

    // The seeded organization is the same for the same seed, so the ids come from a separate simulator and every
    // workload's first call is its own.
    private async Task<IReadOnlyList<string>> ReadQueueIdsAsync()
    {
        await using var session = await ClientSession.StartAsync(s => { s.Seed = options.Seed; s.RateLimit = null; }, _ => { });
        var queues = await session.Routing.GetRoutingQueuesPageableAsync(pageSize: 100).ToListAsync();

        // Warm-up (JIT, connection pool code paths): the whole roster once, and a few single GETs.
        await Task.WhenAll(queues.Select(q => session.Routing.GetRoutingQueueMembersPageableAsync(q.Id!, pageSize: options.RosterPageSize).ToListAsync()));
        await Task.WhenAll(queues.Select(q => session.Routing.GetRoutingQueueAsync(q.Id!)));
        return [.. queues.Select(q => q.Id!)];
    }

    private Action<GenesysCloudSimulatorOptions> Simulator(int? rateLimit, TimeSpan window, bool latency = true) => s =>
    {
        s.Seed = options.Seed;
        s.RateLimit = rateLimit;
        s.RateWindow = window;
        if (latency)
        {
            s.MinLatency = options.MinLatency;
            s.MaxLatency = options.MaxLatency;
        }
    };

    private static Action<GenesysCloudOptions> Client(GenesysCloudPacingMode mode, TimeSpan spacing) => o =>
    {
        o.RateLimiting.Mode = mode;
        o.RateLimiting.TimeBetweenRequests = spacing;
    };

    private static string ModeSetup(GenesysCloudPacingMode mode, TimeSpan spacing) =>
        mode == GenesysCloudPacingMode.Fixed ? $"Fixed {spacing.TotalMilliseconds:0.#} ms" : "Adaptive";

    private double MeanLatencySeconds => (options.MinLatency + options.MaxLatency).TotalSeconds / 2;

    /// <summary>W1: every queue and all its members through the paging helpers, the queues' members concurrently.</summary>
    private async Task<WorkloadResult> QueueRosterAsync(GenesysCloudPacingMode mode)
    {
        var spacing = options.FixedSpacing;
        await using var session = await ClientSession.StartAsync(Simulator(options.RateLimit, options.RateWindow), Client(mode, spacing));
        var result = new WorkloadResult
        {
            Workload = "W1 queue roster",
            Mode = mode.ToString(),
            Setup = $"{ModeSetup(mode, spacing)}; {options.RateLimit}/{options.RateWindow.TotalSeconds:0} s; page size {options.RosterPageSize}",
            Calls = 0,
        };

        var stopwatch = Stopwatch.StartNew();
        var members = 0;
        var queues = 0;
        try
        {
            var all = await session.Routing.GetRoutingQueuesPageableAsync(pageSize: options.RosterPageSize).ToListAsync();
            queues = all.Count;
            var lists = await Task.WhenAll(all.Select(q =>
                session.Routing.GetRoutingQueueMembersPageableAsync(q.Id!, pageSize: options.RosterPageSize).ToListAsync()));
            members = lists.Sum(l => l.Count);
        }
        catch (Exception ex)
        {
            result.Errors++;
            result.ErrorSamples.Add(ex.GetType().Name + ": " + ex.Message);
        }

        result.WallSeconds = stopwatch.Elapsed.TotalSeconds;
        var inspector = session.Simulator.Inspector;
        var listPages = inspector.GetOperationCount("getRoutingQueues");
        var memberPages = inspector.GetOperationCount("getRoutingQueueMembers");

        // Sequential round trips: the queue list's pages, then the longest chain of one queue's member pages.
        var longestChain = inspector.Requests
            .Where(r => r.Operation == "getRoutingQueueMembers" && r.StatusCode == 200)
            .GroupBy(r => r.Path, StringComparer.Ordinal)
            .Select(g => g.Count())
            .DefaultIfEmpty(0)
            .Max();
        var roundTrips = listPages + longestChain;
        if (Environment.GetEnvironmentVariable("GC_BENCH_TRACE") == "1")
        {
            var t0 = inspector.Requests[0].Timestamp;
            foreach (var r in inspector.Requests)
            {
                log.WriteLine($"    {(r.Timestamp - t0).TotalMilliseconds,8:F1} ms {r.StatusCode} {r.RawTarget}");
            }
        }

        result.Calls = listPages + memberPages;
        result.Completed = result.Errors == 0 ? result.Calls : 0;
        result.ServerRequests = inspector.TotalRequests;
        result.TooManyRequests = inspector.TooManyRequestsSent;
        result.BoundName = "critical path";
        result.BoundSeconds = roundTrips * MeanLatencySeconds;
        result.Metrics["queues"] = queues;
        result.Metrics["members"] = members;
        result.Metrics["sequentialRoundTrips"] = roundTrips;
        result.Metrics["expectedQueues"] = _queueIds.Count;
        result.Metrics["meanLatencySeconds"] = MeanLatencySeconds;
        if (queues != _queueIds.Count && result.Errors == 0)
        {
            result.Errors++;
            result.ErrorSamples.Add($"{queues} queues read, {_queueIds.Count} expected");
        }

        return result;
    }

    /// <summary>W2: many single-entity GETs at once against a time-scaled window; how much of the allowed rate is used.</summary>
    private async Task<WorkloadResult> BulkAsync(GenesysCloudPacingMode mode)
    {
        // The original's 200 ms is exactly the spacing of 300 per 60 s; at the scaled window the same rule gives W/B.
        var spacing = options.BulkWindow / options.BulkWindowBudget;
        await using var session = await ClientSession.StartAsync(Simulator(options.BulkWindowBudget, options.BulkWindow), Client(mode, spacing));
        var result = new WorkloadResult
        {
            Workload = "W2 bulk",
            Mode = mode.ToString(),
            Setup = $"{ModeSetup(mode, spacing)}; {options.BulkWindowBudget}/{options.BulkWindow.TotalSeconds:0.#} s",
            Calls = options.BulkCalls,
        };

        result.WallSeconds = await RunGetsAsync(session, options.BulkCalls, result);

        // The connect probe (GET /api/v2/tokens/me, which tells the client its budget) opened the first window and took
        // one of its starts, in both modes: the calls need the windows of calls + 1 requests.
        var windows = Math.Ceiling((double)(options.BulkCalls + 1) / options.BulkWindowBudget);
        result.Metrics["windowsWithoutTheProbe"] = Math.Ceiling((double)options.BulkCalls / options.BulkWindowBudget);

        // The fastest legal schedule: a full window, then one window per further budget (fixed windows from the
        // first request), plus one round trip.
        result.BoundName = "allowed-rate time";
        result.BoundSeconds = ((windows - 1) * options.BulkWindow.TotalSeconds) + MeanLatencySeconds;
        result.Metrics["windows"] = windows;
        result.Metrics["allowedRatePerSecond"] = options.BulkWindowBudget / options.BulkWindow.TotalSeconds;
        result.Metrics["achievedRatePerSecond"] = result.Completed / result.WallSeconds;
        result.Metrics["fractionOfAllowedRate"] = result.BoundSeconds.Value / result.WallSeconds;
        result.Metrics["tooManyRequestsPerTenWindows"] = result.TooManyRequests * 10 / windows;
        return result;
    }

    /// <summary>
    /// W5: W2's bulk with a pool of <see cref="WorkloadOptions.PoolSize"/> client-credentials tokens, each with the same
    /// per-token budget: the fastest legal schedule is the pool's windows, so it should take about 1/pool of W2.
    /// </summary>
    private async Task<WorkloadResult> PoolAsync()
    {
        var pool = options.PoolSize;
        var budget = options.BulkWindowBudget;
        await using var session = await ClientSession.StartAsync(
            Simulator(budget, options.BulkWindow),
            o =>
            {
                Client(GenesysCloudPacingMode.Adaptive, options.BulkWindow / budget)(o);
                o.TokenPoolSize = pool;
            });
        var result = new WorkloadResult
        {
            Workload = "W5 bulk, token pool",
            Mode = GenesysCloudPacingMode.Adaptive.ToString(),
            Setup = $"Adaptive, TokenPoolSize {pool}; {budget}/{options.BulkWindow.TotalSeconds:0.#} s per token",
            Calls = options.BulkCalls,
        };

        result.WallSeconds = await RunGetsAsync(session, options.BulkCalls, result);
        // Each token's connect probe took one start of its first window.
        var windows = Math.Ceiling(((double)options.BulkCalls / pool + 1) / budget);
        result.BoundName = "allowed-rate time";
        result.BoundSeconds = ((windows - 1) * options.BulkWindow.TotalSeconds) + MeanLatencySeconds;
        result.Metrics["tokens"] = pool;
        result.Metrics["windows"] = windows;
        result.Metrics["tooManyRequestsPerTokenPerTenWindows"] = result.TooManyRequests * 10 / windows / pool;
        return result;
    }

    /// <summary>W3: a burst that fits in one window; the bound is one round trip per batch of MaxConcurrentRequests.</summary>
    private async Task<WorkloadResult> BurstAsync(GenesysCloudPacingMode mode)
    {
        var spacing = options.FixedSpacing;
        await using var session = await ClientSession.StartAsync(Simulator(options.RateLimit, options.RateWindow), Client(mode, spacing));
        var result = new WorkloadResult
        {
            Workload = "W3 burst under budget",
            Mode = mode.ToString(),
            Setup = $"{ModeSetup(mode, spacing)}; {options.RateLimit}/{options.RateWindow.TotalSeconds:0} s",
            Calls = options.BurstCalls,
        };

        result.WallSeconds = await RunGetsAsync(session, options.BurstCalls, result);
        var cap = new GenesysCloudRateLimitingOptions().MaxConcurrentRequests;
        var batches = Math.Ceiling((double)options.BurstCalls / cap);
        result.BoundName = "latency bound";
        result.BoundSeconds = batches * MeanLatencySeconds;
        result.Metrics["batches"] = batches;
        result.Metrics["maxConcurrentRequests"] = cap;
        result.Metrics["meanLatencySeconds"] = MeanLatencySeconds;
        result.Metrics["maxConcurrentAtServer"] = session.Simulator.Inspector.MaxConcurrentRequests;
        return result;
    }

    /// <summary>W4: a huge backlog at once, no latency, no budget: memory per queued call, threads, completion.</summary>
    private async Task<WorkloadResult> BacklogAsync(GenesysCloudPacingMode mode)
    {
        var calls = mode == GenesysCloudPacingMode.Fixed ? options.FixedBacklogCalls : options.BacklogCalls;
        var spacing = options.FixedBacklogSpacing;
        await using var session = await ClientSession.StartAsync(Simulator(null, options.RateWindow, latency: false), Client(mode, spacing));
        var client = session.Host.Services.GetRequiredService<IGenesysCloudClient>();
        var result = new WorkloadResult
        {
            Workload = "W4 backlog",
            Mode = mode.ToString(),
            Setup = $"{ModeSetup(mode, spacing)}; no budget, no latency; {calls:N0} calls",
            Calls = calls,
        };

        // Warm the connection pool and the JIT so the baseline is not the first call's cost.
        await session.Routing.GetRoutingQueueAsync(_queueIds[0]);
        var tasks = new Task[calls];
        var ids = _queueIds;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var threadsBefore = ThreadPool.ThreadCount;
        var processThreadsBefore = Process.GetCurrentProcess().Threads.Count;
        using var sampler = new ResourceSampler();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            tasks[i] = session.Routing.GetRoutingQueueAsync(ids[i % ids.Count]);
        }

        var enqueueSeconds = stopwatch.Elapsed.TotalSeconds;
        var backlog = client.BacklogCount;
        var inFlight = client.InFlightCount;
        var queuedMemory = GC.GetTotalMemory(forceFullCollection: true);
        await WaitAllAsync(tasks, result);
        result.WallSeconds = stopwatch.Elapsed.TotalSeconds;
        sampler.Stop();

        result.ServerRequests = session.Simulator.Inspector.TotalRequests;
        result.TooManyRequests = session.Simulator.Inspector.TooManyRequestsSent;
        var outstanding = Math.Max(1, backlog + inFlight);
        result.Metrics["enqueueSeconds"] = enqueueSeconds;
        result.Metrics["backlogAfterEnqueue"] = backlog;
        result.Metrics["bytesPerQueuedCall"] = (double)(queuedMemory - baseline) / outstanding;
        result.Metrics["peakManagedBytes"] = Math.Max(sampler.PeakManagedBytes, queuedMemory);
        result.Metrics["peakWorkingSetBytes"] = sampler.PeakWorkingSetBytes;
        result.Metrics["threadPoolThreadsBefore"] = threadsBefore;
        result.Metrics["threadPoolThreadsPeak"] = sampler.PeakThreadPoolThreads;
        result.Metrics["processThreadsBefore"] = processThreadsBefore;
        result.Metrics["processThreadsPeak"] = sampler.PeakProcessThreads;
        result.Metrics["callsPerSecond"] = result.Completed / result.WallSeconds;
        return result;
    }

    private async Task<double> RunGetsAsync(ClientSession session, int calls, WorkloadResult result)
    {
        var ids = _queueIds;
        var tasks = new Task[calls];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            tasks[i] = session.Routing.GetRoutingQueueAsync(ids[i % ids.Count]);
        }

        await WaitAllAsync(tasks, result);
        var wall = stopwatch.Elapsed.TotalSeconds;
        result.ServerRequests = session.Simulator.Inspector.TotalRequests;
        result.TooManyRequests = session.Simulator.Inspector.TooManyRequestsSent;
        return wall;
    }

    private static async Task WaitAllAsync(Task[] tasks, WorkloadResult result)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            // Counted below, per call.
        }

        foreach (var task in tasks)
        {
            if (task.IsCompletedSuccessfully)
            {
                result.Completed++;
            }
            else
            {
                result.Errors++;
                if (result.ErrorSamples.Count < 3)
                {
                    var ex = task.Exception?.InnerException;
                    result.ErrorSamples.Add(ex is null ? "cancelled" : ex.GetType().Name + ": " + ex.Message);
                }
            }
        }
    }
}
