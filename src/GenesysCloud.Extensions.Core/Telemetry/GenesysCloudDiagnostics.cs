using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.Pipeline;

namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// The one place that turns client events into metrics, spans and .NET events. Components call it at the
/// points where things happen; nothing else records instruments.
/// </summary>
internal sealed class GenesysCloudDiagnostics
{
    public static readonly ActivitySource ActivitySource = new(GenesysCloudTelemetryNames.SourceName, typeof(GenesysCloudDiagnostics).Assembly.GetName().Version?.ToString());

    private readonly UpDownCounter<int> _backlog;
    private readonly UpDownCounter<int> _inFlight;
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _backlogWait;
    private readonly Counter<long> _tokenRefreshes;
    private readonly Histogram<double> _tokenRefreshDuration;
    private readonly Counter<long> _tokenDeletions;
    private readonly Histogram<double> _tokenDeleteDuration;
    private readonly Counter<long> _suspensions;
    private readonly Histogram<double> _suspendedTime;
    private readonly Counter<long> _retries;
    private int _state = (int)GenesysCloudClientState.Created;
    private int _remaining = -1;

    public GenesysCloudDiagnostics(IMeterFactory meterFactory, GenesysCloudClientEvents events)
    {
        Events = events;
        var meter = meterFactory.Create(new MeterOptions(GenesysCloudTelemetryNames.SourceName)
        {
            Version = typeof(GenesysCloudDiagnostics).Assembly.GetName().Version?.ToString(),
        });

        _backlog = meter.CreateUpDownCounter<int>(GenesysCloudTelemetryNames.BacklogSize, "{call}", "Calls waiting in the backlog.");
        _inFlight = meter.CreateUpDownCounter<int>(GenesysCloudTelemetryNames.CallsInFlight, "{call}", "Calls whose HTTP request is in flight.");
        _callDuration = meter.CreateHistogram(GenesysCloudTelemetryNames.CallDuration, "s", "Duration of API calls as the caller sees them (backlog wait and every attempt).", advice: DurationAdvice);
        _backlogWait = meter.CreateHistogram(GenesysCloudTelemetryNames.BacklogWaitTime, "s", "Time calls waited in the backlog before an attempt started.", advice: DurationAdvice);
        _tokenRefreshes = meter.CreateCounter<long>(GenesysCloudTelemetryNames.TokenRefreshes, "{request}", "Access token requests, by outcome.");
        _tokenRefreshDuration = meter.CreateHistogram(GenesysCloudTelemetryNames.TokenRefreshDuration, "s", "Duration of access token requests.", advice: DurationAdvice);
        _tokenDeletions = meter.CreateCounter<long>(GenesysCloudTelemetryNames.TokenDeletions, "{request}", "Access token deletions, by outcome.");
        _tokenDeleteDuration = meter.CreateHistogram(GenesysCloudTelemetryNames.TokenDeleteDuration, "s", "Duration of access token deletions.", advice: DurationAdvice);
        _suspensions = meter.CreateCounter<long>(GenesysCloudTelemetryNames.RateLimitSuspensions, "{suspension}", "Rate-limit suspensions of the backlog (a 429 during a suspension extends it and is not counted again).");
        _suspendedTime = meter.CreateHistogram(GenesysCloudTelemetryNames.RateLimitSuspendedTime, "s", "Length of each rate-limit suspension, extensions included, recorded when it ends.", advice: DurationAdvice);
        _retries = meter.CreateCounter<long>(GenesysCloudTelemetryNames.Retries, "{retry}", "Retried attempts, by reason.");
        meter.CreateObservableGauge(GenesysCloudTelemetryNames.ClientState, ObserveState, "{state}", "The client state: 1 for the current state, 0 for the others.");
        meter.CreateObservableGauge(GenesysCloudTelemetryNames.RateLimitRemaining, ObserveRemaining, "{request}", "Requests left in the current rate-limit window (from the inin-ratelimit-* headers).");
    }

    public GenesysCloudClientEvents Events { get; }

    private static InstrumentAdvice<double> DurationAdvice { get; } = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120],
    };

    /// <summary>Records the requests left in the current window, as the scheduler last learned them.</summary>
    public void BudgetObserved(int remaining) => Volatile.Write(ref _remaining, remaining);

    /// <summary>Starts the call's client span when it first leaves the backlog, dated from when it was queued.</summary>
    public Activity? StartCallActivity(PendingCall call)
    {
        if (call.IsInternal || !ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity($"{call.Method} {call.PathTemplate}", ActivityKind.Client, parentContext: default, startTime: call.QueuedAtUtc);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("http.request.method", call.Method);
        activity.SetTag("url.template", call.PathTemplate);
        if (call.Category is not null)
        {
            activity.SetTag(GenesysCloudTelemetryNames.CategoryAttribute, call.Category);
        }

        if (call.Operation is not null)
        {
            activity.SetTag(GenesysCloudTelemetryNames.OperationAttribute, call.Operation);
        }

        activity.AddEvent(new ActivityEvent("queued", call.QueuedAtUtc));
        return activity;
    }

    public void BacklogAdded(PendingCall call, int size)
    {
        _backlog.Add(1);
        Events.RaiseBacklogChanged(call, size, added: true);
    }

    public void BacklogRemoved(PendingCall call, int size, TimeSpan waited, bool started)
    {
        _backlog.Add(-1);
        if (started)
        {
            _backlogWait.Record(waited.TotalSeconds);
        }

        Events.RaiseBacklogChanged(call, size, added: false);
    }

    public void InFlightChanged(PendingCall? call, int count, bool added)
    {
        _inFlight.Add(added ? 1 : -1);
        Events.RaiseInFlightChanged(call, count, added);
    }

    public void StateChanged(object sender, GenesysCloudClientState previous, GenesysCloudClientState next)
    {
        Volatile.Write(ref _state, (int)next);
        Events.RaiseStateChanged(sender, previous, next);
    }

    /// <summary>Ends the call: its span (status, error, re-sends) and its duration measurement.</summary>
    public void CallEnded(PendingCall call, TimeSpan duration, int? statusCode, string? errorType, int attempts)
    {
        if (call.IsInternal)
        {
            return;
        }

        if (call.Activity is { } activity)
        {
            if (statusCode is { } s)
            {
                activity.SetTag("http.response.status_code", s);
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            if (attempts > 1)
            {
                activity.SetTag("http.request.resend_count", attempts - 1);
            }

            activity.Dispose();
        }

        var tags = new TagList
        {
            { "http.request.method", call.Method },
            { "url.template", call.PathTemplate },
        };
        if (statusCode is { } status)
        {
            tags.Add("http.response.status_code", status);
        }

        if (call.Category is not null)
        {
            tags.Add(GenesysCloudTelemetryNames.CategoryAttribute, call.Category);
        }

        if (call.Operation is not null)
        {
            tags.Add(GenesysCloudTelemetryNames.OperationAttribute, call.Operation);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _callDuration.Record(duration.TotalSeconds, tags);
        Events.RaiseCallEnded(call, duration, statusCode, errorType);
    }

    public void TokenRequested(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.OutcomeAttribute, outcome);
        _tokenRefreshes.Add(1, tag);
        _tokenRefreshDuration.Record(duration.TotalSeconds, tag);
        Events.RaiseTokenRefreshed(outcome, duration);
    }

    public void TokenDeleted(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.OutcomeAttribute, outcome);
        _tokenDeletions.Add(1, tag);
        _tokenDeleteDuration.Record(duration.TotalSeconds, tag);
        Events.RaiseTokenDeleted(outcome, duration);
    }

    public void SuspensionStarted(string source, TimeSpan initialDelay)
    {
        _suspensions.Add(1, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.RateLimitSourceAttribute, source));
        Events.RaiseRateLimited(source, initialDelay);
    }

    public void SuspensionEnded(string source, TimeSpan length) =>
        _suspendedTime.Record(length.TotalSeconds, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.RateLimitSourceAttribute, source));

    public void Retried(PendingCall call, string reason, TimeSpan delay, int? statusCode)
    {
        _retries.Add(1, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.RetryReasonAttribute, reason));
        call.Activity?.AddEvent(new ActivityEvent("retried", tags: new ActivityTagsCollection { [GenesysCloudTelemetryNames.RetryReasonAttribute] = reason }));
        Events.RaiseRetried(call, reason, delay, statusCode);
    }

    private IEnumerable<Measurement<int>> ObserveState()
    {
        var current = (GenesysCloudClientState)Volatile.Read(ref _state);
        foreach (var state in Enum.GetValues<GenesysCloudClientState>())
        {
            yield return new Measurement<int>(state == current ? 1 : 0, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.StateAttribute, state.ToString()));
        }
    }

    private IEnumerable<Measurement<int>> ObserveRemaining()
    {
        var remaining = Volatile.Read(ref _remaining);
        if (remaining >= 0)
        {
            yield return new Measurement<int>(remaining);
        }
    }
}
