using System.Net;
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
/// timer (from <see cref="TimeProvider"/>) wakes the backlog when time, not a completion, is what it waits for.
/// </summary>
internal sealed class RequestScheduler : IDisposable
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly GenesysCloudRateLimitingOptions _options;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly List<LaneGroup> _waiting = [];
    private readonly ITimer _timer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;
    private bool _closed;
    private int _inFlight;
    private int _backlogCount;

    public RequestScheduler(TimeProvider time, GenesysCloudRateLimitingOptions options, GenesysCloudDiagnostics diagnostics, LaneGroup appGroup)
    {
        _time = time;
        _options = options;
        _diagnostics = diagnostics;
        App = appGroup;
        _timer = time.CreateTimer(static state => ((RequestScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
                var now = _time.GetUtcNow();
                var until = App.Lanes.Max(l => l.SuspendedUntil);
                return until > now ? until : null;
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
                return _timerDue == DateTimeOffset.MaxValue ? null : _timerDue;
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
                var known = App.Lanes.Where(l => l.Budget.IsKnown).ToList();
                return known.Count == 0 ? null : (known.Sum(l => l.Budget.Allowed), known.Sum(l => l.Budget.Remaining), known.Min(l => l.Budget.ResetAt));
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
        Waiter waiter;
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

            waiter = new Waiter(this, group, call, _time.GetTimestamp());
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
            waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Owner.Cancel((Waiter)state!, token), waiter);
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
        lock (_lock)
        {
            inFlight = --_inFlight;
            remaining = lane.OnEnd(response, sentAt, _time.GetUtcNow());
        }

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
        List<Waiter> dropped = [];
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
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timerDue = DateTimeOffset.MaxValue;
        }

        var now = _time.GetTimestamp();
        for (var i = 0; i < dropped.Count; i++)
        {
            var waiter = dropped[i];
            waiter.Registration.Dispose();
            _diagnostics.BacklogRemoved(waiter.Call, dropped.Count - i - 1, _time.GetElapsedTime(waiter.EnqueuedAt, now), started: false);
            waiter.TrySetException(ClosingError());
        }

        return dropped.Count;
    }

    public void Dispose() => _timer.Dispose();

    private static GenesysCloudCallAbortedException ClosingError() =>
        new(GenesysCloudErrorCodes.Closing, "The call was removed from the backlog because the client is closing.");

    private void Suspend(RateLane lane, TimeSpan delay, string source, bool pump)
    {
        bool started;
        (string Source, TimeSpan Length)? ended;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            ended = lane.EndSuspension(now);
            started = lane.Suspend(now, now + delay, source);
        }

        RecordEnded(lane, ended);
        if (started)
        {
            _diagnostics.SuspensionStarted(source, delay, lane.IdentityKind);
        }

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
        List<Waiter>? ready = null;
        List<(RateLane Lane, (string Source, TimeSpan Length) Episode)>? ended = null;
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
                EndSuspensions(App, now, ref ended);
            }

            var wake = TimeSpan.MaxValue;
            for (var g = 0; g < _waiting.Count; g++)
            {
                var group = _waiting[g];
                EndSuspensions(group, now, ref ended);

                while (group.Backlog.First is { } node && _inFlight < _options.MaxConcurrentRequests)
                {
                    var lane = group.Pick(now, out var delay);
                    if (lane is null)
                    {
                        if (delay is { } wait && wait < wake)
                        {
                            wake = wait;
                        }

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
                ArmTimerLocked(now, wake);
            }
        }

        if (ended is not null)
        {
            foreach (var (lane, episode) in ended)
            {
                RecordEnded(lane, episode);
            }
        }

        if (ready is null)
        {
            return;
        }

        var timestamp = _time.GetTimestamp();
        var remainingInBacklog = BacklogCount;
        for (var i = 0; i < ready.Count; i++)
        {
            var waiter = ready[i];
            waiter.Registration.Dispose();
            _diagnostics.BacklogRemoved(waiter.Call, remainingInBacklog + (ready.Count - i - 1), _time.GetElapsedTime(waiter.EnqueuedAt, timestamp), started: true);
            if (!waiter.TrySetResult(waiter.Lane!))
            {
                // Cancelled between being dequeued and completed: give the slot back.
                Release(waiter.Call, waiter.Lane!, null, default);
            }
        }
    }

    private static void EndSuspensions(LaneGroup group, DateTimeOffset now, ref List<(RateLane Lane, (string Source, TimeSpan Length) Episode)>? ended)
    {
        foreach (var lane in group.Lanes)
        {
            if (lane.EndSuspension(now) is { } episode)
            {
                (ended ??= []).Add((lane, episode));
            }
        }
    }

    private void ArmTimerLocked(DateTimeOffset now, TimeSpan delay)
    {
        var due = now + delay;
        if (due >= _timerDue && _timerDue > now)
        {
            return;
        }

        _timerDue = due;
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            _timerDue = DateTimeOffset.MaxValue;
        }

        Pump();
    }

    private void Cancel(Waiter waiter, CancellationToken token)
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

    private void RecordEnded(RateLane lane, (string Source, TimeSpan Length)? ended)
    {
        if (ended is { } episode)
        {
            _diagnostics.SuspensionEnded(episode.Source, episode.Length, lane.IdentityKind);
        }
    }

    /// <summary>A queued call: completes with the lane it may start on.</summary>
    internal sealed class Waiter(RequestScheduler owner, LaneGroup group, PendingCall call, long enqueuedAt) : TaskCompletionSource<RateLane>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public RequestScheduler Owner { get; } = owner;

        public LaneGroup Group { get; } = group;

        public PendingCall Call { get; } = call;

        public long EnqueuedAt { get; } = enqueuedAt;

        public LinkedListNode<Waiter>? Node { get; set; }

        public RateLane? Lane { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
