using System.Text.Json;

namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>
/// The topic patterns the service accepts: the generator's <c>notification-topics.json</c>, embedded when it existed at build
/// time (otherwise any <c>v2.…</c> topic is accepted). <c>{id}</c> matches one segment.
/// </summary>
internal sealed class NotificationTopicPatterns
{
    private readonly Dictionary<int, List<string?[]>>? _bySegments;

    private NotificationTopicPatterns(IEnumerable<string>? patterns)
    {
        if (patterns is null)
        {
            return;
        }

        _bySegments = [];
        foreach (var pattern in patterns)
        {
            var segments = pattern.Split('.').Select(static s => s == "{id}" ? null : s).ToArray();
            if (!_bySegments.TryGetValue(segments.Length, out var list))
            {
                _bySegments[segments.Length] = list = [];
            }

            list.Add(segments);
        }
    }

    public static NotificationTopicPatterns Embedded { get; } = Load();

    /// <summary>The embedded patterns plus <paramref name="additional"/> ones.</summary>
    public static NotificationTopicPatterns With(IEnumerable<string> additional)
    {
        var extra = additional.ToList();
        return extra.Count == 0 || Embedded._bySegments is null
            ? Embedded
            : new NotificationTopicPatterns(Embedded._bySegments.Values.SelectMany(static l => l).Select(static p => string.Join('.', p.Select(static s => s ?? "{id}"))).Concat(extra));
    }

    public bool IsKnown(string topic)
    {
        if (topic.Length == 0 || topic.Any(static c => char.IsWhiteSpace(c) || c is '{' or '}' or '?' or '&'))
        {
            return false;
        }

        var segments = topic.Split('.');
        if (segments.Any(static s => s.Length == 0))
        {
            return false;
        }

        if (_bySegments is null)
        {
            return segments[0] == "v2";
        }

        return _bySegments.TryGetValue(segments.Length, out var candidates)
            && candidates.Any(pattern => pattern.Select((literal, i) => literal is null || literal == segments[i]).All(static match => match));
    }

    private static NotificationTopicPatterns Load()
    {
        using var stream = typeof(NotificationTopicPatterns).Assembly.GetManifestResourceStream("GenesysCloud.Extensions.Simulator.notification-topics.json");
        if (stream is null)
        {
            return new NotificationTopicPatterns(null);
        }

        using var document = JsonDocument.Parse(stream);
        return new NotificationTopicPatterns(document.RootElement.GetProperty("topics").EnumerateArray().Select(static t => t.GetProperty("pattern").GetString()!).ToList());
    }
}
