using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.Pipeline;

namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// One client's telemetry: the one place that turns its events into measurements (on the shared
/// <see cref="GenesysCloudMetrics"/> instruments, tagged with <c>genesyscloud.client.name</c>), spans and .NET events.
/// Components call it where things happen; nothing else records instruments.
/// </summary>
internal sealed class GenesysCloudDiagnostics : IDisposable
{
    /// <summary>The name the unnamed client reports in <c>genesyscloud.client.name</c>.</summary>
    public const string DefaultClientName = "default";

    public static readonly ActivitySource ActivitySource = new(GenesysCloudTelemetryNames.SourceName, typeof(GenesysCloudDiagnostics).Assembly.GetName().Version?.ToString());

    private readonly GenesysCloudMetrics _metrics;
    private int[] _remaining = [-1];
    private int _state = (int)GenesysCloudClientState.Created;

    public GenesysCloudDiagnostics(GenesysCloudMetrics metrics, GenesysCloudClientEvents events, string clientName)
    {
        _metrics = metrics;
        Events = events;
        ClientName = clientName;
        NameTag = new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.ClientNameAttribute, clientName);
        metrics.Register(this);
    }

    public GenesysCloudClientEvents Events { get; }

    /// <summary>Gets the client's name as telemetry reports it (<see cref="DefaultClientName"/> for the unnamed client).</summary>
    public string ClientName { get; }

    public KeyValuePair<string, object?> NameTag { get; }

    /// <summary>Sets how many tokens the client's own identity has (a pool has several), for the budget gauge.</summary>
    public void SetTokenCount(int count) => _remaining = Enumerable.Repeat(-1, count).ToArray();

    /// <summary>Records the requests left in the current window of token <paramref name="token"/>, as the scheduler last learned them.</summary>
    public void BudgetObserved(int token, int remaining)
    {
        var budgets = _remaining;
        if (token < budgets.Length)
        {
            Volatile.Write(ref budgets[token], remaining);
        }
    }

    /// <summary>Starts the call's client span when it first leaves the backlog, dated from when it was queued.</summary>
    public Activity? StartCallActivity(PendingCall call)
    {
        if (call.IsInternal || !ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(call.Request.SpanName, ActivityKind.Client, parentContext: default, startTime: call.QueuedAtUtc);
        if (activity is null)
        {
            return null;
        }

        // Tags are added, not set: each is new on a new span, and AddTag skips SetTag's search for an existing one.
        activity.AddTag("http.request.method", call.Method);
        activity.AddTag("url.template", call.PathTemplate);
        activity.AddTag(GenesysCloudTelemetryNames.ClientNameAttribute, ClientName);
        activity.AddTag(GenesysCloudTelemetryNames.IdentityKindAttribute, call.IdentityKind);
        if (call.Category is not null)
        {
            activity.AddTag(GenesysCloudTelemetryNames.CategoryAttribute, call.Category);
        }

        if (call.Operation is not null)
        {
            activity.AddTag(GenesysCloudTelemetryNames.OperationAttribute, call.Operation);
        }

        activity.AddEvent(new ActivityEvent("queued", call.QueuedAtUtc));
        return activity;
    }

    public void BacklogAdded(PendingCall call, int size)
    {
        _metrics.Backlog.Add(1, NameTag);
        Events.RaiseBacklogChanged(ClientName, call, size, added: true);
    }

    public void BacklogRemoved(PendingCall call, int size, TimeSpan waited, bool started)
    {
        _metrics.Backlog.Add(-1, NameTag);
        if (started)
        {
            _metrics.BacklogWait.Record(waited.TotalSeconds, NameTag);
        }

        Events.RaiseBacklogChanged(ClientName, call, size, added: false);
    }

    public void InFlightChanged(PendingCall? call, int count, bool added)
    {
        _metrics.InFlight.Add(added ? 1 : -1, NameTag);
        Events.RaiseInFlightChanged(ClientName, call, count, added);
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
                activity.AddTag("http.response.status_code", BoxedStatusCodes.Get(s));
            }

            if (errorType is not null)
            {
                activity.AddTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            if (attempts > 1)
            {
                activity.AddTag("http.request.resend_count", attempts - 1);
            }

            activity.Dispose();
        }

        var tags = new TagList
        {
            { "http.request.method", call.Method },
            { "url.template", call.PathTemplate },
            NameTag,
            { GenesysCloudTelemetryNames.IdentityKindAttribute, call.IdentityKind },
        };
        if (statusCode is { } status)
        {
            tags.Add("http.response.status_code", BoxedStatusCodes.Get(status));
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

        _metrics.CallDuration.Record(duration.TotalSeconds, tags);
        Events.RaiseCallEnded(ClientName, call, duration, statusCode, errorType);
    }

    public void TokenRequested(string outcome, TimeSpan duration, string identityKind)
    {
        var tags = new TagList { { GenesysCloudTelemetryNames.OutcomeAttribute, outcome }, NameTag, { GenesysCloudTelemetryNames.IdentityKindAttribute, identityKind } };
        _metrics.TokenRefreshes.Add(1, tags);
        _metrics.TokenRefreshDuration.Record(duration.TotalSeconds, tags);
        Events.RaiseTokenRefreshed(ClientName, outcome, duration);
    }

    public void TokenDeleted(string outcome, TimeSpan duration)
    {
        var tags = new TagList { { GenesysCloudTelemetryNames.OutcomeAttribute, outcome }, NameTag };
        _metrics.TokenDeletions.Add(1, tags);
        _metrics.TokenDeleteDuration.Record(duration.TotalSeconds, tags);
        Events.RaiseTokenDeleted(ClientName, outcome, duration);
    }

    public void SuspensionStarted(string source, TimeSpan initialDelay, string identityKind)
    {
        _metrics.Suspensions.Add(1, new TagList { { GenesysCloudTelemetryNames.RateLimitSourceAttribute, source }, NameTag, { GenesysCloudTelemetryNames.IdentityKindAttribute, identityKind } });
        Events.RaiseRateLimited(ClientName, source, initialDelay);
    }

    public void SuspensionEnded(string source, TimeSpan length, string identityKind) =>
        _metrics.SuspendedTime.Record(length.TotalSeconds, new TagList { { GenesysCloudTelemetryNames.RateLimitSourceAttribute, source }, NameTag, { GenesysCloudTelemetryNames.IdentityKindAttribute, identityKind } });

    public void Retried(PendingCall call, string reason, TimeSpan delay, int? statusCode)
    {
        _metrics.Retries.Add(1, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.RetryReasonAttribute, reason), NameTag);
        call.Activity?.AddEvent(new ActivityEvent("retried", tags: new ActivityTagsCollection { [GenesysCloudTelemetryNames.RetryReasonAttribute] = reason }));
        Events.RaiseRetried(ClientName, call, reason, delay, statusCode);
    }

    public void Dispose() => _metrics.Unregister(this);

    internal GenesysCloudClientState CurrentState => (GenesysCloudClientState)Volatile.Read(ref _state);

    internal IEnumerable<Measurement<int>> ObserveState()
    {
        var current = CurrentState;
        foreach (var state in Enum.GetValues<GenesysCloudClientState>())
        {
            yield return new Measurement<int>(state == current ? 1 : 0, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.StateAttribute, state.ToString()), NameTag);
        }
    }

    internal IEnumerable<Measurement<int>> ObserveRemaining()
    {
        var budgets = _remaining;
        for (var token = 0; token < budgets.Length; token++)
        {
            var remaining = Volatile.Read(ref budgets[token]);
            if (remaining < 0)
            {
                continue;
            }

            yield return budgets.Length == 1
                ? new Measurement<int>(remaining, NameTag)
                : new Measurement<int>(remaining, NameTag, new KeyValuePair<string, object?>(GenesysCloudTelemetryNames.TokenIndexAttribute, token));
        }
    }
}
