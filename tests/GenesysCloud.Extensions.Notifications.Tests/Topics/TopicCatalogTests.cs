using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Models;
using GenesysCloud.Extensions.Notifications.Events;

namespace GenesysCloud.Extensions.Notifications.Tests.Topics;

public sealed class TopicCatalogTests
{
    [Fact]
    public void Every_topic_of_this_api_version_is_known_with_its_generated_type()
    {
        Assert.Equal(237, GenesysCloudNotificationTopics.Patterns.Count);
        Assert.Equal(typeof(QueueConversationEventTopicConversation), GenesysCloudNotificationTopics.GetEventType("v2.routing.queues.{id}.conversations"));
        Assert.Equal(typeof(PresenceEventUserPresence), GenesysCloudNotificationTopics.GetEventType("v2.users.8b67e4d5.presence"));
        Assert.Equal(typeof(UserRoutingStatusUserRoutingStatus), GenesysCloudNotificationTopics.GetEventType("v2.users.8b67e4d5.routingStatus"));
        Assert.Null(GenesysCloudNotificationTopics.GetEventType("v2.users.8b67e4d5.unheardof"));
        Assert.All(GenesysCloudNotificationTopics.Patterns, p => Assert.Equal(p, GenesysCloudNotificationTopics.GetPattern(p.Replace("{id}", "x1", StringComparison.Ordinal))));
    }

    [Fact]
    public void Format_fills_the_ids_in_order_and_refuses_ids_that_change_the_shape()
    {
        Assert.Equal("v2.audits.entitytype.Queue.entityid.42", GenesysCloudNotificationTopics.Format("v2.audits.entitytype.{id}.entityid.{id}", "Queue", "42"));
        foreach (var id in new[] { "a.b", "a b", "a?b", "a&b", "{id}", "a*", "a/b", "" })
        {
            var error = Assert.Throws<GenesysCloudArgumentException>(() => GenesysCloudNotificationTopics.Format("v2.users.{id}.presence", id));
            Assert.Equal(GenesysCloudNotificationErrorCodes.TopicIdInvalid, error.ErrorCode);
        }
    }

    [Fact]
    public void A_literal_segment_wins_over_an_id_segment()
    {
        // v2.system.{id}.{id} would also match a four-segment v2.system topic; three-segment socket_closing is its own.
        Assert.Equal("v2.system.socket_closing", GenesysCloudNotificationTopics.GetPattern("v2.system.socket_closing"));
        Assert.Equal("v2.system.{id}.{id}", GenesysCloudNotificationTopics.GetPattern("v2.system.a.b"));
    }

    [Fact]
    public void Generated_events_keep_unknown_properties_and_unknown_enum_values()
    {
        var body = JsonSerializer.Deserialize<UserRoutingStatusUserRoutingStatus>("""{"id":"u1","routingStatus":{"status":"DREAMING","startTime":"2026-01-01T00:00:00.000Z"},"future":1}""", GenesysCloud.Extensions.Serialization.GenesysCloudJson.Options)!;
        Assert.Equal("DREAMING", body.RoutingStatus!.Status!.Value.ToString());
        Assert.Equal(1, body.ExtensionData!["future"].GetInt32());
        Assert.Contains("\"status\":\"DREAMING\"", JsonSerializer.Serialize(body, GenesysCloud.Extensions.Serialization.GenesysCloudJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Events_of_a_shared_definition_reference_the_api_model()
    {
        // The shared spec has no topic typed by an API model today; the rule is covered by the generator's tests, and here
        // every table type is an Events model or an API model, never a duplicate of one.
        var types = GenesysCloudNotificationTopics.Patterns.Select(p => GenesysCloudNotificationTopics.GetEventType(p)!).Distinct().ToList();
        Assert.All(types, t => Assert.True(t.Namespace is "GenesysCloud.Extensions.Notifications.Events" or "GenesysCloud.Extensions.Models"));
        Assert.DoesNotContain(types, t => typeof(Queue).Assembly.GetType("GenesysCloud.Extensions.Models." + t.Name) is not null && t.Namespace != "GenesysCloud.Extensions.Models");
    }
}
