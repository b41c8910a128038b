namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The one timer of <see cref="RequestScheduler"/> (from <see cref="TimeProvider"/>): wakes the backlog when time, not
/// a completion, is what it waits for. Armed only earlier, never later, than it already is. Not thread-safe: the
/// scheduler arms it under its lock.
/// </summary>
internal sealed class WakeTimer : IDisposable
{
    private readonly ITimer _timer;
    private DateTimeOffset _due = DateTimeOffset.MaxValue;

    private readonly object _lock;
    private readonly Action _wake;

    /// <summary>Initializes a timer that calls <paramref name="wake"/> when it fires, noting that under <paramref name="schedulerLock"/> first.</summary>
    public WakeTimer(TimeProvider time, object schedulerLock, Action wake)
    {
        _lock = schedulerLock;
        _wake = wake;
        _timer = time.CreateTimer(static state => ((WakeTimer)state!).OnFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets when the timer will fire, or <see langword="null"/> when it is not armed.</summary>
    public DateTimeOffset? Due => _due == DateTimeOffset.MaxValue ? null : _due;

    /// <summary>Arms the timer to fire after <paramref name="delay"/>, unless it fires earlier already.</summary>
    public void Arm(DateTimeOffset now, TimeSpan delay)
    {
        var due = now + delay;
        if (due >= _due && _due > now)
        {
            return;
        }

        _due = due;
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }


    public void Stop()
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _due = DateTimeOffset.MaxValue;
    }

    public void Dispose() => _timer.Dispose();

    private void OnFired()
    {
        lock (_lock)
        {
            _due = DateTimeOffset.MaxValue;
        }

        _wake();
    }
}
