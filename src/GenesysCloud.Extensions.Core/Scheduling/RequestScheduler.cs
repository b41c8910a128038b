using System.Net;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Pipeline;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The one place that decides when an attempt may start. Calls wait here as small records, in FIFO order (a call
/// that already started — a retry or a re-send after a 429 — goes to the head), for a start slot. A slot is granted
/// when the concurrency cap, a rate-limit suspension and the pacing mode allow it:
/// <list type="bullet">
/// <item><b>Adaptive</b>: once the budget is known (at connect, or from a new token's first answer), start as many
/// calls at once as the window's remaining budget allows, then wait for the window's reset (see
/// <see cref="RateBudget"/>). While the budget is unknown, one probe at a time. Answers without budget headers mean
/// no budget (only the concurrency cap applies).</item>
/// <item><b>Fixed</b>: at most one start per <c>TimeBetweenRequests</c> (the original client's pacing).</item>
/// </list>
/// Every answer passes through <see cref="Release"/>, which learns the budget and, on a 429, suspends every start
/// before the slot is freed, so no queued call starts into the limit that was just hit. One timer (from
/// <see cref="TimeProvider"/>) wakes the backlog when time, not a completion, is what it waits for.
/// </summary>
internal sealed class RequestScheduler : IDisposable
{
    private readonly object _lock = new();
    private readonly LinkedList<Waiter> _backlog = new();
    private readonly TimeProvider _time;
    private readonly GenesysCloudRateLimitingOptions _options;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly RateBudget _budget = new();
    private readonly ITimer _timer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;
    private DateTimeOffset _suspendedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset? _suspensionStart;
    private string _suspensionSource = GenesysCloudTelemetryNames.RateLimitSourceApi;
    private DateTimeOffset _nextFixedStart = DateTimeOffset.MinValue;
    private bool _budgetHeadersAbsent;
    private bool _closed;
    private int _inFlight;

    public RequestScheduler(TimeProvider time, GenesysCloudRateLimitingOptions options, GenesysCloudDiagnostics diagnostics)
    {
        _time = time;
        _options = options;
        _diagnostics = diagnostics;
        _timer = time.CreateTimer(static state => ((RequestScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int BacklogCount
    {
        get
        {
            lock (_lock)
            {
                return _backlog.Count;
            }
        }
    }

    public int InFlightCount => Volatile.Read(ref _inFlight);

    /// <summary>Gets the instant the current rate-limit suspension ends, or <see langword="null"/> when not suspended.</summary>
    public DateTimeOffset? SuspendedUntil
    {
        get
        {
            lock (_lock)
            {
                return _suspendedUntil > _time.GetUtcNow() ? _suspendedUntil : null;
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

    /// <summary>Gets the budget left in the current window, when the server has told it.</summary>
    public (int Allowed, int Remaining, DateTimeOffset ResetAt)? Budget
    {
        get
        {
            lock (_lock)
            {
                return _budget.IsKnown ? (_budget.Allowed, _budget.Remaining, _budget.ResetAt) : null;
            }
        }
    }

    /// <summary>
    /// Waits for a start slot. <paramref name="first"/> puts the call at the head of the backlog (a call that already
    /// started goes before every call queued after it). A call cancelled while waiting leaves the backlog at once and
    /// consumes no budget.
    /// </summary>
    /// <returns>A task that completes when the slot is granted; <see cref="Release"/> must follow.</returns>
    public Task AcquireAsync(PendingCall call, bool first, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        int size;
        lock (_lock)
        {
            if (_closed)
            {
                throw ClosingError();
            }

            var now = _time.GetUtcNow();
            if (_backlog.Count == 0 && NextStartDelay(now) == TimeSpan.Zero)
            {
                StartLocked(call, now);
                return Task.CompletedTask;
            }

            if (!first && _options.MaxBacklog is { } max && _backlog.Count >= max)
            {
                throw new GenesysCloudCallAbortedException(
                    GenesysCloudErrorCodes.BacklogFull,
                    $"The backlog is full ({max} calls, RateLimiting:MaxBacklog); the call was not queued.");
            }

            waiter = new Waiter(this, call, _time.GetTimestamp());
            waiter.Node = first ? _backlog.AddFirst(waiter) : _backlog.AddLast(waiter);
            size = _backlog.Count;
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
    /// Ends an attempt that was sent at <paramref name="sentAt"/>: learns the budget from the answer's headers, on a
    /// 429 suspends every start (<c>Retry-After</c>, else <c>inin-ratelimit-reset</c>, else
    /// <c>RateLimiting:DefaultRetryAfter</c>), then frees the slot.
    /// </summary>
    /// <returns>The suspension a 429 asked for, or <see langword="null"/>.</returns>
    public TimeSpan? Release(PendingCall? call, HttpResponseMessage? response, DateTimeOffset sentAt)
    {
        TimeSpan? suspension = null;
        if (response is not null && response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Suspend before the slot is released: releasing first would let the next call start into the limit.
            suspension = RetryAfter.GetRateLimitDelay(response, _time) ?? _options.DefaultRetryAfter;
            Suspend(suspension.Value, GenesysCloudTelemetryNames.RateLimitSourceApi, pump: false);
        }

        int inFlight;
        int? remaining = null;
        lock (_lock)
        {
            inFlight = --_inFlight;
            if (response is not null && _options.Mode == GenesysCloudPacingMode.Adaptive)
            {
                var observed = _budget.Observe(response, sentAt, _time.GetUtcNow());
                if (!observed && !_budget.IsKnown && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    _budgetHeadersAbsent = true;
                }

                remaining = _budget.IsKnown ? _budget.Remaining : null;
            }
        }

        _diagnostics.InFlightChanged(call, inFlight, added: false);
        if (remaining is { } left)
        {
            _diagnostics.BudgetObserved(left);
        }

        Pump();
        return suspension;
    }

    /// <summary>
    /// Suspends every start until <paramref name="delay"/> has passed. A rate limit that arrives while a suspension is
    /// running extends it rather than starting another: one episode is counted when it starts and its whole length
    /// is recorded when it ends.
    /// </summary>
    public void Suspend(TimeSpan delay, string source) => Suspend(delay, source, pump: true);

    /// <summary>Forgets the budget: a new access token has a window of its own, learned from its first answers.</summary>
    public void ForgetBudget()
    {
        lock (_lock)
        {
            _budget.Forget();
            _budgetHeadersAbsent = false;
        }

        Pump();
    }

    /// <summary>Ends every call still in the backlog with <see cref="GenesysCloudErrorCodes.Closing"/> and refuses new ones.</summary>
    /// <returns>The number of calls ended.</returns>
    public int Close()
    {
        List<Waiter> dropped;
        lock (_lock)
        {
            _closed = true;
            dropped = [.. _backlog];
            _backlog.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timerDue = DateTimeOffset.MaxValue;
            foreach (var waiter in dropped)
            {
                waiter.Node = null;
            }
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Suspend(TimeSpan delay, string source, bool pump)
    {
        bool started;
        (string Source, TimeSpan Length)? ended;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            ended = EndSuspensionLocked(now);
            var until = now + delay;
            started = _suspensionStart is null;
            if (started)
            {
                _suspensionStart = now;
                _suspensionSource = source;
            }

            if (until > _suspendedUntil)
            {
                _suspendedUntil = until;
            }
        }

        RecordEnded(ended);
        if (started)
        {
            _diagnostics.SuspensionStarted(source, delay);
        }

        if (pump)
        {
            Pump();
        }
    }

    // How long until the next start may happen: zero now, a delay for the timer, or null when only a completion can
    // free a start (the concurrency cap, or the probe of an unknown budget).
    private TimeSpan? NextStartDelay(DateTimeOffset now)
    {
        if (_inFlight >= _options.MaxConcurrentRequests)
        {
            return null;
        }

        if (_suspendedUntil > now)
        {
            return _suspendedUntil - now;
        }

        if (_options.Mode == GenesysCloudPacingMode.Fixed)
        {
            return _nextFixedStart > now ? _nextFixedStart - now : TimeSpan.Zero;
        }

        if (_budgetHeadersAbsent)
        {
            return TimeSpan.Zero;
        }

        _budget.Roll(now);
        if (!_budget.IsKnown)
        {
            return _inFlight == 0 ? TimeSpan.Zero : null;
        }

        // Burst to the budget: every start the window still allows goes now; then wait for the reset.
        return _budget.Remaining > 0 ? TimeSpan.Zero : Max(_budget.ResetAt - now, TimeSpan.FromMilliseconds(1));
    }

    private void StartLocked(PendingCall call, DateTimeOffset now)
    {
        var inFlight = ++_inFlight;
        if (_options.Mode == GenesysCloudPacingMode.Fixed)
        {
            _nextFixedStart = now + _options.TimeBetweenRequests;
        }
        else
        {
            _budget.OnStart();
        }

        _diagnostics.InFlightChanged(call, inFlight, added: true);
    }

    private void Pump()
    {
        List<Waiter>? ready = null;
        var remainingInBacklog = 0;
        (string Source, TimeSpan Length)? ended;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            ended = EndSuspensionLocked(now);
            if (_closed)
            {
                RecordEnded(ended);
                return;
            }

            while (_backlog.First is { } node)
            {
                var delay = NextStartDelay(now);
                if (delay is null)
                {
                    break;
                }

                if (delay.Value > TimeSpan.Zero)
                {
                    ArmTimerLocked(now, delay.Value);
                    break;
                }

                _backlog.RemoveFirst();
                node.Value.Node = null;
                StartLocked(node.Value.Call, now);
                (ready ??= []).Add(node.Value);
            }

            remainingInBacklog = _backlog.Count;
        }

        RecordEnded(ended);
        if (ready is null)
        {
            return;
        }

        var timestamp = _time.GetTimestamp();
        for (var i = 0; i < ready.Count; i++)
        {
            var waiter = ready[i];
            waiter.Registration.Dispose();
            _diagnostics.BacklogRemoved(waiter.Call, remainingInBacklog + (ready.Count - i - 1), _time.GetElapsedTime(waiter.EnqueuedAt, timestamp), started: true);
            if (!waiter.TrySetResult())
            {
                // Cancelled between being dequeued and completed: give the slot back.
                Release(waiter.Call, null, default);
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

            _backlog.Remove(waiter.Node);
            waiter.Node = null;
            size = _backlog.Count;
        }

        _diagnostics.BacklogRemoved(waiter.Call, size, _time.GetElapsedTime(waiter.EnqueuedAt), started: false);
        waiter.TrySetCanceled(token);
        Pump();
    }

    // A suspension episode ends when its (possibly extended) deadline has passed; its length is the deadline minus its
    // start, whenever the queue happens to notice.
    private (string Source, TimeSpan Length)? EndSuspensionLocked(DateTimeOffset now)
    {
        if (_suspensionStart is not { } start || now < _suspendedUntil)
        {
            return null;
        }

        _suspensionStart = null;
        return (_suspensionSource, _suspendedUntil - start);
    }

    private void RecordEnded((string Source, TimeSpan Length)? ended)
    {
        if (ended is { } episode)
        {
            _diagnostics.SuspensionEnded(episode.Source, episode.Length);
        }
    }

    private sealed class Waiter(RequestScheduler owner, PendingCall call, long enqueuedAt) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public RequestScheduler Owner { get; } = owner;

        public PendingCall Call { get; } = call;

        public long EnqueuedAt { get; } = enqueuedAt;

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
