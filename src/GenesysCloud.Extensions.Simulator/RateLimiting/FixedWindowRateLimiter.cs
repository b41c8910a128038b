using System.Collections.Concurrent;

namespace GenesysCloud.Extensions.Simulator.RateLimiting;

/// <summary>
/// Counts requests per key (an access token or a client id) in fixed windows that start with the key's first request,
/// the way Genesys Cloud budgets a token: N requests, then 429 until the window ends.
/// </summary>
internal sealed class FixedWindowRateLimiter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public FixedWindowRateLimiter(int? limit, TimeSpan window, TimeProvider timeProvider)
    {
        Limit = limit is null or <= 0 ? null : limit;
        WindowLength = window;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the budget per window; <see langword="null"/> when unlimited.</summary>
    public int? Limit { get; }

    /// <summary>Gets the window length.</summary>
    public TimeSpan WindowLength { get; }

    /// <summary>Counts one request for <paramref name="key"/> and says whether it fits.</summary>
    public RateLimitDecision Acquire(string key)
    {
        var now = _timeProvider.GetUtcNow();
        var window = _windows.GetOrAdd(key, static (_, start) => new Window(start), now);
        lock (window)
        {
            if (now >= window.Start + WindowLength)
            {
                window.Start = now;
                window.Count = 0;
            }

            window.Count++;
            var resetAfter = window.Start + WindowLength - now;
            return new RateLimitDecision(Limit is null || window.Count <= Limit, Limit, window.Count, resetAfter);
        }
    }

    /// <summary>Reads the usage of <paramref name="key"/>'s current window without counting; <see langword="null"/> when the key has no live window.</summary>
    public (int Count, TimeSpan ResetAfter)? Peek(string key)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            return null;
        }

        var now = _timeProvider.GetUtcNow();
        lock (window)
        {
            return now >= window.Start + WindowLength ? null : (window.Count, window.Start + WindowLength - now);
        }
    }

    /// <summary>Forgets every window.</summary>
    public void Clear() => _windows.Clear();

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}
