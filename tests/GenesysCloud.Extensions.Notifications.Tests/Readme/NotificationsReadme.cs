using GenesysCloud.Extensions.Notifications.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Tests.Readme;

/// <summary>The README's notification examples, compiled and run by <see cref="ReadmeTests"/>.</summary>
internal static class NotificationsReadme
{
    public static void AddServices(IHostApplicationBuilder builder, string queueId)
    {
        // README:notifications:begin
        builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"))
            .AddNotifications(n => n
                .Subscribe<QueueConversationEventTopicConversation>("v2.routing.queues.{id}.conversations", queueId)
                .AddHandler<QueueConversationHandler>());
        // README:notifications:end
    }

    public static async Task<string?> FirstPresenceAsync(IGenesysCloudNotifications notifications, string userId, CancellationToken cancellationToken)
    {
        // README:subscribe:begin
        var topic = GenesysCloudNotificationTopics.Format("v2.users.{id}.presence", userId);
        await using var presence = await notifications.SubscribeAsync<PresenceEventUserPresence>(topic, cancellationToken);
        await foreach (var e in presence.WithCancellation(cancellationToken))
        {
            return e.EventBody.PresenceDefinition?.SystemPresence; // typed; e.TopicName, e.Metadata.CorrelationId too
        }
        // README:subscribe:end

        return null;
    }
}

// README:handler:begin
public sealed class QueueConversationHandler(ILogger<QueueConversationHandler> logger) : INotificationHandler<QueueConversationEventTopicConversation>
{
    public Task HandleAsync(GenesysCloudNotification<QueueConversationEventTopicConversation> notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Conversation {Id} on {Topic}", notification.EventBody.Id, notification.TopicName);
        return Task.CompletedTask;
    }
}
// README:handler:end
