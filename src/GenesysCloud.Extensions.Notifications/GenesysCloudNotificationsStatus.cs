namespace GenesysCloud.Extensions.Notifications;

/// <summary>A snapshot of the notifications client: its state, topics, channels and counters.</summary>
public sealed class GenesysCloudNotificationsStatus
{
    internal GenesysCloudNotificationsStatus()
    {
    }

    /// <summary>Gets the state.</summary>
    public GenesysCloudNotificationsState State { get; internal init; }

    /// <summary>Gets the number of subscribed topics.</summary>
    public int TopicCount { get; internal init; }

    /// <summary>Gets the topics Genesys Cloud rejected (usually missing permissions); they are not retried.</summary>
    public IReadOnlyList<string> RejectedTopics { get; internal init; } = [];

    /// <summary>Gets the channels, one per group of at most <c>MaxTopicsPerChannel</c> topics.</summary>
    public IReadOnlyList<GenesysCloudNotificationChannelStatus> Channels { get; internal init; } = [];

    /// <summary>Gets the Genesys Cloud channels the client created that may still exist (in use or left to expire), at most <c>MaxChannels</c>.</summary>
    public int ExistingChannels { get; internal init; }

    /// <summary>Gets the events received, duplicates excluded.</summary>
    public long EventsReceived { get; internal init; }

    /// <summary>Gets the events received twice while a channel handed over to its successor, and discarded.</summary>
    public long DuplicatesDiscarded { get; internal init; }

    /// <summary>Gets the reconnections and channel handovers.</summary>
    public long Reconnects { get; internal init; }

    /// <summary>Gets the events dropped because a handler's or subscription's buffer was full.</summary>
    public long EventsDropped { get; internal init; }

    /// <summary>Gets the exceptions handlers threw.</summary>
    public long HandlerErrors { get; internal init; }
}
