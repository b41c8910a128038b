using System.Runtime.CompilerServices;
using GenesysCloud.Extensions.Notifications.Channels;
using GenesysCloud.Extensions.Notifications.Dispatch;
using GenesysCloud.Extensions.Notifications.Topics;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// Active topics and the stream of their events, from <see cref="IGenesysCloudNotifications.SubscribeAsync{TEvent}(string, CancellationToken)"/>.
/// Enumerate it once (<c>await foreach</c>); dispose it to unsubscribe. The enumeration ends when the subscription is
/// disposed or the host stops.
/// </summary>
/// <remarks>
/// Events wait in a bounded buffer (<c>Notifications:SubscriptionBufferCapacity</c>) until read; when it is full the oldest is
/// dropped, counted in <see cref="Dropped"/> and <c>genesyscloud.notifications.handler.dropped</c> (handler <c>subscription</c>), and logged.
/// </remarks>
/// <typeparam name="TEvent">The event body type.</typeparam>
public sealed class GenesysCloudNotificationSubscription<TEvent> : IAsyncEnumerable<GenesysCloudNotification<TEvent>>, IAsyncDisposable, IStreamConsumer
{
    internal const string ConsumerName = "subscription";

    private readonly NotificationBuffer<TEvent> _buffer;
    private readonly ISubscriptionOwner _owner;
    private readonly IReadOnlyList<NotificationTopic> _topics;
    private readonly TimeProvider _time;
    private int _enumerated;
    private int _disposed;

    internal GenesysCloudNotificationSubscription(IReadOnlyList<NotificationTopic> topics, NotificationBuffer<TEvent> buffer, ISubscriptionOwner owner, TimeProvider time)
    {
        _topics = topics;
        Topics = [.. topics.Select(static t => t.Topic)];
        _buffer = buffer;
        _owner = owner;
        _time = time;
    }

    /// <summary>Gets the subscribed topics.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>Gets the number of events dropped because the buffer was full.</summary>
    public long Dropped => _buffer.Dropped;

    Type INotificationConsumer.EventType => typeof(TEvent);

    /// <summary>Reads the events as they arrive. A subscription has one reader.</summary>
    /// <param name="cancellationToken">Ends the enumeration (the subscription stays until disposed).</param>
    /// <returns>The enumerator.</returns>
    /// <exception cref="InvalidOperationException">The subscription is already being enumerated.</exception>
    public IAsyncEnumerator<GenesysCloudNotification<TEvent>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A notification subscription has one reader; subscribe again for another.");
        }

        return ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Unsubscribes the topics (unless something else still uses them) and ends the enumeration.</summary>
    /// <returns>A task that completes when the unsubscription is requested.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _buffer.Complete();
        await _owner.UnsubscribeAsync(this, _topics).ConfigureAwait(false);
    }

    void INotificationConsumer.Offer(NotificationFrame frame, NotificationTopic topic) => _buffer.Offer(frame, topic);

    void IStreamConsumer.Complete() => _buffer.Complete();

    private async IAsyncEnumerable<GenesysCloudNotification<TEvent>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = _buffer.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var notification))
            {
                _buffer.Taken(notification, _time);
                yield return notification;
            }
        }
    }
}
