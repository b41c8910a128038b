using System.Globalization;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// What the client knows of the server's rate budget for the current window, learned from the
/// <c>inin-ratelimit-allowed</c>, <c>-count</c> and <c>-reset</c> headers and from its own starts.
/// Not thread-safe: <see cref="RequestScheduler"/> guards it with its lock.
/// </summary>
/// <remarks>
/// <para>
/// <b>The reset instant.</b> Genesys reports <c>inin-ratelimit-reset</c> in whole seconds, rounded up, counted when the
/// server handled the request — somewhere between the attempt's send and its response. So each answer sent at
/// <c>s</c> and received at <c>r</c> with reset <c>n</c> bounds the real reset to <c>(s + n − 1, r + n]</c>. The budget
/// intersects these intervals over the window: <see cref="ResetNotBefore"/> is the highest lower bound and
/// <see cref="ResetAt"/> the lowest upper bound. The next window's calls start at <see cref="ResetAt"/>, which is
/// never early; answers spread over the window narrow the interval to well under a second.
/// </para>
/// <para>
/// A window the client rolls locally (its reset passed) is a guess until the server answers in it: Genesys starts
/// the next window with the first request after the reset, so the first answer of a window replaces the guess.
/// </para>
/// </remarks>
internal sealed class RateBudget
{
    private bool _resetConfirmed;

    public bool IsKnown { get; private set; }

    public int Allowed { get; private set; }

    public int Used { get; private set; }

    /// <summary>Gets the earliest instant the current window can be known to have ended (the upper bound of its reset).</summary>
    public DateTimeOffset ResetAt { get; private set; }

    /// <summary>Gets the instant before which the window certainly has not reset (the lower bound).</summary>
    public DateTimeOffset ResetNotBefore { get; private set; }

    public TimeSpan WindowEstimate { get; private set; }

    public int Remaining => Math.Max(0, Allowed - Used);

    /// <summary>Forgets everything: a new access token has a budget of its own, learned from its first answers.</summary>
    public void Forget()
    {
        IsKnown = false;
        Allowed = 0;
        Used = 0;
        ResetAt = default;
        ResetNotBefore = default;
        _resetConfirmed = false;
    }

    /// <summary>Starts a new local window when the known one has ended.</summary>
    public void Roll(DateTimeOffset now)
    {
        if (!IsKnown || now < ResetAt)
        {
            return;
        }

        // The server tells the new reset with the next answer; until then assume windows of the length seen so far.
        var window = WindowEstimate > TimeSpan.Zero ? WindowEstimate : TimeSpan.FromSeconds(60);
        while (ResetAt <= now)
        {
            ResetAt += window;
            ResetNotBefore += window;
        }

        Used = 0;
        _resetConfirmed = false;
    }

    public void OnStart() => Used++;

    /// <summary>Reads the budget headers of an answer to an attempt sent at <paramref name="sentAt"/> and received at <paramref name="now"/>.</summary>
    /// <returns>What the headers told, or <see langword="null"/> when the response did not carry them.</returns>
    public RateObservation? Observe(HttpResponseMessage response, DateTimeOffset sentAt, DateTimeOffset now)
    {
        if (!TryGetInt(response, GenesysCloudHeaderNames.RateLimitAllowed, out var allowed) ||
            !TryGetInt(response, GenesysCloudHeaderNames.RateLimitCount, out var count) ||
            RetryAfter.GetResetHeader(response) is not { } reset)
        {
            return null;
        }

        var upper = now + reset;
        var lower = sentAt + reset - TimeSpan.FromSeconds(1);
        if (reset > WindowEstimate)
        {
            WindowEstimate = reset;
        }

        Allowed = allowed;
        if (!IsKnown || lower > ResetAt)
        {
            // First answer, or the server is already in a window the client had not rolled into.
            Start(lower, upper, count);
        }
        else if (upper >= ResetNotBefore)
        {
            // The same window: the server may have counted requests this client did not start (another process with
            // the same token).
            Used = Math.Max(Used, count);
            if (!_resetConfirmed)
            {
                // The first answer after a local roll replaces the guess.
                ResetAt = upper;
                ResetNotBefore = lower;
                _resetConfirmed = true;
            }
            else
            {
                ResetAt = upper < ResetAt ? upper : ResetAt;
                ResetNotBefore = lower > ResetNotBefore ? lower : ResetNotBefore;
                if (ResetNotBefore > ResetAt)
                {
                    // Answers that disagree (a server rounding another way): keep the bound that is never early.
                    ResetNotBefore = ResetAt;
                }
            }
        }

        // Otherwise the answer is from a window that has ended; it says nothing about this one.
        return new RateObservation(allowed, count, lower, upper);
    }

    private void Start(DateTimeOffset lower, DateTimeOffset upper, int count)
    {
        IsKnown = true;
        ResetAt = upper;
        ResetNotBefore = lower;
        _resetConfirmed = true;
        Used = Math.Max(count, Used);
    }

    private static bool TryGetInt(HttpResponseMessage response, string name, out int value)
    {
        value = 0;
        return int.TryParse(Http.HeaderValues.First(response.Headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
