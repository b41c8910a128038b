using System.Net;
using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Pipeline;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The one place that decides when an attempt may start. Calls wait here as small records, in FIFO order per identity
/// (a call that already started — a retry or a re-send after a 429 — goes to the head), for a start slot on one of their
/// identity's lanes (<see cref="RateLane"/>: one per token). A slot is granted when the client's concurrency cap, the
/// lane's rate-limit suspension and the pacing mode allow it:
/// <list type="bullet">
/// <item><b>Adaptive</b>: once a token's budget is known (at connect, or from a new token's first answer), start as many
/// calls at once as its window's remaining budget allows, then wait for the window's reset (see
/// <see cref="RateBudget"/>). While the budget is unknown, one probe at a time. Answers without budget headers mean no
/// budget (only the concurrency cap applies).</item>
/// <item><b>Fixed</b>: at most one start per <c>TimeBetweenRequests</c> per token (the original client's pacing).</item>
/// </list>
/// Every answer passes through <see cref="Release"/>, which learns the budget and, on a 429, suspends the token's lane
/// before the slot is freed, so no queued call starts into the limit that was just hit; other tokens' calls go on. One
/// <see cref="WakeTimer"/> wakes the backlog when time, not a completion, is what it waits for.
/// In a fleet (<see cref="IGenesysCloudRateCoordinator.IsShared"/>), a lane of the client's own identity with a known budget
/// also starts only within the starts it reserved from the fleet's window (<see cref="FleetAllowance"/>, reserved by
/// <see cref="FleetGate"/> outside the lock), and a 429 here or elsewhere in the fleet suspends the token on every replica.
/// </summary>
internal sealed class RequestScheduler : IDisposable
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly GenesysCloudRateLimitingOptions _options;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly List<LaneGroup> _waiting = [];
    private readonly WakeTimer _timer;
    private readonly FleetGate _fleet;
    private readonly LaneSuspensions _suspensions;
    private bool _closed;
    private int _inFlight;
    private int _backlogCount;

    public RequestScheduler(TimeProvider time, GenesysCloudRateLimitingOptions options, GenesysCloudDiagnostics diagnostics, LaneGroup appGroup)
    {
        _time = time;
        _options = options;
        _diagnostics = diagnostics;
        App = appGroup;
        _timer = new WakeTimer(time, _lock, Pump);
        _suspensions = new LaneSuspensions(_lock, time, diagnostics);
        _fleet = new FleetGate(_lock, time, _suspensions, appGroup, Pump);
    }

    /// <summary>Gets the lanes of the client's own identity (one token, or the tokens of the pool).</summary>
    public LaneGroup App { get; }

    public int BacklogCount => Volatile.Read(ref _backlogCount);

    public int InFlightCount => Volatile.Read(ref _inFlight);

    /// <summary>Gets the instant the suspension of the client's own token ends (the latest of a pool), or <see langword="null"/>.</summary>
    public DateTimeOffset? SuspendedUntil
    {
        get
        {
            lock (_lock)
            {
                return App.SuspendedUntil(_time.GetUtcNow());
            }
        }
    }

    /// <summary>Gets when the scheduler's timer will next wake the backlog, or <see langword="null"/> when it is not armed.</summary>
    internal DateTimeOffset? TimerDue
    {
        get
        {
            lock (_lock)
            {
                return _timer.Due;
            }
        }
    }

    /// <summary>Gets the budget left in the current window of the client's own token(s), when the server has told it.</summary>
    public (int Allowed, int Remaining, DateTimeOffset ResetAt)? Budget
    {
        get
        {
            lock (_lock)
            {
                return App.Budget;
            }
        }
    }

    /// <summary>
    /// Waits for a start slot on one of the call's lanes. <paramref name="first"/> puts the call at the head of its
    /// identity's backlog. A call cancelled while waiting leaves the backlog at once and consumes no budget.
    /// </summary>
    /// <returns>The lane the attempt runs on; <see cref="Release"/> must follow.</returns>
    public Task<RateLane> AcquireAsync(PendingCall call, bool first, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var group = call.Lanes ?? App;
        BacklogWaiter waiter;
        int size;
        lock (_lock)
        {
            if (_closed)
            {
                throw ClosingError();
            }

            var now = _time.GetUtcNow();
            if (group.Backlog.Count == 0 && _inFlight < _options.MaxConcurrentRequests && group.Pick(now, out _) is { } lane)
            {
                StartLocked(call, lane, now);
                return lane.Started;
            }

            if (!first && _options.MaxBacklog is { } max && _backlogCount >= max)
            {
                throw new GenesysCloudCallAbortedException(
                    GenesysCloudErrorCodes.BacklogFull,
                    $"The backlog is full ({max} calls, RateLimiting:MaxBacklog); the call was not queued.");
            }

            waiter = new BacklogWaiter(this, group, call, _time.GetTimestamp());
            waiter.Node = first ? group.Backlog.AddFirst(waiter) : group.Backlog.AddLast(waiter);
            size = ++_backlogCount;
            if (!group.Listed)
            {
                group.Listed = true;
                _waiting.Add(group);
            }
        }

        _diagnostics.BacklogAdded(call, size);
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((BacklogWaiter)state!).Owner.Cancel((BacklogWaiter)state!, token), waiter);
        }

        Pump();
        return waiter.Task;
    }

    /// <summary>
    /// Ends an attempt that was sent on <paramref name="lane"/> at <paramref name="sentAt"/>: learns the budget from the
    /// answer's headers, on a 429 suspends the lane (<c>Retry-After</c>, else <c>inin-ratelimit-reset</c>, else
    /// <c>RateLimiting:DefaultRetryAfter</c>), then frees the slot.
    /// </summary>
    public void Release(PendingCall? call, RateLane lane, HttpResponseMessage? response, DateTimeOffset sentAt)
    {
        if (response is not null && response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Suspend before the slot is released: releasing first would let the next call start into the limit.
            Suspend(lane, RetryAfter.GetRateLimitDelay(response, _time) ?? _options.DefaultRetryAfter, GenesysCloudTelemetryNames.RateLimitSourceApi, pump: false);
        }

        int inFlight;
        int? remaining;
        RateObservation? observation;
        lock (_lock)
        {
            inFlight = --_inFlight;
            remaining = lane.OnEnd(response, sentAt, _time.GetUtcNow(), out observation);
        }

        FleetGate.Observe(lane, observation);
        _diagnostics.InFlightChanged(call, inFlight, added: false);
        if (remaining is { } left && lane.IdentityKind == GenesysCloudTelemetryNames.IdentityApp)
        {
            _diagnostics.BudgetObserved(lane.Index, left);
        }

        Pump();
    }

    /// <summary>
    /// Suspends every start on <paramref name="lane"/> until <paramref name="delay"/> has passed. A rate limit during a
    /// suspension extends it: one episode is counted when it starts and its whole length is recorded when it ends.
    /// </summary>
    public void Suspend(RateLane lane, TimeSpan delay, string source) => Suspend(lane, delay, source, pump: true);

    /// <summary>Forgets a lane's budget: a new access token has a window of its own, learned from its first answers.</summary>
    public void ForgetBudget(RateLane lane)
    {
        lock (_lock)
        {
            lane.ForgetBudget();
        }

        Pump();
    }

    /// <summary>Ends every call still in the backlog with <see cref="GenesysCloudErrorCodes.Closing"/> and refuses new ones.</summary>
    /// <returns>The number of calls ended.</returns>
    public int Close()
    {
        List<BacklogWaiter> dropped = [];
        lock (_lock)
        {
            _closed = true;
            foreach (var group in _waiting)
            {
                foreach (var waiter in group.Backlog)
                {
                    waiter.Node = null;
                    dropped.Add(waiter);
                }

                group.Backlog.Clear();
                group.Listed = false;
            }

            _waiting.Clear();
            _backlogCount = 0;
            _timer.Stop();
        }

        BacklogWaiter.FailAll(dropped, _diagnostics, _time, ClosingError);
        return dropped.Count;
    }

    public void Dispose() => _timer.Dispose();

    private static GenesysCloudCallAbortedException ClosingError() =>
        new(GenesysCloudErrorCodes.Closing, "The call was removed from the backlog because the client is closing.");

    private void Suspend(RateLane lane, TimeSpan delay, string source, bool pump, bool fromFleet = false)
    {
        _suspensions.Suspend(lane, delay, source, fromFleet);
        if (pump)
        {
            Pump();
        }
    }

    private void StartLocked(PendingCall call, RateLane lane, DateTimeOffset now)
    {
        var inFlight = ++_inFlight;
        lane.OnStart(now);
        _diagnostics.InFlightChanged(call, inFlight, added: true);
    }

    private void Pump()
    {
        List<BacklogWaiter>? ready = null;
        List<(RateLane Lane, (string Source, TimeSpan Length) Episode)>? ended = null;
        List<(RateLane Lane, int Wanted)>? reservations = null;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_closed)
            {
                return;
            }

            // Suspension episodes end when their deadline has passed, whenever the scheduler notices: those of the
            // client's own lanes even while nothing waits, so the episode's length is recorded.
            if (!App.Listed)
            {
                LaneSuspensions.EndLocked(App, now, ref ended);
            }

            var wake = TimeSpan.MaxValue;
            for (var g = 0; g < _waiting.Count; g++)
            {
                var group = _waiting[g];
                LaneSuspensions.EndLocked(group, now, ref ended);

                while (group.Backlog.First is { } node && _inFlight < _options.MaxConcurrentRequests)
                {
                    var lane = group.Pick(now, out var delay);
                    if (lane is null)
                    {
                        if (delay is { } wait && wait < wake)
                        {
                            wake = wait;
                        }

                        FleetGate.CollectLocked(group, now, ref reservations);
                        break;
                    }

                    group.Backlog.RemoveFirst();
                    _backlogCount--;
                    node.Value.Node = null;
                    node.Value.Lane = lane;
                    StartLocked(node.Value.Call, lane, now);
                    (ready ??= []).Add(node.Value);
                }

                if (group.Backlog.Count == 0)
                {
                    group.Listed = false;
                    _waiting.RemoveAt(g--);
                }
            }

            if (wake != TimeSpan.MaxValue)
            {
                _timer.Arm(now, wake);
            }
        }

        if (reservations is not null)
        {
            _fleet.Reserve(reservations);
        }

        _suspensions.Record(ended);

        if (ready is null)
        {
            return;
        }

        // A waiter cancelled between being dequeued and completed gives its slot back.
        BacklogWaiter.StartAll(ready, BacklogCount, _diagnostics, _time, w => Release(w.Call, w.Lane!, null, default));
    }

    private void Cancel(BacklogWaiter waiter, CancellationToken token)
    {
        int size;
        lock (_lock)
        {
            if (waiter.Node is null)
            {
                return;
            }

            waiter.Group.Backlog.Remove(waiter.Node);
            waiter.Node = null;
            size = --_backlogCount;
        }

        _diagnostics.BacklogRemoved(waiter.Call, size, _time.GetElapsedTime(waiter.EnqueuedAt), started: false);
        waiter.TrySetCanceled(token);
        Pump();
    }
}
