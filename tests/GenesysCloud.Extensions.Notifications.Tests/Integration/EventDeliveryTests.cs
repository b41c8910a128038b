using System.Text.Json;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Notifications.Tests.Integration;

public sealed class EventDeliveryTests
{
    private const string QueueId = "6f0e1c7a-3b1d-4b9e-9d55-0f6a2d1c0a01";
    private const string UserId = "1b6e3f2a-8c4d-4e5f-9a6b-7c8d9e0f1a02";

    [Fact]
    public async Task Queue_conversation_events_arrive_typed_at_the_handler_with_topic_version_and_correlation_id()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .Subscribe<QueueConversationEventTopicConversation>("v2.routing.queues.{id}.conversations", QueueId)
            .AddHandler<RecordingHandler<QueueConversationEventTopicConversation>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();
        var handler = harness.Get<RecordingHandler<QueueConversationEventTopicConversation>>();

        var published = harness.Sim.StartConversation(QueueId);

        await Eventually.TrueAsync(() => !handler.Received.IsEmpty, "the event reached the handler", harness.Describe);
        var notification = Assert.Single(handler.Received);
        Assert.Equal($"v2.routing.queues.{QueueId}.conversations", notification.TopicName);
        Assert.Equal("v2.routing.queues.{id}.conversations", notification.TopicPattern);
        Assert.Equal("2", notification.Version);
        Assert.Equal(published.CorrelationId, notification.Metadata.CorrelationId);
        Assert.StartsWith("c0000000-", notification.EventBody.Id, StringComparison.Ordinal);
        Assert.Equal(["customer", "acd"], notification.EventBody.Participants!.Select(p => p.Purpose));
        Assert.Equal(QueueId, notification.EventBody.Participants![0].QueueId);
        Assert.Equal("connected", notification.EventBody.Participants![0].Calls![0].State?.ToString());
        Assert.Equal(harness.Sim.Channels.Single().Id, notification.ChannelId);
    }

    [Fact]
    public async Task A_run_time_subscription_streams_typed_events_and_unsubscribes_when_disposed()
    {
        await using var harness = await NotificationHarness.StartAsync();
        var topic = GenesysCloudNotificationTopics.Format("v2.users.{id}.presence", UserId);

        var subscription = await harness.Notifications.SubscribeAsync<PresenceEventUserPresence>(topic);
        Assert.Equal([topic], harness.Sim.Channels.Single().Topics);
        harness.Sim.SetPresence(UserId, "Busy");
        harness.Sim.SetPresence(UserId, "Available");

        var received = new List<GenesysCloudNotification<PresenceEventUserPresence>>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var notification in subscription.WithCancellation(timeout.Token))
        {
            received.Add(notification);
            if (received.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["Busy", "Available"], received.Select(n => n.EventBody.PresenceDefinition!.SystemPresence));
        await subscription.DisposeAsync();
        await Eventually.TrueAsync(() => harness.Sim.Channels.All(c => c.Topics.Count == 0), "the topic was unsubscribed", harness.Describe);
    }

    [Fact]
    public async Task Unknown_properties_and_unknown_topics_arrive_as_extension_data_and_json()
    {
        const string unknownTopic = "v2.brandnew.widgets.42.changes";
        await using var harness = await NotificationHarness.StartAsync(
            n => n.Configure(o => o.AllowUnknownTopics = true),
            simulator: s => s.Notifications.AdditionalTopics.Add("v2.brandnew.widgets.{id}.changes"));
        var presenceTopic = GenesysCloudNotificationTopics.Format("v2.users.{id}.presence", UserId);
        await using var typed = await harness.Notifications.SubscribeAsync<PresenceEventUserPresence>(presenceTopic);
        await using var raw = await harness.Notifications.SubscribeAsync<JsonElement>(unknownTopic);

        harness.Sim.Publish(presenceTopic, new JsonObject { ["source"] = "PURECLOUD", ["mood"] = "sunny", ["presenceDefinition"] = new JsonObject { ["systemPresence"] = "Away", ["color"] = "blue" } });
        harness.Sim.Publish(unknownTopic, new JsonObject { ["widget"] = 42 });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var presence = await FirstAsync(typed, timeout.Token);
        var widget = await FirstAsync(raw, timeout.Token);
        Assert.Equal("sunny", presence.EventBody.ExtensionData!["mood"].GetString());
        Assert.Equal("blue", presence.EventBody.PresenceDefinition!.ExtensionData!["color"].GetString());
        Assert.Equal(42, widget.EventBody.GetProperty("widget").GetInt32());
        Assert.Null(widget.TopicPattern);
        Assert.Equal(1L, presence.Metadata.ExtensionData!["sequence"].GetInt64());
    }

    [Fact]
    public async Task A_body_that_is_not_the_topics_type_is_counted_and_the_stream_goes_on()
    {
        await using var harness = await NotificationHarness.StartAsync();
        var topic = GenesysCloudNotificationTopics.Format("v2.users.{id}.presence", UserId);
        await using var subscription = await harness.Notifications.SubscribeAsync<PresenceEventUserPresence>(topic);

        harness.Sim.Publish(topic, new JsonObject { ["primary"] = "not a boolean" });
        harness.Sim.SetPresence(UserId, "Meal");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var next = await FirstAsync(subscription, timeout.Token);
        Assert.Equal("Meal", next.EventBody.PresenceDefinition!.SystemPresence);
        Assert.Contains(harness.Logs.Entries, e => e.Contains("could not be read as PresenceEventUserPresence", StringComparison.Ordinal));
    }

    internal static async Task<GenesysCloudNotification<T>> FirstAsync<T>(IAsyncEnumerable<GenesysCloudNotification<T>> stream, CancellationToken cancellationToken)
    {
        await foreach (var notification in stream.WithCancellation(cancellationToken))
        {
            return notification;
        }

        throw new InvalidOperationException("The stream ended.");
    }
}
