namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// Names of the instruments, spans and attributes of the notifications client. They belong to the same meter and
/// activity source as the request pipeline's (<see cref="GenesysCloud.Extensions.Telemetry.GenesysCloudTelemetryNames.SourceName"/>), so
/// <c>AddGenesysCloudInstrumentation()</c> collects them too.
/// </summary>
public static class GenesysCloudNotificationsTelemetryNames
{
    /// <summary>Events received, duplicates excluded (counter, <c>{event}</c>), by topic pattern.</summary>
    public const string Events = "genesyscloud.notifications.events";

    /// <summary>Events received twice during a channel handover and discarded (counter, <c>{event}</c>).</summary>
    public const string DuplicateEvents = "genesyscloud.notifications.events.duplicates";

    /// <summary>Events whose body could not be read as the topic's event type (counter, <c>{event}</c>), by topic pattern.</summary>
    public const string UnreadableEvents = "genesyscloud.notifications.events.unreadable";

    /// <summary>Genesys Cloud channels the client created that may still exist (up-down counter, <c>{channel}</c>).</summary>
    public const string ChannelsOpen = "genesyscloud.notifications.channels.open";

    /// <summary>Open WebSockets (up-down counter, <c>{socket}</c>).</summary>
    public const string SocketsOpen = "genesyscloud.notifications.sockets.open";

    /// <summary>Subscribed topics (up-down counter, <c>{topic}</c>).</summary>
    public const string Topics = "genesyscloud.notifications.topics";

    /// <summary>Reconnections and channel handovers (counter, <c>{reconnect}</c>), by reason.</summary>
    public const string Reconnects = "genesyscloud.notifications.reconnects";

    /// <summary>Time between two heartbeats of a socket (histogram, <c>s</c>); Genesys sends one every 30 s.</summary>
    public const string HeartbeatGap = "genesyscloud.notifications.heartbeat.gap";

    /// <summary>Time from receiving an event to a handler (or subscription reader) starting on it (histogram, <c>s</c>), by handler.</summary>
    public const string HandlerLag = "genesyscloud.notifications.handler.lag";

    /// <summary>Events dropped because a handler's or subscription's buffer was full (counter, <c>{event}</c>), by handler.</summary>
    public const string HandlerDropped = "genesyscloud.notifications.handler.dropped";

    /// <summary>Exceptions thrown by handlers (counter, <c>{exception}</c>), by handler.</summary>
    public const string HandlerErrors = "genesyscloud.notifications.handler.errors";

    /// <summary>The span of each channel creation or renewal (with its REST calls as children).</summary>
    public const string ChannelActivity = "genesyscloud.notifications.channel";

    /// <summary>Attribute: the topic pattern (<c>v2.users.{id}.presence</c>), or <c>unknown</c>; never an id.</summary>
    public const string TopicPatternAttribute = "genesyscloud.notifications.topic_pattern";

    /// <summary>
    /// Attribute: why a channel reconnected or was renewed: <c>socket_dropped</c>, <c>server_closed</c>,
    /// <c>heartbeat_timeout</c>, <c>closing_warning</c>, <c>channel_expiring</c>, <c>token_refreshed</c>, <c>channel_gone</c>,
    /// or <c>initial</c> for a first creation.
    /// </summary>
    public const string ReasonAttribute = "genesyscloud.notifications.reason";

    /// <summary>Attribute: the handler's type name, or <c>subscription</c> for a stream.</summary>
    public const string HandlerAttribute = "genesyscloud.notifications.handler";

    /// <summary>Span attribute: the Genesys Cloud channel id.</summary>
    public const string ChannelIdAttribute = "genesyscloud.notifications.channel.id";

    /// <summary>Span attribute: the number of topics the channel carries.</summary>
    public const string TopicCountAttribute = "genesyscloud.notifications.topic_count";
}
