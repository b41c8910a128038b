using System.Diagnostics;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using WebApiSample.Simulator;

namespace WebApiSample.Dashboard;

/// <summary>
/// The dashboard's demo: queues many calls at once against the embedded simulator (and, optionally, starts a
/// 429 storm) so a person can watch the backlog fill, the pacing spend the rate budget and the suspensions.
/// One run at a time; it runs in the background and stops with the application.
/// </summary>
public sealed class DemoWorkload(
    IRoutingApi routing,
    EmbeddedSimulator simulator,
    IHostApplicationLifetime lifetime,
    ILogger<DemoWorkload> logger)
{
    public const int MaxCalls = 5_000;

    private readonly Lock _lock = new();
    private DemoStatus _status = DemoStatus.Idle;
    private int _completed;
    private int _failed;
    private int _stormAt;

    public bool IsAvailable => simulator.IsEnabled;

    public DemoStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status with { Completed = Volatile.Read(ref _completed), Failed = Volatile.Read(ref _failed) };
            }
        }
    }

    /// <summary>Starts a run unless one is running; returns the status and whether it started.</summary>
    public (bool Started, DemoStatus Status) TryStart(int calls, bool rateLimitStorm)
    {
        lock (_lock)
        {
            if (_status.Running)
            {
                return (false, Status);
            }

            _completed = 0;
            _failed = 0;

            // The storm starts when a fifth of the calls are done: the rest are still queued and meet it.
            _stormAt = rateLimitStorm ? Math.Max(1, calls / 5) : -1;
            _status = new DemoStatus(Running: true, Calls: calls, RateLimitStorm: rateLimitStorm, Completed: 0, Failed: 0);
        }

        _ = Task.Run(() => RunAsync(calls, rateLimitStorm, lifetime.ApplicationStopping));
        return (true, Status);
    }

    private async Task RunAsync(int calls, bool rateLimitStorm, CancellationToken cancellationToken)
    {
        Log.DemoStarted(logger, calls, rateLimitStorm);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var queueIds = new List<string>();
            await foreach (var queue in routing.GetRoutingQueuesPageableAsync(pageSize: 100).WithCancellation(cancellationToken))
            {
                if (queue.Id is { } id)
                {
                    queueIds.Add(id);
                }
            }

            // Every call is queued at once: the client's backlog, pacing and concurrency limit do the rest.
            await Task.WhenAll(Enumerable.Range(0, calls).Select(i => CallAsync(queueIds, i, cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The application is stopping.
        }
#pragma warning disable CA1031 // A background demo must not crash the host; the failure is logged and shown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DemoFailed(logger, exception);
        }
        finally
        {
            lock (_lock)
            {
                _status = _status with { Running = false };
            }

            Log.DemoEnded(logger, Volatile.Read(ref _completed), Volatile.Read(ref _failed), stopwatch.Elapsed.TotalSeconds);
        }
    }

    private async Task CallAsync(List<string> queueIds, int index, CancellationToken cancellationToken)
    {
        try
        {
            if (queueIds.Count == 0 || index % 5 == 4)
            {
                await routing.GetRoutingQueuesAsync(pageSize: 25, pageNumber: 1 + (index % 2), cancellationToken: cancellationToken);
            }
            else
            {
                var queueId = queueIds[index % queueIds.Count];
                if (index % 5 == 3)
                {
                    await routing.GetRoutingQueueMembersAsync(queueId, pageSize: 25, cancellationToken: cancellationToken);
                }
                else
                {
                    await routing.GetRoutingQueueAsync(queueId, cancellationToken: cancellationToken);
                }
            }

            Interlocked.Increment(ref _completed);
        }
        catch (GenesysCloudException)
        {
            Interlocked.Increment(ref _failed);
        }

        var stormAt = Volatile.Read(ref _stormAt);
        if (stormAt > 0 && Volatile.Read(ref _completed) + Volatile.Read(ref _failed) >= stormAt && Interlocked.Exchange(ref _stormAt, -1) > 0)
        {
            StartStorm();
        }
    }

    private void StartStorm()
    {
        // Every request, the token endpoint's included, gets 429 + Retry-After until the storm ends.
        if (simulator.Simulator is { } sim)
        {
            var duration = simulator.Settings.RateLimitStormDuration;
            sim.Faults.AddRateLimitStorm(duration);
            Log.DemoStorm(logger, duration.TotalSeconds);
        }
    }
}

/// <summary>The demo workload's progress.</summary>
public sealed record DemoStatus(bool Running, int Calls, bool RateLimitStorm, int Completed, int Failed)
{
    public static DemoStatus Idle { get; } = new(false, 0, false, 0, 0);
}
