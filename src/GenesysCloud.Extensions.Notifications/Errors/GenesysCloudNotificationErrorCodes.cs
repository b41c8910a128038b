namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// Stable error codes of the notifications client, carried by <see cref="Errors.GenesysCloudArgumentException.ErrorCode"/>
/// (bad input, raised before anything is sent) and <see cref="Errors.GenesysCloudException.ErrorCode"/> (run time).
/// </summary>
public static class GenesysCloudNotificationErrorCodes
{
    /// <summary>A topic is empty or not one topic: whitespace, an empty segment, or Genesys's combined <c>?a&amp;b</c> syntax.</summary>
    public const string TopicInvalid = "GC_NOTIFICATIONS_TOPIC_INVALID";

    /// <summary>A topic matches none of the notification topics of this API version (and unknown topics are not allowed).</summary>
    public const string TopicUnknown = "GC_NOTIFICATIONS_TOPIC_UNKNOWN";

    /// <summary>The ids given for a topic pattern do not fill its <c>{id}</c> segments, or one would change the topic's shape (a <c>.</c>, whitespace…).</summary>
    public const string TopicIdInvalid = "GC_NOTIFICATIONS_TOPIC_ID_INVALID";

    /// <summary>The event type asked for is not the type of the topic's <c>eventBody</c> (nor <see cref="System.Text.Json.JsonElement"/>).</summary>
    public const string EventTypeMismatch = "GC_NOTIFICATIONS_EVENT_TYPE_MISMATCH";

    /// <summary>The topics do not fit in the channels the client may use (<c>MaxChannels</c> − 1 channels of <c>MaxTopicsPerChannel</c> topics).</summary>
    public const string TooManyTopics = "GC_NOTIFICATIONS_TOO_MANY_TOPICS";

    /// <summary>Genesys Cloud rejected a topic (usually missing permissions).</summary>
    public const string TopicRejected = "GC_NOTIFICATIONS_TOPIC_REJECTED";

    /// <summary>A topic is subscribed for handlers of an event type no registered handler handles.</summary>
    public const string HandlerMissing = "GC_NOTIFICATIONS_HANDLER_MISSING";

    /// <summary>The notifications client is stopping or stopped.</summary>
    public const string Stopped = "GC_NOTIFICATIONS_STOPPED";

    /// <summary>An option is out of bounds.</summary>
    public const string OptionsInvalid = "GC_NOTIFICATIONS_OPTIONS_INVALID";
}
