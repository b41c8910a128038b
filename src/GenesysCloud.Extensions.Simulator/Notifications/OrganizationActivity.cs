using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Organization;

namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>
/// The organization's activity as notification events, shaped like the topics' Genesys models: conversations on queues
/// (<c>QueueConversationEventTopicConversation</c>), presence (<c>PresenceEventUserPresence</c>) and routing status
/// (<c>UserRoutingStatusUserRoutingStatus</c>). Optionally publishes one event per tick on a subscribed topic, chosen with
/// the seeded generator.
/// </summary>
internal sealed class OrganizationActivity
{
    private const string QueueConversations = "v2.routing.queues.{0}.conversations";
    private const string UserPresence = "v2.users.{0}.presence";
    private const string UserRoutingStatus = "v2.users.{0}.routingStatus";

    private static readonly string[] Presences = ["Available", "Busy", "Away", "Break", "Meal", "Meeting", "Training", "Idle"];
    private static readonly string[] RoutingStatuses = ["IDLE", "INTERACTING", "NOT_RESPONDING", "OFF_QUEUE", "COMMUNICATING"];

    private readonly SimulatorNotifications _hub;
    private readonly OrganizationStore _organization;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ITimer? _timer;
    private long _conversations;

    public OrganizationActivity(SimulatorNotifications hub, OrganizationStore organization, TimeProvider time, int seed, TimeSpan? interval)
    {
        _hub = hub;
        _organization = organization;
        _time = time;
        _random = new Random(seed);
        if (interval is { } every && every > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(static state => ((OrganizationActivity)state!).OnTick(), this, every, every);
        }
    }

    public SimulatedNotification StartConversation(string queueId)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueId);
        var number = Interlocked.Increment(ref _conversations);
        var now = GenesysDates.Format(_time.GetUtcNow());
        var queueName = (string?)_organization.GetQueue(queueId)?["name"];
        var conversationId = $"c0000000-0000-4000-8000-{number:x12}";
        var body = new JsonObject
        {
            ["id"] = conversationId,
            ["maxParticipants"] = 2,
            ["recordingState"] = "none",
            ["participants"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = $"p0000000-0000-4000-8000-{number * 2:x12}",
                    ["purpose"] = "customer",
                    ["address"] = $"tel:+1555{number % 10_000_000:0000000}",
                    ["queueId"] = queueId,
                    ["connectedTime"] = now,
                    ["calls"] = new JsonArray(new JsonObject { ["id"] = $"a0000000-0000-4000-8000-{number:x12}", ["state"] = "connected", ["direction"] = "inbound", ["connectedTime"] = now }),
                },
                new JsonObject
                {
                    ["id"] = $"p0000000-0000-4000-8000-{(number * 2) + 1:x12}",
                    ["purpose"] = "acd",
                    ["name"] = queueName,
                    ["queueId"] = queueId,
                    ["connectedTime"] = now,
                    ["calls"] = new JsonArray(new JsonObject { ["id"] = $"b0000000-0000-4000-8000-{number:x12}", ["state"] = "connected", ["direction"] = "inbound", ["connectedTime"] = now }),
                }),
        };
        return _hub.Publish(string.Format(System.Globalization.CultureInfo.InvariantCulture, QueueConversations, queueId), body);
    }

    public SimulatedNotification SetPresence(string userId, string systemPresence)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(systemPresence);
        var body = new JsonObject
        {
            ["source"] = "PURECLOUD",
            ["presenceDefinition"] = new JsonObject { ["id"] = PresenceId(systemPresence), ["systemPresence"] = systemPresence },
            ["primary"] = true,
            ["message"] = string.Empty,
            ["modifiedDate"] = GenesysDates.Format(_time.GetUtcNow()),
        };
        return _hub.Publish(string.Format(System.Globalization.CultureInfo.InvariantCulture, UserPresence, userId), body);
    }

    public SimulatedNotification SetRoutingStatus(string userId, string status)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(status);
        var body = new JsonObject
        {
            ["id"] = userId,
            ["routingStatus"] = new JsonObject { ["status"] = status, ["startTime"] = GenesysDates.Format(_time.GetUtcNow()) },
        };
        return _hub.Publish(string.Format(System.Globalization.CultureInfo.InvariantCulture, UserRoutingStatus, userId), body);
    }

    // A presence definition id per system presence, stable across runs.
    /// <summary>Stops the automatic activity.</summary>
    public void Stop() => _timer?.Dispose();

    private static string PresenceId(string systemPresence) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(systemPresence)).AsSpan(0, 16)).ToString("D");

    private void OnTick()
    {
        var topics = _hub.SubscribedTopics();
        var candidates = topics.Select(Parse).Where(static c => c.Kind is not null).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        int pick, value;
        lock (_gate)
        {
            pick = _random.Next(candidates.Count);
            value = _random.Next(100);
        }

        var (kind, id) = candidates[pick];
        _ = kind switch
        {
            "conversations" => StartConversation(id!),
            "presence" => SetPresence(id!, Presences[value % Presences.Length]),
            _ => SetRoutingStatus(id!, RoutingStatuses[value % RoutingStatuses.Length]),
        };
    }

    private static (string? Kind, string? Id) Parse(string topic)
    {
        var segments = topic.Split('.');
        return segments switch
        {
            ["v2", "routing", "queues", var id, "conversations"] => ("conversations", id),
            ["v2", "users", var id, "presence"] => ("presence", id),
            ["v2", "users", var id, "routingStatus"] => ("routingStatus", id),
            _ => (null, null),
        };
    }
}
