using System.Text.Json;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// The notification topics of this API version: build a topic from its pattern and ids, and find the type of a topic's
/// <c>eventBody</c>. The same rules apply as when subscribing, so a topic built here is accepted there.
/// </summary>
public static class GenesysCloudNotificationTopics
{
    /// <summary>Gets every known topic pattern (segments written <c>{id}</c> stand for one entity id), in ordinal order.</summary>
    public static IReadOnlyList<string> Patterns { get; } =
        [.. Topics.NotificationTopicCatalog.Patterns.Select(static p => p.Pattern).Order(StringComparer.Ordinal)];

    /// <summary>Builds a topic: <c>Format("v2.users.{id}.presence", userId)</c> → <c>v2.users.8b67….presence</c>.</summary>
    /// <param name="pattern">A known topic pattern.</param>
    /// <param name="ids">One id per <c>{id}</c> segment, in order.</param>
    /// <returns>The topic.</returns>
    /// <exception cref="Errors.GenesysCloudArgumentException">The pattern is unknown (<see cref="GenesysCloudNotificationErrorCodes.TopicUnknown"/>), or the ids do not fit it (<see cref="GenesysCloudNotificationErrorCodes.TopicIdInvalid"/>).</exception>
    public static string Format(string pattern, params string[] ids) =>
        Topics.NotificationTopicCatalog.Resolve(pattern, ids, allowUnknown: false, nameof(pattern)).Topic;

    /// <summary>Gets the type of the <c>eventBody</c> of a topic or pattern's events, or <see langword="null"/> when this version does not know it.</summary>
    /// <param name="topicOrPattern">A topic (<c>v2.users.8b67….presence</c>) or a pattern (<c>v2.users.{id}.presence</c>).</param>
    /// <returns>The event type (a model of <c>GenesysCloud.Extensions.Notifications.Events</c> or <c>GenesysCloud.Extensions.Models</c>), or <see langword="null"/>; unknown topics' events arrive as <see cref="JsonElement"/>.</returns>
    public static Type? GetEventType(string topicOrPattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicOrPattern);
        return (Topics.NotificationTopicCatalog.GetPattern(topicOrPattern) ?? Topics.NotificationTopicCatalog.Find(topicOrPattern))?.EventType;
    }

    /// <summary>Gets the known pattern a topic is an instance of, or <see langword="null"/>.</summary>
    /// <param name="topic">A topic such as <c>v2.routing.queues.1f9c….conversations</c>.</param>
    /// <returns>The pattern, for example <c>v2.routing.queues.{id}.conversations</c>.</returns>
    public static string? GetPattern(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return Topics.NotificationTopicCatalog.Find(topic)?.Pattern;
    }
}
