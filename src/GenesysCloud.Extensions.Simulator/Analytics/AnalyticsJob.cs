using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Analytics;

/// <summary>
/// One asynchronous details job. Its state follows the simulator's clock: <c>QUEUED</c> for the first fifth of the job's
/// duration, <c>PENDING</c> until it ends, then <c>FULFILLED</c> (or <c>FAILED</c>, when told to fail) until the results expire.
/// Cancelling, failing and expiring through the API or the control API fix the state from then on.
/// </summary>
internal sealed class AnalyticsJob(string id, string kind, AnalyticsInterval interval, JsonObject query, DateTimeOffset submittedAt, TimeSpan duration, TimeSpan resultLifetime, string? failWith)
{
    private List<JsonObject>? _results;

    public string Id { get; } = id;

    /// <summary>Gets <c>conversations</c> or <c>users</c>.</summary>
    public string Kind { get; } = kind;

    public AnalyticsInterval Interval { get; } = interval;

    public JsonObject Query { get; } = query;

    public DateTimeOffset SubmittedAt { get; } = submittedAt;

    /// <summary>Gets the state set by a cancel, fail or expire, and when; <see langword="null"/> while the clock decides.</summary>
    public (string State, DateTimeOffset At, string? Error)? Ended { get; private set; }

    public DateTimeOffset CompletesAt => SubmittedAt + duration;

    public (string State, DateTimeOffset? CompletedAt, DateTimeOffset? ExpiresAt, string? Error) Status(DateTimeOffset now)
    {
        if (Ended is var (state, at, error))
        {
            return (state, at, state == "EXPIRED" ? at : null, error);
        }

        if (now < SubmittedAt + (duration / 5))
        {
            return ("QUEUED", null, null, null);
        }

        if (now < CompletesAt)
        {
            return ("PENDING", null, null, null);
        }

        if (failWith is not null)
        {
            return ("FAILED", CompletesAt, null, failWith);
        }

        var expiresAt = CompletesAt + resultLifetime;
        return now < expiresAt ? ("FULFILLED", CompletesAt, expiresAt, null) : ("EXPIRED", CompletesAt, expiresAt, null);
    }

    /// <summary>Ends the job with <paramref name="state"/> unless it already ended; returns whether it changed.</summary>
    public bool End(string state, DateTimeOffset now, string? error = null)
    {
        var current = Status(now).State;
        if (current is "CANCELLED" or "FAILED" or "EXPIRED")
        {
            return false;
        }

        Ended = (state, now, error);
        return true;
    }

    /// <summary>The results, computed once (they are deterministic) and kept while the job lives.</summary>
    public List<JsonObject> Results(AnalyticsDataGenerator generator) =>
        _results ??= Kind == "conversations" ? generator.Conversations(Interval, Query) : generator.UserDetails(Interval, Query);
}
