using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Notifications.Tests.Integration;

/// <summary>
/// Every way a channel breaks, against the simulator on simulated time: the stream heals, and no event the simulator sent
/// (it numbers them) is lost or delivered twice. Handovers (closing warning, expiry, token refresh) overlap the old and
/// the new channel — the removal of the old one's subscriptions is held (a stall on the simulator's clock) so that events
/// published meanwhile certainly reach both — and lose nothing at all.
/// </summary>
public sealed class HealingTests
{
    private static readonly string[] Users = ["0a1b2c3d-0000-4000-8000-000000000001", "0a1b2c3d-0000-4000-8000-000000000002", "0a1b2c3d-0000-4000-8000-000000000003"];
    private static readonly string[] Presences = ["Available", "Busy", "Away", "Meal"];

    private static Task<NotificationHarness> StartAsync(Action<GenesysCloudSimulatorOptions>? simulator = null, Action<GenesysCloud.Extensions.Options.GenesysCloudOptions>? client = null, Action<GenesysCloudNotificationsOptions>? options = null) =>
        NotificationHarness.StartAsync(
            n =>
            {
                n.SubscribeEach<PresenceEventUserPresence>("v2.users.{id}.presence", Users)
                    .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton);
                if (options is not null)
                {
                    n.Configure(options);
                }
            },
            simulator,
            client);

    private static void Publish(NotificationHarness harness, int count)
    {
        for (var i = 0; i < count; i++)
        {
            harness.Sim.SetPresence(Users[i % Users.Length], Presences[i % Presences.Length]);
        }
    }

    private static RecordingHandler<PresenceEventUserPresence> Handler(NotificationHarness harness) => harness.Get<RecordingHandler<PresenceEventUserPresence>>();

    private static async Task ReceivedEverythingSentAsync(NotificationHarness harness)
    {
        await harness.Sim.WaitUntilAsync(static s => s.PendingDeliveries == 0).WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => Handler(harness).Received.Count >= harness.Sim.DeliveredCount, "every event the simulator sent was handled", harness.Describe);
    }

    private static async Task WaitReceivedAsync(NotificationHarness harness, int distinct) =>
        await Eventually.TrueAsync(() => Handler(harness).Received.Select(DeliveryAudit.Sequence).Distinct().Count() >= distinct, $"{distinct} distinct events were handled", harness.Describe);

    // Holds DELETE …/subscriptions on the simulator's clock: the old channel keeps delivering while the new one does too.
    private static string HoldUnsubscribe(NotificationHarness harness) =>
        harness.Simulator.Faults.Add(new SimulatorFault
        {
            Kind = SimulatorFaultKind.Stall,
            Method = "DELETE",
            Path = "/api/v2/notifications/channels/{channelId}/subscriptions",
            Delay = TimeSpan.FromSeconds(20),
        });

    private static async Task OverlapAsync(NotificationHarness harness, int events)
    {
        // Both channels carry the topics and the old one's unsubscription is parked on the clock.
        await harness.Sim.WaitUntilAsync(s => s.Channels.Count(c => c.Topics.Count == Users.Length && c.Connected) == 2).WaitAsync(TimeSpan.FromSeconds(30));
        await harness.Simulator.Inspector.WaitUntilAsync(i => i.DelayedRequests == 1).WaitAsync(TimeSpan.FromSeconds(30));
        var before = harness.Sim.DeliveredCount;
        var discarded = harness.Notifications.GetStatus().DuplicatesDiscarded;
        Publish(harness, events);
        await harness.Sim.WaitUntilAsync(s => s.DeliveredCount >= before + (2 * events)).WaitAsync(TimeSpan.FromSeconds(30));

        // Sent on both sockets is not yet read from both: the old channel is retired only once the client has read every
        // copy (a loaded machine once retired it with the second copies still unread in its socket, so none was counted).
        await Eventually.TrueAsync(() => harness.Notifications.GetStatus().DuplicatesDiscarded >= discarded + events, "the client read both copies of every event", harness.Describe);
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => harness.Sim.Channels.Count(c => c.Connected) == 1 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "the old channel was retired", harness.Describe);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_to_its_channel_without_losing_or_duplicating_a_sent_event()
    {
        await using var harness = await StartAsync();
        await harness.WaitUntilActiveAsync();
        Publish(harness, 6);
        await WaitReceivedAsync(harness, 6);

        Assert.Equal(1, harness.Sim.DropSockets());
        Publish(harness, 6);
        await Eventually.TrueAsync(() => harness.Sim.SocketConnections == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "the socket reconnected", harness.Describe);
        Publish(harness, 6);
        await ReceivedEverythingSentAsync(harness);

        DeliveryAudit.NothingSentLostNorDuplicated(harness, Handler(harness).Received);
        Assert.True(Handler(harness).Received.Count >= 12, "the events before the drop and after the reconnection arrived");
        Assert.Equal(1, harness.Sim.ChannelsCreated);
        var channel = Assert.Single(harness.Notifications.GetStatus().Channels);
        Assert.Equal("socket_dropped", channel.LastReconnectReason);
    }

    [Fact]
    public async Task A_silent_socket_is_pinged_then_replaced_without_losing_or_duplicating_a_sent_event()
    {
        await using var harness = await StartAsync();
        await harness.WaitUntilActiveAsync();
        Publish(harness, 3);
        await WaitReceivedAsync(harness, 3);

        Assert.Equal(1, harness.Sim.StopHeartbeats());
        Publish(harness, 3);
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Sim.SocketConnections == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, TimeSpan.FromSeconds(5), "reconnected after the silence", harness.Describe);
        Publish(harness, 3);
        await ReceivedEverythingSentAsync(harness);

        DeliveryAudit.NothingSentLostNorDuplicated(harness, Handler(harness).Received);
        Assert.Equal(6, Handler(harness).Received.Count);
        Assert.Equal(3, harness.Sim.Deliveries.Count(d => d.Reason == "silenced"));
        Assert.Equal("heartbeat_timeout", harness.Notifications.GetStatus().Channels.Single().LastReconnectReason);
        Assert.Contains(harness.Logs.Entries, e => e.Contains("sent a ping", StringComparison.Ordinal));
        Assert.Equal(1, harness.Sim.ChannelsCreated);
    }

    [Fact]
    public async Task A_closing_warning_hands_over_to_a_new_channel_without_losing_or_duplicating_an_event()
    {
        await using var harness = await StartAsync();
        await harness.WaitUntilActiveAsync();
        Publish(harness, 4);
        HoldUnsubscribe(harness);

        Assert.Equal(1, harness.Sim.SendClosingWarning());
        await OverlapAsync(harness, events: 8);
        Publish(harness, 4);
        await WaitReceivedAsync(harness, 16);

        DeliveryAudit.NothingPublishedLostNorDuplicated(harness, Handler(harness).Received);
        var status = harness.Notifications.GetStatus();
        Assert.Equal(8, status.DuplicatesDiscarded);
        Assert.Equal(2, harness.Sim.ChannelsCreated);
        Assert.Equal("closing_warning", status.Channels.Single().LastReconnectReason);
        Assert.Equal(harness.Sim.Channels[1].Id, status.Channels.Single().ChannelId);
        Assert.Empty(harness.Sim.Channels[0].Topics);
    }

    [Fact]
    public async Task A_channel_about_to_expire_hands_over_before_it_expires_without_losing_or_duplicating_an_event()
    {
        await using var harness = await StartAsync(
            simulator: s => { s.Notifications.ChannelLifetime = TimeSpan.FromHours(2); s.TokenLifetime = TimeSpan.FromDays(2); },
            options: o => o.RenewBeforeExpiry = TimeSpan.FromMinutes(10));
        await harness.WaitUntilActiveAsync();
        var first = harness.Sim.Channels.Single();
        Publish(harness, 4);
        HoldUnsubscribe(harness);

        harness.Time.Advance(TimeSpan.FromMinutes(109));
        // Steps of 5 s: the handover (real HTTP and WebSocket on loopback) has 120 steps' worth of real time before the
        // channel expires, however slow the machine.
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Sim.ChannelsCreated == 2, TimeSpan.FromSeconds(5), "a second channel was created", harness.Describe);
        Assert.True(harness.Time.GetUtcNow() < first.Expires, "the handover started before the channel expired");
        await OverlapAsync(harness, events: 8);
        harness.Time.Advance(first.Expires - harness.Time.GetUtcNow());
        await harness.Sim.WaitUntilAsync(s => s.Channels.All(c => c.Id != first.Id)).WaitAsync(TimeSpan.FromSeconds(30));
        Publish(harness, 4);
        await WaitReceivedAsync(harness, 16);

        DeliveryAudit.NothingPublishedLostNorDuplicated(harness, Handler(harness).Received);
        var status = harness.Notifications.GetStatus();
        Assert.Equal(8, status.DuplicatesDiscarded);
        Assert.Equal("channel_expiring", status.Channels.Single().LastReconnectReason);
        Assert.Equal(GenesysCloudNotificationsState.Active, status.State);
    }

    [Fact]
    public async Task A_token_refresh_hands_over_to_a_channel_of_the_new_token_without_losing_or_duplicating_an_event()
    {
        await using var harness = await StartAsync(simulator: s => s.TokenLifetime = TimeSpan.FromHours(1));
        await harness.WaitUntilActiveAsync();
        var first = harness.Sim.Channels.Single();
        Publish(harness, 4);
        HoldUnsubscribe(harness);

        // The client refreshes 5 minutes before expiry, on the first call after that: the periodic channel check.
        harness.Time.Advance(TimeSpan.FromMinutes(54));
        // Steps of 5 s: the refresh and the handover (real HTTP and WebSocket on loopback) have 60 steps' worth of real time
        // before the old token expires, however slow the machine (with 30 s steps a loaded CI machine ran past it once).
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Sim.ChannelsCreated == 2, TimeSpan.FromSeconds(5), "a channel was created with the new token", harness.Describe);
        Assert.Equal(2, harness.Simulator.Inspector.TokensIssued);
        await OverlapAsync(harness, events: 8);

        // The old token expires: its channel stops, the new one carries on.
        harness.Time.Advance(first.CreatedAt + TimeSpan.FromHours(1) - harness.Time.GetUtcNow());
        await Eventually.AdvanceUntilAsync(harness.Time, () => harness.Sim.Channels.All(c => c.Id != first.Id), TimeSpan.FromSeconds(30), "the old token's channel stopped", harness.Describe);
        Publish(harness, 4);
        await WaitReceivedAsync(harness, 16);

        DeliveryAudit.NothingPublishedLostNorDuplicated(harness, Handler(harness).Received);
        var status = harness.Notifications.GetStatus();
        Assert.Equal(8, status.DuplicatesDiscarded);
        Assert.Equal("token_refreshed", status.Channels.Single().LastReconnectReason);
        Assert.Equal(GenesysCloudNotificationsState.Active, status.State);
    }

    [Fact]
    public async Task An_expired_channel_is_replaced_without_losing_or_duplicating_a_sent_event()
    {
        await using var harness = await StartAsync();
        await harness.WaitUntilActiveAsync();
        Publish(harness, 3);
        await WaitReceivedAsync(harness, 3);

        Assert.Equal(1, harness.Sim.ExpireChannels());
        await Eventually.TrueAsync(() => harness.Sim.ChannelsCreated == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "a new channel carries the topics", harness.Describe);
        Publish(harness, 3);
        await ReceivedEverythingSentAsync(harness);

        DeliveryAudit.NothingSentLostNorDuplicated(harness, Handler(harness).Received);
        Assert.Equal(6, Handler(harness).Received.Count);
        Assert.Equal(Users.Length, harness.Sim.Channels.Single().Topics.Count);
        Assert.Equal("channel_gone", harness.Notifications.GetStatus().Channels.Single().LastReconnectReason);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_and_its_channel_too_without_losing_or_duplicating_a_sent_event()
    {
        await using var harness = await StartAsync();
        await harness.WaitUntilActiveAsync();
        Publish(harness, 3);
        await WaitReceivedAsync(harness, 3);

        Assert.Equal(1, harness.Sim.RevokeTokens());
        await Eventually.TrueAsync(() => harness.Sim.ChannelsCreated == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "a new channel carries the topics", harness.Describe);
        Publish(harness, 3);
        await ReceivedEverythingSentAsync(harness);

        DeliveryAudit.NothingSentLostNorDuplicated(harness, Handler(harness).Received);
        Assert.Equal(6, Handler(harness).Received.Count);
        Assert.Equal(2, harness.Simulator.Inspector.TokensIssued);
    }
}
