using GenesysCloud.Extensions.Pipeline;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>A call queued in <see cref="RequestScheduler"/>: completes with the lane it may start on.</summary>
internal sealed class BacklogWaiter(RequestScheduler owner, LaneGroup group, PendingCall call, long enqueuedAt)
    : TaskCompletionSource<RateLane>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public RequestScheduler Owner { get; } = owner;

    public LaneGroup Group { get; } = group;

    public PendingCall Call { get; } = call;

    public long EnqueuedAt { get; } = enqueuedAt;

    public LinkedListNode<BacklogWaiter>? Node { get; set; }

    public RateLane? Lane { get; set; }

    public CancellationTokenRegistration Registration { get; set; }

    /// <summary>Ends every waiter of <paramref name="dropped"/> (already out of the backlog) with the error <paramref name="error"/> makes.</summary>
    public static void FailAll(List<BacklogWaiter> dropped, GenesysCloudDiagnostics diagnostics, TimeProvider time, Func<Exception> error)
    {
        var now = time.GetTimestamp();
        for (var i = 0; i < dropped.Count; i++)
        {
            var waiter = dropped[i];
            waiter.Registration.Dispose();
            diagnostics.BacklogRemoved(waiter.Call, dropped.Count - i - 1, time.GetElapsedTime(waiter.EnqueuedAt, now), started: false);
            waiter.TrySetException(error());
        }
    }

    /// <summary>Completes the waiters of <paramref name="ready"/> (dequeued, their start counted) with their lane; <paramref name="giveBack"/> frees the slot of one that was cancelled meanwhile.</summary>
    public static void StartAll(List<BacklogWaiter> ready, int backlog, GenesysCloudDiagnostics diagnostics, TimeProvider time, Action<BacklogWaiter> giveBack)
    {
        var now = time.GetTimestamp();
        for (var i = 0; i < ready.Count; i++)
        {
            var waiter = ready[i];
            waiter.Registration.Dispose();
            diagnostics.BacklogRemoved(waiter.Call, backlog + (ready.Count - i - 1), time.GetElapsedTime(waiter.EnqueuedAt, now), started: true);
            if (!waiter.TrySetResult(waiter.Lane!))
            {
                giveBack(waiter);
            }
        }
    }
}
