namespace GenesysCloud.Extensions.Notifications.Topics;

/// <summary>
/// A notification topic pattern such as <c>v2.routing.queues.{id}.conversations</c>: dot-separated segments, each a
/// literal or <c>{id}</c> (exactly one entity id), and the type of its events' <c>eventBody</c>.
/// </summary>
internal sealed class NotificationTopicPattern
{
    public const string Placeholder = "{id}";

    private readonly string?[] _literals;

    public NotificationTopicPattern(string pattern, Type eventType)
    {
        Pattern = pattern;
        EventType = eventType;
        var segments = pattern.Split('.');
        _literals = segments.Select(static s => s == Placeholder ? null : s).ToArray();
        Placeholders = _literals.Count(static l => l is null);
    }

    /// <summary>Gets the pattern text.</summary>
    public string Pattern { get; }

    /// <summary>Gets the type of the <c>eventBody</c> of this topic's events.</summary>
    public Type EventType { get; }

    /// <summary>Gets the number of <c>{id}</c> segments.</summary>
    public int Placeholders { get; }

    /// <summary>Gets the number of segments.</summary>
    public int SegmentCount => _literals.Length;

    /// <summary>Whether <paramref name="segments"/> (a topic split at its dots) is an instance of this pattern.</summary>
    public bool Matches(string[] segments)
    {
        if (segments.Length != _literals.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (_literals[i] is { } literal && !string.Equals(literal, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Fills the <c>{id}</c> segments in order; the ids were validated by the caller.</summary>
    public string Format(IReadOnlyList<string> ids)
    {
        var parts = new string[_literals.Length];
        var next = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = _literals[i] ?? ids[next++];
        }

        return string.Join('.', parts);
    }

    public override string ToString() => Pattern;
}
