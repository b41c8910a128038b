using GenesysCloud.Extensions.Notifications.Channels;
using GenesysCloud.Extensions.Notifications.Topics;

namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>Something events are routed to: a handler's dispatcher or a subscription's stream.</summary>
internal interface INotificationConsumer
{
    /// <summary>Gets the type the consumer reads event bodies as.</summary>
    Type EventType { get; }

    /// <summary>Takes an event without waiting: it is buffered (the oldest waiting one is dropped when full).</summary>
    void Offer(NotificationFrame frame, NotificationTopic topic);
}
