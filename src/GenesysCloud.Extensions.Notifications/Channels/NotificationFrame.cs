using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenesysCloud.Extensions.Serialization;

namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>What a message of the notification socket is.</summary>
internal enum FrameKind
{
    /// <summary>An event of a subscribed topic.</summary>
    Event,

    /// <summary><c>channel.metadata</c> "WebSocket Heartbeat", every 30 s.</summary>
    Heartbeat,

    /// <summary><c>channel.metadata</c> "pong", the answer to <c>{"message":"ping"}</c>.</summary>
    Pong,

    /// <summary>Another <c>channel.metadata</c> message.</summary>
    Metadata,

    /// <summary><c>v2.system.socket_closing</c>: the service will close the socket in about a minute (maintenance).</summary>
    SocketClosing,
}

/// <summary>
/// One message of a notification socket: <c>{"topicName":…,"version":…,"eventBody":{…},"metadata":{"CorrelationId":…}}</c>.
/// The body is kept as JSON and read as a type on demand, once per type whatever the number of consumers.
/// </summary>
internal sealed class NotificationFrame
{
    public const string MetadataTopic = "channel.metadata";
    public const string SocketClosingTopic = "v2.system.socket_closing";

    private readonly Lock _gate = new();
    private List<(Type Type, object? Body, Exception? Error)>? _bodies;
    private string? _deduplicationKey;

    private NotificationFrame(FrameKind kind, string topicName, string? version, JsonElement eventBody, GenesysCloudNotificationMetadata metadata, string channelId, DateTimeOffset receivedAt)
    {
        Kind = kind;
        TopicName = topicName;
        Version = version;
        EventBody = eventBody;
        Metadata = metadata;
        ChannelId = channelId;
        ReceivedAt = receivedAt;
    }

    public FrameKind Kind { get; }

    public string TopicName { get; }

    public string? Version { get; }

    public JsonElement EventBody { get; }

    public GenesysCloudNotificationMetadata Metadata { get; }

    public string ChannelId { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>
    /// Gets what identifies the event on any channel, for the de-duplication of a handover: the topic and the correlation
    /// id, or (without one) the topic and a hash of the body.
    /// </summary>
    public string DeduplicationKey => _deduplicationKey ??= Metadata.CorrelationId is { Length: > 0 } correlationId
        ? TopicName + "\n" + correlationId
        : TopicName + "\n#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(EventBody.ValueKind == JsonValueKind.Undefined ? string.Empty : EventBody.GetRawText())));

    /// <summary>Reads a message; <see langword="null"/> (with the reason) when it is not a notification.</summary>
    public static NotificationFrame? Parse(ReadOnlySpan<byte> utf8, string channelId, DateTimeOffset receivedAt, out string? reason)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(utf8);
        }
        catch (JsonException ex)
        {
            reason = "not JSON: " + ex.Message;
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("topicName", out var topic) || topic.ValueKind != JsonValueKind.String || topic.GetString() is not { Length: > 0 } topicName)
        {
            reason = "no topicName";
            return null;
        }

        var body = root.TryGetProperty("eventBody", out var b) ? b : default;
        var version = root.TryGetProperty("version", out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

        GenesysCloudNotificationMetadata metadata;
        try
        {
            metadata = root.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
                ? m.Deserialize<GenesysCloudNotificationMetadata>(GenesysCloudJson.Options) ?? new()
                : new();
        }
        catch (JsonException)
        {
            metadata = new();
        }

        reason = null;
        return new NotificationFrame(Classify(topicName, body), topicName, version, body, metadata, channelId, receivedAt);
    }

    /// <summary>Reads the body as <typeparamref name="T"/>, once for every consumer of that type (<paramref name="first"/>: this call read it).</summary>
    public bool TryGetBody<T>(out T body, out Exception? error, out bool first)
    {
        if (typeof(T) == typeof(JsonElement))
        {
            body = (T)(object)EventBody;
            error = null;
            first = false;
            return true;
        }

        lock (_gate)
        {
            _bodies ??= [];
            foreach (var (type, cached, cachedError) in _bodies)
            {
                if (type == typeof(T))
                {
                    body = cachedError is null ? (T)cached! : default!;
                    error = cachedError;
                    first = false;
                    return cachedError is null;
                }
            }

            object? value = null;
            Exception? failure = null;
            try
            {
                value = EventBody.ValueKind == JsonValueKind.Undefined ? null : EventBody.Deserialize<T>(GenesysCloudJson.Options);
                if (value is null)
                {
                    failure = new JsonException($"The eventBody of {TopicName} is null or missing.");
                }
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
            {
                failure = ex;
            }

            _bodies.Add((typeof(T), value, failure));
            body = failure is null ? (T)value! : default!;
            error = failure;
            first = true;
            return failure is null;
        }
    }

    private static FrameKind Classify(string topicName, JsonElement body)
    {
        if (string.Equals(topicName, SocketClosingTopic, StringComparison.Ordinal))
        {
            return FrameKind.SocketClosing;
        }

        if (!string.Equals(topicName, MetadataTopic, StringComparison.Ordinal))
        {
            return FrameKind.Event;
        }

        var message = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return message switch
        {
            "WebSocket Heartbeat" => FrameKind.Heartbeat,
            "pong" => FrameKind.Pong,
            _ => FrameKind.Metadata,
        };
    }
}
