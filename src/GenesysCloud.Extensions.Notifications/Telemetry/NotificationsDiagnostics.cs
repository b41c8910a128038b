using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Notifications.Telemetry;

/// <summary>
/// The one place that records the notifications client's instruments and starts its spans; it also keeps the totals the
/// status snapshot reports. Same meter and activity source names as the request pipeline.
/// </summary>
internal sealed class NotificationsDiagnostics
{
    public static readonly ActivitySource ActivitySource = new(GenesysCloudTelemetryNames.SourceName, typeof(NotificationsDiagnostics).Assembly.GetName().Version?.ToString());

    private readonly Counter<long> _events;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _unreadable;
    private readonly UpDownCounter<int> _channels;
    private readonly UpDownCounter<int> _sockets;
    private readonly UpDownCounter<int> _topics;
    private readonly Counter<long> _reconnects;
    private readonly Histogram<double> _heartbeatGap;
    private readonly Histogram<double> _handlerLag;
    private readonly Counter<long> _handlerDropped;
    private readonly Counter<long> _handlerErrors;
    private long _eventsTotal;
    private long _duplicatesTotal;
    private long _reconnectsTotal;
    private long _droppedTotal;
    private long _handlerErrorsTotal;

    public NotificationsDiagnostics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(GenesysCloudTelemetryNames.SourceName)
        {
            Version = typeof(NotificationsDiagnostics).Assembly.GetName().Version?.ToString(),
        });
        _events = meter.CreateCounter<long>(GenesysCloudNotificationsTelemetryNames.Events, "{event}", "Notification events received (duplicates excluded), by topic pattern.");
        _duplicates = meter.CreateCounter<long>(GenesysCloudNotificationsTelemetryNames.DuplicateEvents, "{event}", "Events received on both channels of a handover and discarded once.");
        _unreadable = meter.CreateCounter<long>(GenesysCloudNotificationsTelemetryNames.UnreadableEvents, "{event}", "Events whose body could not be read as the topic's event type.");
        _channels = meter.CreateUpDownCounter<int>(GenesysCloudNotificationsTelemetryNames.ChannelsOpen, "{channel}", "Genesys Cloud channels the client created that may still exist.");
        _sockets = meter.CreateUpDownCounter<int>(GenesysCloudNotificationsTelemetryNames.SocketsOpen, "{socket}", "Open notification WebSockets.");
        _topics = meter.CreateUpDownCounter<int>(GenesysCloudNotificationsTelemetryNames.Topics, "{topic}", "Subscribed notification topics.");
        _reconnects = meter.CreateCounter<long>(GenesysCloudNotificationsTelemetryNames.Reconnects, "{reconnect}", "Reconnections and channel handovers, by reason.");
        _heartbeatGap = meter.CreateHistogram(GenesysCloudNotificationsTelemetryNames.HeartbeatGap, "s", "Time between two heartbeats of a socket.", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [5, 15, 25, 29, 30, 31, 35, 45, 60, 90, 120, 300],
        });
        _handlerLag = meter.CreateHistogram(GenesysCloudNotificationsTelemetryNames.HandlerLag, "s", "Time from receiving an event to its handler starting on it.", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
        });
        _handlerDropped = meter.CreateCounter<long>(GenesysCloudNotificationsTelemetryNames.HandlerDropped, "{event}", "Events dropped because a handler's buffer was full (the oldest waiting event is dropped).");
        _handlerErrors = meter.CreateCounter<long>(GenesysCloudNotificationsTelemetryNames.HandlerErrors, "{exception}", "Exceptions thrown by notification handlers.");
    }

    public long EventsTotal => Interlocked.Read(ref _eventsTotal);

    public long DuplicatesTotal => Interlocked.Read(ref _duplicatesTotal);

    public long ReconnectsTotal => Interlocked.Read(ref _reconnectsTotal);

    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public long HandlerErrorsTotal => Interlocked.Read(ref _handlerErrorsTotal);

    public void EventReceived(string topicPattern)
    {
        Interlocked.Increment(ref _eventsTotal);
        _events.Add(1, new KeyValuePair<string, object?>(GenesysCloudNotificationsTelemetryNames.TopicPatternAttribute, topicPattern));
    }

    public void DuplicateDiscarded()
    {
        Interlocked.Increment(ref _duplicatesTotal);
        _duplicates.Add(1);
    }

    public void EventUnreadable(string topicPattern) =>
        _unreadable.Add(1, new KeyValuePair<string, object?>(GenesysCloudNotificationsTelemetryNames.TopicPatternAttribute, topicPattern));

    public void ChannelCreated() => _channels.Add(1);

    public void ChannelGone() => _channels.Add(-1);

    public void SocketOpened() => _sockets.Add(1);

    public void SocketClosed() => _sockets.Add(-1);

    public void TopicsChanged(int delta) => _topics.Add(delta);

    public void Reconnecting(string reason)
    {
        Interlocked.Increment(ref _reconnectsTotal);
        _reconnects.Add(1, new KeyValuePair<string, object?>(GenesysCloudNotificationsTelemetryNames.ReasonAttribute, reason));
    }

    public void HeartbeatGap(TimeSpan gap) => _heartbeatGap.Record(gap.TotalSeconds);

    public void HandlerStarted(string handler, TimeSpan lag) =>
        _handlerLag.Record(lag.TotalSeconds, new KeyValuePair<string, object?>(GenesysCloudNotificationsTelemetryNames.HandlerAttribute, handler));

    public void HandlerDropped(string handler)
    {
        Interlocked.Increment(ref _droppedTotal);
        _handlerDropped.Add(1, new KeyValuePair<string, object?>(GenesysCloudNotificationsTelemetryNames.HandlerAttribute, handler));
    }

    public void HandlerFailed(string handler)
    {
        Interlocked.Increment(ref _handlerErrorsTotal);
        _handlerErrors.Add(1, new KeyValuePair<string, object?>(GenesysCloudNotificationsTelemetryNames.HandlerAttribute, handler));
    }

    /// <summary>Starts the span of a channel creation or renewal; its REST calls become its children.</summary>
    public static Activity? StartChannelActivity(string reason, int topicCount)
    {
        var activity = ActivitySource.StartActivity(GenesysCloudNotificationsTelemetryNames.ChannelActivity, ActivityKind.Internal);
        activity?.SetTag(GenesysCloudNotificationsTelemetryNames.ReasonAttribute, reason);
        activity?.SetTag(GenesysCloudNotificationsTelemetryNames.TopicCountAttribute, topicCount);
        return activity;
    }
}
