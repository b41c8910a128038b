namespace GenesysCloud.Extensions.Notifications;

/// <summary>The state of one channel: a group of topics and the Genesys Cloud channel and socket that carry it now.</summary>
public sealed class GenesysCloudNotificationChannelStatus
{
    internal GenesysCloudNotificationChannelStatus()
    {
    }

    /// <summary>Gets the id of the Genesys Cloud channel carrying the topics, once created.</summary>
    public string? ChannelId { get; internal init; }

    /// <summary>Gets what the channel is doing: <c>connecting</c>, <c>connected</c>, <c>reconnecting</c>, <c>handing_over</c>, <c>stopped</c>.</summary>
    public string State { get; internal init; } = "connecting";

    /// <summary>Gets the number of topics in this group.</summary>
    public int TopicCount { get; internal init; }

    /// <summary>Gets a value indicating whether the socket is open and every topic subscribed.</summary>
    public bool Active { get; internal init; }

    /// <summary>Gets when the current socket connected.</summary>
    public DateTimeOffset? ConnectedSince { get; internal init; }

    /// <summary>Gets when the last message (event, heartbeat or pong) arrived.</summary>
    public DateTimeOffset? LastMessageAt { get; internal init; }

    /// <summary>Gets when the Genesys Cloud channel expires; the client hands over to a new one before.</summary>
    public DateTimeOffset? Expires { get; internal init; }

    /// <summary>Gets the events this group received, duplicates excluded.</summary>
    public long EventsReceived { get; internal init; }

    /// <summary>Gets the reconnections and handovers of this group.</summary>
    public long Reconnects { get; internal init; }

    /// <summary>Gets the reason of the last reconnection or handover (<c>socket_dropped</c>, <c>heartbeat_timeout</c>, …).</summary>
    public string? LastReconnectReason { get; internal init; }

    /// <summary>Gets the last error while connecting, if the group is reconnecting.</summary>
    public string? LastError { get; internal init; }
}
