using System.Threading.Channels;
using GenesysCloud.Extensions.Notifications.Channels;
using GenesysCloud.Extensions.Notifications.Telemetry;
using GenesysCloud.Extensions.Notifications.Topics;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>
/// The bounded buffer between the socket and one consumer. Offering never waits: the socket reader must keep reading
/// (heartbeats, other consumers). When the buffer is full the oldest waiting event is dropped, counted
/// (<c>genesyscloud.notifications.handler.dropped</c>) and logged once per overflow episode. A body that cannot be read as
/// the consumer's type is counted as unreadable and logged once per event and type.
/// </summary>
internal sealed class NotificationBuffer<TEvent>
{
    private readonly Channel<GenesysCloudNotification<TEvent>> _channel;
    private readonly NotificationsDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private int _overflowing;
    private long _dropped;

    public NotificationBuffer(string name, int capacity, NotificationsDiagnostics diagnostics, ILogger logger)
    {
        Name = name;
        _capacity = capacity;
        _diagnostics = diagnostics;
        _logger = logger;
        _channel = Channel.CreateBounded<GenesysCloudNotification<TEvent>>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => OnDropped());
    }

    /// <summary>Gets the consumer's name in metrics and logs.</summary>
    public string Name { get; }

    public ChannelReader<GenesysCloudNotification<TEvent>> Reader => _channel.Reader;

    /// <summary>Gets the number of events dropped because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Offer(NotificationFrame frame, NotificationTopic topic)
    {
        if (!frame.TryGetBody<TEvent>(out var body, out var error, out var first))
        {
            if (first)
            {
                _diagnostics.EventUnreadable(topic.PatternName);
                Log.UnreadableEvent(_logger, topic.PatternName, typeof(TEvent).Name, error!);
            }

            return;
        }

        var notification = new GenesysCloudNotification<TEvent>(
            frame.TopicName, topic.Pattern?.Pattern, frame.Version, body, frame.EventBody, frame.Metadata, frame.ChannelId, frame.ReceivedAt);
        _channel.Writer.TryWrite(notification);
    }

    /// <summary>The reader took an event: an overflow episode ends when the buffer has drained.</summary>
    public void Taken(GenesysCloudNotification<TEvent> notification, TimeProvider time)
    {
        _diagnostics.HandlerStarted(Name, time.GetUtcNow() - notification.ReceivedAt);
        if (_channel.Reader.Count == 0)
        {
            Volatile.Write(ref _overflowing, 0);
        }
    }

    /// <summary>No more events: the reader ends after the buffered ones.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Counts the events left in the buffer when the reader gave up (shutdown timeout) as dropped.</summary>
    public void DropRemaining()
    {
        while (_channel.Reader.TryRead(out _))
        {
            OnDropped();
        }
    }

    private void OnDropped()
    {
        Interlocked.Increment(ref _dropped);
        _diagnostics.HandlerDropped(Name);
        if (Interlocked.Exchange(ref _overflowing, 1) == 0)
        {
            Log.BufferOverflow(_logger, Name, _capacity);
        }
    }
}
