using System.Text.Json;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// One notification event as Genesys Cloud sent it on a channel: the topic, the typed <c>eventBody</c>, the version and
/// the metadata (correlation id).
/// </summary>
/// <typeparam name="TEvent">The type of the event body: the topic's generated model, or <see cref="JsonElement"/>.</typeparam>
public sealed class GenesysCloudNotification<TEvent>
{
    internal GenesysCloudNotification(string topicName, string? topicPattern, string? version, TEvent eventBody, JsonElement rawEventBody, GenesysCloudNotificationMetadata metadata, string channelId, DateTimeOffset receivedAt)
    {
        TopicName = topicName;
        TopicPattern = topicPattern;
        Version = version;
        EventBody = eventBody;
        RawEventBody = rawEventBody;
        Metadata = metadata;
        ChannelId = channelId;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the topic the event was published on, for example <c>v2.users.8b67….presence</c>.</summary>
    public string TopicName { get; }

    /// <summary>Gets the known pattern of <see cref="TopicName"/> (<c>v2.users.{id}.presence</c>), or <see langword="null"/> for a topic this version does not know.</summary>
    public string? TopicPattern { get; }

    /// <summary>Gets the event's <c>version</c>, when Genesys sent one.</summary>
    public string? Version { get; }

    /// <summary>Gets the event body. Properties this version does not know are in the model's <c>ExtensionData</c>.</summary>
    public TEvent EventBody { get; }

    /// <summary>Gets the event body as JSON, exactly as received.</summary>
    public JsonElement RawEventBody { get; }

    /// <summary>Gets the event's metadata (its correlation id).</summary>
    public GenesysCloudNotificationMetadata Metadata { get; }

    /// <summary>Gets the id of the channel that delivered the event.</summary>
    public string ChannelId { get; }

    /// <summary>Gets when the client received the event (the client's clock).</summary>
    public DateTimeOffset ReceivedAt { get; }
}
