using GenesysCloud.Extensions.Notifications.Topics;

namespace GenesysCloud.Extensions.Notifications.Options;

/// <summary>What the notifications builder registered: the topics subscribed at start-up and the handlers.</summary>
internal sealed class NotificationRegistrations
{
    public List<NotificationTopic> Topics { get; } = [];

    public List<HandlerRegistration> Handlers { get; } = [];
}

/// <summary>A handler type and one event type it handles (a handler of several <c>INotificationHandler&lt;T&gt;</c> has several).</summary>
internal sealed record HandlerRegistration(Type HandlerType, Type EventType)
{
    /// <summary>Gets the handler's name in metrics and logs.</summary>
    public string Name => HandlerType.FullName ?? HandlerType.Name;
}
