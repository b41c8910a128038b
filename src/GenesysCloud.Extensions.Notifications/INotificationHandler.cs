namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// Handles the events of the topics subscribed for <typeparamref name="TEvent"/> (<c>Subscribe&lt;TEvent&gt;</c>,
/// <see cref="IGenesysCloudNotifications.AddTopicsAsync"/>). A handler of <see cref="System.Text.Json.JsonElement"/> receives
/// every event. Register it with <c>AddHandler&lt;THandler&gt;()</c> on the notifications builder.
/// </summary>
/// <remarks>
/// Each handler runs on its own background dispatcher, one event at a time and in the order received, resolved from a new
/// DI scope per event: a slow or throwing handler never blocks the socket or other handlers. Events wait in a bounded
/// buffer per handler (<c>Notifications:HandlerBufferCapacity</c>); when it is full the oldest waiting event is dropped,
/// counted in <c>genesyscloud.notifications.handler.dropped</c> and logged. An exception is logged and counted
/// (<c>genesyscloud.notifications.handler.errors</c>); the next event is handled as usual.
/// </remarks>
/// <typeparam name="TEvent">The event body type: the topics' generated model, or <see cref="System.Text.Json.JsonElement"/>.</typeparam>
public interface INotificationHandler<TEvent>
{
    /// <summary>Handles one event.</summary>
    /// <param name="notification">The event.</param>
    /// <param name="cancellationToken">Cancelled when the host stops and its shutdown timeout has passed.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(GenesysCloudNotification<TEvent> notification, CancellationToken cancellationToken);
}
