using GenesysCloud.Extensions.Notifications.Topics;

namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>Where a subscription goes to unsubscribe its topics when it is disposed.</summary>
internal interface ISubscriptionOwner
{
    ValueTask UnsubscribeAsync(INotificationConsumer consumer, IReadOnlyList<NotificationTopic> topics);
}
