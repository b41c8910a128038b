using System.Collections.Concurrent;

namespace GenesysCloud.Extensions.Notifications.Tests.Infrastructure;

/// <summary>A handler (registered as a singleton) that keeps every event it handles, in order.</summary>
internal sealed class RecordingHandler<TEvent> : INotificationHandler<TEvent>
{
    public ConcurrentQueue<GenesysCloudNotification<TEvent>> Received { get; } = new();

    public Task HandleAsync(GenesysCloudNotification<TEvent> notification, CancellationToken cancellationToken)
    {
        Received.Enqueue(notification);
        return Task.CompletedTask;
    }
}
