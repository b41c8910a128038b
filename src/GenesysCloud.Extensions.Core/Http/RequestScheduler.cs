using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// The backlog and execution queues: every attempt waits here, in FIFO order, for a start slot. A slot is
/// granted when the concurrency cap, a rate-limit suspension and the pacing mode allow it:
/// <list type="bullet">
/// <item><b>Adaptive</b>: until the first response reveals the budget, one probe at a time; then burst while
/// the window's budget lasts, spread the last tenth over the time left, and wait for the reset when it is spent.
/// Responses without budget headers mean no budget (only the concurrency cap applies).</item>
/// <item><b>Fixed</b>: at most one start per <c>TimeBetweenRequests</c> (the original client's pacing).</item>
/// </list>
/// One timer (from <see cref="TimeProvider"/>) wakes the queue when time, not a completion, is what it waits for.
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
    private string _suspensionSource = "api";
    private DateTimeOffset _nextFixedStart = DateTimeOffset.MinValue;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private bool _budgetHeadersAbsent;
    private bool _closed;
    private int _inFlight;

    public RequestScheduler(TimeProvider time, GenesysCloudRateLimitingOptions options, GenesysCloudDiagnostics diagnostics)
    {
        _time = time;
        _options = options;
        _diagnostics = diagnostics;
        _timer = time.CreateTimer(static state => ((RequestScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        diagnostics.ObserveBudget(() =>
        {
            lock (_lock)
            {
                return _budget.IsKnown ? _budget.Remaining : null;
            }
        });
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
    /// Waits for a start slot. <paramref name="first"/> puts the call at the head of the backlog (a call
    /// re-sent after a 429 goes first). A call cancelled while waiting leaves the backlog at once and
    /// consumes no budget.
    /// </summary>
    public Task AcquireAsync(CallContext? call, bool first, CancellationToken cancellationToken)
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

            waiter = new Waiter(call, _time.GetTimestamp());
            waiter.Node = first ? _backlog.AddFirst(waiter) : _backlog.AddLast(waiter);
            size = _backlog.Count;
        }

        _diagnostics.BacklogAdded(call, size);
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((RequestScheduler)((Waiter)state!).Owner!).Cancel((Waiter)state!, token),
                waiter.WithOwner(this));
        }

        Pump();
        return waiter.Task;
    }

    /// <summary>Ends an attempt: frees its slot and learns the budget from the response headers.</summary>
    public void Release(CallContext? call, HttpResponseMessage? response)
    {
        int inFlight;
        lock (_lock)
        {
            inFlight = --_inFlight;
            if (response is not null && _options.Mode == GenesysCloudPacingMode.Adaptive)
            {
                var observed = _budget.Observe(response, _time.GetUtcNow());
                if (!observed && !_budget.IsKnown && (int)response.StatusCode != 429)
                {
                    _budgetHeadersAbsent = true;
                }
            }
        }

        _diagnostics.InFlightChanged(call, inFlight, added: false);
        Pump();
    }

    /// <summary>
    /// Suspends every start until <paramref name="delay"/> has passed (a 429). A 429 that arrives while a
    /// suspension is running extends it rather than starting another: one episode is counted when it starts and
    /// its whole length is recorded when it ends.
    /// </summary>
    /// <returns><see langword="true"/> when this began or extended a suspension.</returns>
    public bool Suspend(TimeSpan delay, string source)
    {
        bool started;
        bool extended;
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

            extended = until > _suspendedUntil;
            if (extended)
            {
                _suspendedUntil = until;
            }
        }

        RecordEnded(ended);
        if (started)
        {
            _diagnostics.SuspensionStarted(source, delay);
        }

        Pump();
        return started || extended;
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

    // How long until the next start may happen: zero now, a delay for the timer, or null when only a
    // completion can free a start (the concurrency cap, or the first probe of the budget).
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

        var remaining = _budget.Remaining;
        if (remaining <= 0)
        {
            return Max(_budget.ResetAt - now, TimeSpan.FromMilliseconds(1));
        }

        // Spread the last tenth of the budget over the time left in the window instead of bursting it.
        var lowWatermark = Math.Max(1, _budget.Allowed / 10);
        if (remaining <= lowWatermark && _budget.ResetAt > now)
        {
            var spacing = (_budget.ResetAt - now) / (remaining + 1);
            var next = _lastStart + spacing;
            if (next > now)
            {
                return next - now;
            }
        }

        return TimeSpan.Zero;
    }

    private void StartLocked(CallContext? call, DateTimeOffset now)
    {
        var inFlight = ++_inFlight;
        _lastStart = now;
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
        int remainingInBacklog = 0;
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
                Release(waiter.Call, null);
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // A suspension episode ends when its (possibly extended) deadline has passed; its length is the deadline
    // minus its start, whenever the queue happens to notice.
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

    private sealed class Waiter(CallContext? call, long enqueuedAt) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public CallContext? Call { get; } = call;

        public long EnqueuedAt { get; } = enqueuedAt;

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public object? Owner { get; private set; }

        public Waiter WithOwner(object owner)
        {
            Owner = owner;
            return this;
        }
    }
}
