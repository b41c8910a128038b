using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenesysCloud.Extensions.Notifications.Hosting;

/// <summary>Reports the notifications client's state, with one data entry per channel group.</summary>
internal sealed class GenesysCloudNotificationsHealthCheck(IGenesysCloudNotifications notifications) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = notifications.GetStatus();
        var data = new Dictionary<string, object>
        {
            ["state"] = status.State.ToString(),
            ["topics"] = status.TopicCount,
            ["existingChannels"] = status.ExistingChannels,
            ["eventsReceived"] = status.EventsReceived,
            ["reconnects"] = status.Reconnects,
            ["eventsDropped"] = status.EventsDropped,
        };
        if (status.RejectedTopics.Count > 0)
        {
            data["rejectedTopics"] = status.RejectedTopics;
        }

        for (var i = 0; i < status.Channels.Count; i++)
        {
            var channel = status.Channels[i];
            data[$"channel{i}"] = new Dictionary<string, object?>
            {
                ["channelId"] = channel.ChannelId,
                ["state"] = channel.State,
                ["active"] = channel.Active,
                ["topics"] = channel.TopicCount,
                ["connectedSince"] = channel.ConnectedSince,
                ["lastMessageAt"] = channel.LastMessageAt,
                ["expires"] = channel.Expires,
                ["eventsReceived"] = channel.EventsReceived,
                ["reconnects"] = channel.Reconnects,
                ["lastReconnectReason"] = channel.LastReconnectReason,
                ["lastError"] = channel.LastError,
            };
        }

        var description = $"Genesys Cloud notifications are {status.State} ({status.TopicCount} topics on {status.Channels.Count} channels).";
        var result = status.State switch
        {
            GenesysCloudNotificationsState.Active => HealthCheckResult.Healthy(description, data),
            GenesysCloudNotificationsState.Created or GenesysCloudNotificationsState.Starting or GenesysCloudNotificationsState.Degraded => HealthCheckResult.Degraded(description, data: data),
            _ => HealthCheckResult.Unhealthy(description, data: data),
        };
        return Task.FromResult(result);
    }
}
