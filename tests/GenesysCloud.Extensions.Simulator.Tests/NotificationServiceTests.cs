using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Simulator.Tests;

/// <summary>The Notifications service over raw HTTP and a plain <see cref="ClientWebSocket"/>: what any Genesys client sees.</summary>
public sealed class NotificationServiceTests
{
    private static async Task<JsonObject> CreateChannelAsync(HttpClient client)
    {
        using var response = await client.PostAsync("api/v2/notifications/channels", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SimulatorTestHost.ReadObjectAsync(response);
    }

    private static async Task<HttpResponseMessage> PutTopicsAsync(HttpClient client, string channelId, IEnumerable<string> topics, bool ignoreErrors = false) =>
        await client.PutAsync(
            $"api/v2/notifications/channels/{channelId}/subscriptions{(ignoreErrors ? "?ignoreErrors=true" : string.Empty)}",
            SimulatorTestHost.Json(new JsonArray([.. topics.Select(t => (JsonNode)new JsonObject { ["id"] = t })]).ToJsonString()));

    private static async Task<ClientWebSocket> ConnectAsync(JsonObject channel)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)channel["connectUri"]!), CancellationToken.None);
        return socket;
    }

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return result.MessageType == WebSocketMessageType.Close ? null : JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
    }

    [Fact]
    public async Task A_channel_is_created_subscribed_listed_and_unsubscribed_but_never_deleted()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var client = await SimulatorTestHost.CreateAuthorizedClientAsync(sim);

        var channel = await CreateChannelAsync(client);
        var id = (string)channel["id"]!;
        Assert.Equal($"ws://{sim.ApiBaseAddress.Authority}/channels/{id}", (string)channel["connectUri"]!);
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/v2/notifications/channels/{id}")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        using (var put = await PutTopicsAsync(client, id, ["v2.users.u1.presence", "v2.routing.queues.q1.conversations"]))
        {
            var listing = await SimulatorTestHost.ReadObjectAsync(put);
            Assert.All(listing["entities"]!.AsArray(), e => Assert.Equal("Permitted", (string)e!["state"]!));
        }

        var subscriptions = await SimulatorTestHost.ReadObjectAsync(await client.GetAsync($"api/v2/notifications/channels/{id}/subscriptions"));
        Assert.Equal(2, subscriptions["entities"]!.AsArray().Count);
        using (var delete = await client.DeleteAsync($"api/v2/notifications/channels/{id}/subscriptions"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Empty(sim.Notifications.Channels.Single().Topics);
        using var deleteChannel = await client.DeleteAsync($"api/v2/notifications/channels/{id}");
        Assert.Equal(HttpStatusCode.NotFound, deleteChannel.StatusCode);
        Assert.Single(sim.Notifications.Channels);
    }

    [Fact]
    public async Task Subscriptions_are_limited_to_1000_topics_and_unknown_topics_are_rejected()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var client = await SimulatorTestHost.CreateAuthorizedClientAsync(sim);
        var id = (string)(await CreateChannelAsync(client))["id"]!;

        using (var tooMany = await PutTopicsAsync(client, id, Enumerable.Range(0, 1001).Select(i => $"v2.users.u{i}.presence")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        }

        using (var unknown = await PutTopicsAsync(client, id, ["v2.users.u1.presence", "v2.not.a.topic"]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        sim.Notifications.DenyTopics("v2.routing.");
        using var ignored = await PutTopicsAsync(client, id, ["v2.users.u1.presence", "v2.not.a.topic", "v2.routing.queues.q1.conversations"], ignoreErrors: true);
        var entities = (await SimulatorTestHost.ReadObjectAsync(ignored))["entities"]!.AsArray();
        Assert.Equal(["Permitted", "Rejected", "Rejected"], entities.Select(e => (string)e!["state"]!));
        Assert.Equal("missing permissions", (string)entities[2]!["rejectionReason"]!);
        Assert.Equal(["v2.users.u1.presence"], sim.Notifications.Channels.Single().Topics);
    }

    [Fact]
    public async Task A_21st_channel_removes_the_channel_used_longest_ago_unconnected_first()
    {
        await using var sim = await SimulatorTestHost.StartAsync();
        using var client = await SimulatorTestHost.CreateAuthorizedClientAsync(sim);
        var channels = new List<JsonObject>();
        for (var i = 0; i < 20; i++)
        {
            channels.Add(await CreateChannelAsync(client));
        }

        using var socket = await ConnectAsync(channels[0]);
        await sim.Notifications.WaitUntilAsync(s => s.Channels.Any(c => c.Connected)).WaitAsync(TimeSpan.FromSeconds(20));
        await CreateChannelAsync(client);

        Assert.Equal(1, sim.Notifications.ChannelsEvicted);
        Assert.Equal(20, sim.Notifications.MaxChannelsPerClient);
        var ids = sim.Notifications.Channels.Select(c => c.Id).ToList();
        Assert.Contains((string)channels[0]["id"]!, ids);
        Assert.DoesNotContain((string)channels[1]["id"]!, ids);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/v2/notifications/channels/{channels[1]["id"]}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task The_socket_gets_numbered_events_heartbeats_on_the_simulators_clock_and_pongs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorTestHost.StartAsync(o => o.TimeProvider = clock);
        using var client = await SimulatorTestHost.CreateAuthorizedClientAsync(sim);
        var channel = await CreateChannelAsync(client);
        (await PutTopicsAsync(client, (string)channel["id"]!, ["v2.users.u1.routingStatus"])).Dispose();
        using var socket = await ConnectAsync(channel);
        await sim.Notifications.WaitUntilAsync(s => s.Channels.Single().Connected).WaitAsync(TimeSpan.FromSeconds(20));

        var published = sim.Notifications.SetRoutingStatus("u1", "IDLE");
        var routing = await ReceiveAsync(socket);
        Assert.Equal("v2.users.u1.routingStatus", (string)routing!["topicName"]!);
        Assert.Equal("IDLE", (string)routing["eventBody"]!["routingStatus"]!["status"]!);
        Assert.Equal(published.CorrelationId, (string)routing["metadata"]!["CorrelationId"]!);
        Assert.Equal(1, (long)routing["metadata"]!["sequence"]!);

        clock.Advance(TimeSpan.FromSeconds(30));
        var heartbeat = await ReceiveAsync(socket);
        Assert.Equal("channel.metadata", (string)heartbeat!["topicName"]!);
        Assert.Equal("WebSocket Heartbeat", (string)heartbeat["eventBody"]!["message"]!);

        await socket.SendAsync("{\"message\":\"ping\"}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var pong = await ReceiveAsync(socket);
        Assert.Equal("pong", (string)pong!["eventBody"]!["message"]!);
        Assert.Equal(1, sim.Notifications.DeliveredCount);
    }

    [Fact]
    public async Task A_channel_expires_after_24_hours_and_its_socket_is_closed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorTestHost.StartAsync(o => { o.TimeProvider = clock; o.TokenLifetime = TimeSpan.FromDays(2); });
        using var client = await SimulatorTestHost.CreateAuthorizedClientAsync(sim);
        var channel = await CreateChannelAsync(client);
        Assert.Equal("2026-01-02T00:00:00.000Z", (string)channel["expires"]!);
        using var socket = await ConnectAsync(channel);
        await sim.Notifications.WaitUntilAsync(s => s.Channels.Single().Connected).WaitAsync(TimeSpan.FromSeconds(20));

        sim.Notifications.StopHeartbeats();
        clock.Advance(TimeSpan.FromHours(24));

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Empty(sim.Notifications.Channels);
        var reconnect = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
        await Assert.ThrowsAsync<WebSocketException>(() => reconnect.ConnectAsync(new Uri((string)channel["connectUri"]!), CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, reconnect.HttpStatusCode);
        reconnect.Dispose();
    }

    [Fact]
    public async Task A_channel_stops_with_its_token_and_events_without_a_socket_are_counted_undelivered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorTestHost.StartAsync(o => { o.TimeProvider = clock; o.TokenLifetime = TimeSpan.FromHours(1); });
        using var client = await SimulatorTestHost.CreateAuthorizedClientAsync(sim);
        var channel = await CreateChannelAsync(client);
        (await PutTopicsAsync(client, (string)channel["id"]!, ["v2.users.u1.presence"])).Dispose();

        sim.Notifications.SetPresence("u1", "Busy");
        Assert.Equal("no socket", sim.Notifications.Deliveries.Single().Reason);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(sim.Notifications.Channels);
    }

    [Fact]
    public async Task Each_organization_has_its_own_channels_events_and_control_and_its_host_serves_its_sockets()
    {
        await using var sim = await SimulatorTestHost.StartAsync(o =>
        {
            o.Organizations.Add(new SimulatorOrganizationOptions("fabrikam"));
            o.Organizations.Add(new SimulatorOrganizationOptions("contoso") { Port = 0 });
        });
        var fabrikam = sim.GetOrganization("fabrikam");
        var contoso = sim.GetOrganization("contoso");
        using var fabrikamClient = await SimulatorTestHost.CreateAuthorizedClientAsync(fabrikam);
        using var contosoClient = await SimulatorTestHost.CreateAuthorizedClientAsync(contoso);

        var channel = await CreateChannelAsync(fabrikamClient);
        (await PutTopicsAsync(fabrikamClient, (string)channel["id"]!, ["v2.users.u1.presence"])).Dispose();
        Assert.Empty(sim.Notifications.Channels);
        Assert.Equal([(string)channel["id"]!], fabrikam.Notifications.Channels.Select(c => c.Id));
        using var socket = await ConnectAsync(channel);
        await fabrikam.Notifications.WaitUntilAsync(n => n.Channels.Single().Connected).WaitAsync(TimeSpan.FromSeconds(20));

        // The same topic in another organization is another stream: the default organization's event goes nowhere.
        sim.Notifications.SetPresence("u1", "Away");
        Assert.Empty(sim.Notifications.Deliveries);
        using var control = SimulatorTestHost.CreateClient(sim);
        using (var published = await control.PostAsync("_simulator/notifications/events?organization=fabrikam", SimulatorTestHost.Json("""{"kind":"presence","userId":"u1","presence":"Busy"}""")))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        var received = await ReceiveAsync(socket);
        Assert.Equal("Busy", (string)received!["eventBody"]!["presenceDefinition"]!["systemPresence"]!);
        Assert.Equal(1, (long)received["metadata"]!["sequence"]!);
        using (var unknown = await control.GetAsync("_simulator/notifications?organization=nobody"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // A channel of an organization on its own host is not served by another host, as in another region.
        var contosoChannel = await CreateChannelAsync(contosoClient);
        Assert.StartsWith($"ws://{contoso.ApiBaseAddress.Authority}/", (string)contosoChannel["connectUri"]!, StringComparison.Ordinal);
        using var wrongHost = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
        await Assert.ThrowsAsync<WebSocketException>(() => wrongHost.ConnectAsync(new Uri($"ws://{sim.ApiBaseAddress.Authority}/channels/{contosoChannel["id"]}"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, wrongHost.HttpStatusCode);
    }
}
