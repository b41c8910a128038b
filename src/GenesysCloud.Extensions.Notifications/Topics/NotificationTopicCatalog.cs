using System.Collections.Frozen;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;

namespace GenesysCloud.Extensions.Notifications.Topics;

/// <summary>
/// The notification topics of this API version (generated from <c>notification-topics.json</c>) and the rules a topic
/// must follow before anything is sent: one topic (no whitespace, empty segments or Genesys's combined <c>?a&amp;b</c>
/// syntax), an instance of a known pattern (unless unknown topics are allowed), ids that cannot change its shape, and an
/// event type that is the pattern's (or <see cref="JsonElement"/>).
/// </summary>
internal static class NotificationTopicCatalog
{
    // Characters no topic contains: Genesys's combined-topic syntax (?a&b), placeholders and wildcards.
    private static readonly char[] ForbiddenInTopics = ['?', '&', '{', '}', '*', '#', '/', ','];

    // An id is one segment: a dot would change the topic's shape.
    private static readonly char[] ForbiddenInIds = [.. ForbiddenInTopics, '.'];

    private static readonly FrozenDictionary<string, NotificationTopicPattern> ByPattern =
        NotificationTopicTable.Entries.ToFrozenDictionary(static e => e.Pattern, static e => new NotificationTopicPattern(e.Pattern, e.EventType), StringComparer.Ordinal);

    // Most literal segments first, so that a literal beats an {id} when two patterns of the same length could match.
    private static readonly FrozenDictionary<int, NotificationTopicPattern[]> BySegmentCount = ByPattern.Values
        .GroupBy(static p => p.SegmentCount)
        .ToFrozenDictionary(static g => g.Key, static g => g.OrderBy(static p => p.Placeholders).ThenBy(static p => p.Pattern, StringComparer.Ordinal).ToArray());

    /// <summary>Gets every known pattern.</summary>
    public static IReadOnlyCollection<NotificationTopicPattern> Patterns => ByPattern.Values;

    /// <summary>Finds the known pattern a concrete topic is an instance of.</summary>
    public static NotificationTopicPattern? Find(string topic)
    {
        var segments = topic.Split('.');
        if (!BySegmentCount.TryGetValue(segments.Length, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.Matches(segments))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Gets a known pattern by its text (<c>v2.users.{id}.presence</c>).</summary>
    public static NotificationTopicPattern? GetPattern(string pattern) => ByPattern.GetValueOrDefault(pattern);

    /// <summary>
    /// Builds the topic for a pattern and ids, or takes <paramref name="topicOrPattern"/> as a concrete topic when no ids
    /// are given and it has no <c>{id}</c> segment.
    /// </summary>
    public static NotificationTopic Resolve(string topicOrPattern, IReadOnlyList<string> ids, bool allowUnknown, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicOrPattern, paramName);
        ArgumentNullException.ThrowIfNull(ids);
        if (!topicOrPattern.Contains(NotificationTopicPattern.Placeholder, StringComparison.Ordinal))
        {
            if (ids.Count > 0)
            {
                throw new GenesysCloudArgumentException(
                    GenesysCloudNotificationErrorCodes.TopicIdInvalid,
                    $"The topic '{topicOrPattern}' has no {{id}} segment, but {ids.Count} id(s) were given.",
                    paramName);
            }

            return ResolveTopic(topicOrPattern, allowUnknown, paramName);
        }

        var segments = topicOrPattern.Split('.');
        var placeholders = segments.Count(static s => s == NotificationTopicPattern.Placeholder);
        if (ids.Count != placeholders)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudNotificationErrorCodes.TopicIdInvalid,
                $"The topic pattern '{topicOrPattern}' has {placeholders} {{id}} segment(s), but {ids.Count} id(s) were given.",
                paramName);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            ValidateId(topicOrPattern, ids[i], i, paramName);
        }

        var known = GetPattern(topicOrPattern);
        if (known is null)
        {
            var pattern = new NotificationTopicPattern(topicOrPattern, typeof(JsonElement));
            return ResolveTopic(pattern.Format(ids), allowUnknown, paramName);
        }

        return new NotificationTopic(known.Format(ids), known);
    }

    /// <summary>Validates a concrete topic and finds its pattern.</summary>
    public static NotificationTopic ResolveTopic(string topic, bool allowUnknown, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic, paramName);
        if (topic.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)) || topic.IndexOfAny(ForbiddenInTopics) >= 0
            || topic.Split('.').Any(static s => s.Length == 0))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudNotificationErrorCodes.TopicInvalid,
                $"'{topic}' is not one notification topic: topics are dot-separated segments without whitespace, empty segments or the combined ?a&b syntax (subscribe each topic).",
                paramName);
        }

        var pattern = Find(topic);
        if (pattern is null && !allowUnknown)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudNotificationErrorCodes.TopicUnknown,
                $"'{topic}' matches none of the {ByPattern.Count} notification topics of this API version (for example v2.users.{{id}}.presence). Set Notifications:AllowUnknownTopics to subscribe topics this version does not know; their events arrive as JsonElement.",
                paramName);
        }

        return new NotificationTopic(topic, pattern);
    }

    /// <summary>Checks that <paramref name="eventType"/> can receive the events of <paramref name="topic"/>.</summary>
    public static void ValidateEventType(NotificationTopic topic, Type eventType, string paramName)
    {
        if (eventType == typeof(JsonElement) || eventType == topic.EventType)
        {
            return;
        }

        throw new GenesysCloudArgumentException(
            GenesysCloudNotificationErrorCodes.EventTypeMismatch,
            topic.Pattern is null
                ? $"The topic '{topic.Topic}' is not a known topic: its events can only be received as JsonElement, not {eventType.FullName}."
                : $"The events of '{topic.Pattern.Pattern}' carry a {topic.EventType.FullName}, not a {eventType.FullName} (or receive them as JsonElement).",
            paramName);
    }

    private static void ValidateId(string pattern, string? id, int index, string paramName)
    {
        if (string.IsNullOrEmpty(id) || id.IndexOfAny(ForbiddenInIds) >= 0 || id.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudNotificationErrorCodes.TopicIdInvalid,
                $"Id {index} of the topic '{pattern}' ('{id}') would change the topic's shape: an id is one non-empty segment without whitespace or any of . ? & {{ }} * # / ,",
                paramName);
        }
    }
}

/// <summary>A validated concrete topic and its known pattern (<see langword="null"/> for a topic this version does not know).</summary>
internal sealed record NotificationTopic(string Topic, NotificationTopicPattern? Pattern)
{
    /// <summary>Gets the type its events' bodies are read as: the pattern's, or <see cref="JsonElement"/> for an unknown topic.</summary>
    public Type EventType => Pattern?.EventType ?? typeof(JsonElement);

    /// <summary>Gets the pattern text, or <c>unknown</c>: the metric attribute (bounded, never an id).</summary>
    public string PatternName => Pattern?.Pattern ?? "unknown";
}
