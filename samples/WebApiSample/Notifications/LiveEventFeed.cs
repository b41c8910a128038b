using System.Text.Json;
using GenesysCloud.Extensions.Notifications;

namespace WebApiSample.Notifications;

/// <summary>
/// The dashboard's live event feed: a notification handler of <see cref="JsonElement"/> (so it receives every event, of
/// every topic) that keeps the last <see cref="Capacity"/> events, newest first, each with a one-line summary.
/// </summary>
public sealed class LiveEventFeed(TimeProvider time) : INotificationHandler<JsonElement>
{
    public const int Capacity = 25;

    private readonly Lock _lock = new();
    private readonly LinkedList<LiveEvent> _events = new();
    private readonly List<(long Count, TaskCompletionSource Signal)> _waiters = [];
    private long _received;

    public Task HandleAsync(GenesysCloudNotification<JsonElement> notification, CancellationToken cancellationToken)
    {
        var entry = new LiveEvent(notification.ReceivedAt, notification.TopicPattern ?? "unknown", notification.TopicName, Summarize(notification), (time.GetUtcNow() - notification.ReceivedAt).TotalMilliseconds);
        lock (_lock)
        {
            _received++;
            _events.AddFirst(entry);
            while (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }

            _waiters.RemoveAll(w => w.Count <= _received && w.Signal.TrySetResult());
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes once the feed has received <paramref name="count"/> events.</summary>
    public Task WaitForAsync(long count, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_received >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    public (long Received, IReadOnlyList<LiveEvent> Latest) Snapshot()
    {
        lock (_lock)
        {
            return (_received, [.. _events]);
        }
    }

    private static string Summarize(GenesysCloudNotification<JsonElement> notification)
    {
        var body = notification.EventBody;
        string? Text(params string[] path)
        {
            var element = body;
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        }

        return notification.TopicPattern switch
        {
            "v2.routing.queues.{id}.conversations" => $"conversation {Text("id")} with {(body.TryGetProperty("participants", out var p) && p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0)} participants",
            "v2.users.{id}.presence" => $"presence {Text("presenceDefinition", "systemPresence")}",
            "v2.users.{id}.routingStatus" => $"routing status {Text("routingStatus", "status")}",
            _ => $"{body.ValueKind} body",
        };
    }
}

/// <summary>One event of the feed.</summary>
/// <param name="ReceivedAt">When the client received it.</param>
/// <param name="TopicPattern">Its topic pattern.</param>
/// <param name="Topic">Its topic.</param>
/// <param name="Summary">A one-line summary.</param>
/// <param name="LagMilliseconds">How long it waited before this handler ran.</param>
public sealed record LiveEvent(DateTimeOffset ReceivedAt, string TopicPattern, string Topic, string Summary, double LagMilliseconds);
