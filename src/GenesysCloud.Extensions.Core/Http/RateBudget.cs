using System.Globalization;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// What the client knows of the server's rate budget for the current window, learned from the
/// <c>inin-ratelimit-allowed</c>, <c>-count</c> and <c>-reset</c> headers and from its own starts.
/// Not thread-safe: <see cref="RequestScheduler"/> guards it with its lock.
/// </summary>
internal sealed class RateBudget
{
    // Two observations whose reset instants differ by less than this belong to the same window
    // (the header is in whole seconds).
    private static readonly TimeSpan SameWindowTolerance = TimeSpan.FromSeconds(1.5);

    public bool IsKnown { get; private set; }

    public int Allowed { get; private set; }

    public int Used { get; private set; }

    public DateTimeOffset ResetAt { get; private set; }

    public TimeSpan WindowEstimate { get; private set; }

    // False after Roll: a window rolled locally is a guess until the server answers in it. Genesys starts the next
    // window with the first request after the reset, so the guess is early by at least one latency, and rolling from
    // it again would drift earlier every window until starts land in the old window and get 429s.
    private bool _resetConfirmed;

    public int Remaining => Math.Max(0, Allowed - Used);

    /// <summary>Starts a new local window when the known one has ended.</summary>
    public void Roll(DateTimeOffset now)
    {
        if (!IsKnown || now < ResetAt)
        {
            return;
        }

        // The server tells the new reset instant with the next response; until then assume windows of
        // the length seen so far.
        var window = WindowEstimate > TimeSpan.Zero ? WindowEstimate : TimeSpan.FromSeconds(60);
        while (ResetAt <= now)
        {
            ResetAt += window;
        }

        Used = 0;
        _resetConfirmed = false;
    }

    public void OnStart() => Used++;

    /// <summary>Reads the budget headers of a response.</summary>
    /// <returns><see langword="true"/> when the response carried the headers.</returns>
    public bool Observe(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!TryGetInt(response, GenesysCloudHeaderNames.RateLimitAllowed, out var allowed) ||
            !TryGetInt(response, GenesysCloudHeaderNames.RateLimitCount, out var count) ||
            !TryGetInt(response, GenesysCloudHeaderNames.RateLimitReset, out var resetSeconds))
        {
            return false;
        }

        var resetAt = now + TimeSpan.FromSeconds(Math.Max(0, resetSeconds));
        if (TimeSpan.FromSeconds(resetSeconds) > WindowEstimate)
        {
            WindowEstimate = TimeSpan.FromSeconds(resetSeconds);
        }

        Allowed = allowed;
        if (!IsKnown || resetAt - ResetAt > SameWindowTolerance)
        {
            // First observation, or the server is already in a window we had not rolled into.
            IsKnown = true;
            ResetAt = resetAt;
            _resetConfirmed = true;
            Used = Math.Max(count, Used);
        }
        else if ((ResetAt - resetAt).Duration() <= SameWindowTolerance)
        {
            // Same window: the server may have counted requests we did not start (another process with
            // the same token).
            Used = Math.Max(Used, count);

            // The header is whole seconds rounded up and read after the server counted the request, so every
            // observation is at or after the real reset: the earliest one bounds it best and is never early.
            if (!_resetConfirmed || resetAt < ResetAt)
            {
                ResetAt = resetAt;
                _resetConfirmed = true;
            }
        }

        // Otherwise the response is from a window that has ended; it says nothing about this one.
        return true;
    }

    private static bool TryGetInt(HttpResponseMessage response, string name, out int value)
    {
        value = 0;
        return response.Headers.TryGetValues(name, out var values) &&
            int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
