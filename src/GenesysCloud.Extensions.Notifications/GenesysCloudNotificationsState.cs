namespace GenesysCloud.Extensions.Notifications;

/// <summary>The state of the notifications client.</summary>
public enum GenesysCloudNotificationsState
{
    /// <summary>Registered; the host has not started it.</summary>
    Created,

    /// <summary>Started; topics are being subscribed for the first time.</summary>
    Starting,

    /// <summary>Every topic is delivered to a connected channel.</summary>
    Active,

    /// <summary>A channel is reconnecting or waiting for a free channel, or Genesys Cloud rejected a topic.</summary>
    Degraded,

    /// <summary>The host is stopping: subscriptions are being removed and sockets closed.</summary>
    Stopping,

    /// <summary>Stopped.</summary>
    Stopped,
}
