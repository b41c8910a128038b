using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Notifications.Tests.Integration;

/// <summary>Genesys's limits: 1,000 topics per channel, 20 channels per OAuth client (the library never makes a 21st).</summary>
public sealed class ChannelLimitTests
{
    private static IEnumerable<string> UserIds(int count) => Enumerable.Range(0, count).Select(i => $"u{i:00000}");

    [Fact]
    public async Task Fifteen_hundred_topics_use_two_channels_of_1000_and_500()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .SubscribeEach<PresenceEventUserPresence>("v2.users.{id}.presence", UserIds(1_500))
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();

        Assert.Equal([1_000, 500], harness.Sim.Channels.Select(c => c.Topics.Count));
        Assert.All(harness.Sim.Channels, c => Assert.True(c.Connected));
        Assert.Equal(1_500, harness.Sim.Channels.SelectMany(c => c.Topics).Distinct().Count());
        harness.Sim.SetPresence("u00000", "Busy");
        harness.Sim.SetPresence("u01499", "Away");
        var handler = harness.Get<RecordingHandler<PresenceEventUserPresence>>();
        await Eventually.TrueAsync(() => handler.Received.Count == 2, "an event of each channel arrived", harness.Describe);
        Assert.Equal(2, handler.Received.Select(n => n.ChannelId).Distinct().Count());
        Assert.Equal(2, harness.Notifications.GetStatus().Channels.Count);
    }

    [Fact]
    public async Task A_21st_channel_is_never_created_even_when_every_channel_hands_over_at_once()
    {
        // 19,000 topics fill 19 channels; the 20th is kept for handovers.
        await using var harness = await NotificationHarness.StartAsync(n => n
            .SubscribeEach<PresenceEventUserPresence>("v2.users.{id}.presence", UserIds(19_000))
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();
        Assert.Equal(19, harness.Sim.Channels.Count);
        var requests = harness.Simulator.Inspector.TotalRequests;

        // One more topic does not fit: refused before anything is sent.
        var error = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => harness.Notifications.SubscribeAsync<PresenceEventUserPresence>("v2.users.one-too-many.presence"));
        Assert.Equal(GenesysCloudNotificationErrorCodes.TooManyTopics, error.ErrorCode);
        Assert.Equal(requests, harness.Simulator.Inspector.TotalRequests);

        // Maintenance on every socket: 19 handovers, each through the free channel, the warned channels reused.
        Assert.Equal(19, harness.Sim.SendClosingWarning());
        await Eventually.TrueAsync(
            () => harness.Notifications.GetStatus() is { State: GenesysCloudNotificationsState.Active } status && status.Reconnects == 19
                && status.Channels.All(c => c.State == "connected") && harness.Sim.Channels.Count(c => c.Connected) == 19,
            "every channel handed over",
            harness.Describe,
            seconds: 60);

        Assert.True(harness.Sim.MaxChannelsPerClient <= 20, $"at most 20 channels existed at once ({harness.Sim.MaxChannelsPerClient})");
        Assert.Equal(0, harness.Sim.ChannelsEvicted);
        Assert.True(harness.Notifications.GetStatus().ExistingChannels <= 20);
        Assert.Equal(19_000, harness.Sim.Channels.Sum(c => c.Topics.Count));
        Assert.Equal(19, harness.Sim.Channels.Count(c => c.Connected));
    }

    [Fact]
    public async Task Topics_added_and_removed_at_run_time_share_and_release_channels()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .Configure(o => o.MaxTopicsPerChannel = 2)
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));

        await harness.Notifications.AddTopicsAsync(UserIds(3).Select(u => $"v2.users.{u}.presence"));
        Assert.Equal([2, 1], harness.Sim.Channels.Select(c => c.Topics.Count));
        await using (var stream = await harness.Notifications.SubscribeAsync<PresenceEventUserPresence>("v2.users.u00000.presence"))
        {
            // Shared: still three topics.
            Assert.Equal(3, harness.Notifications.GetStatus().TopicCount);
            await harness.Notifications.RemoveTopicsAsync(["v2.users.u00000.presence", "v2.users.u00002.presence"]);
            Assert.Equal(["v2.users.u00000.presence", "v2.users.u00001.presence"], harness.Sim.Channels.Where(c => c.Connected).SelectMany(c => c.Topics).Order());
        }

        await Eventually.TrueAsync(() => harness.Notifications.GetStatus().TopicCount == 1, "the stream's topic was released", harness.Describe);
        await Eventually.TrueAsync(() => harness.Sim.Channels.SelectMany(c => c.Topics).SequenceEqual(["v2.users.u00001.presence"]), "only the handlers' topic stays", harness.Describe);
        Assert.Single(harness.Notifications.GetStatus().Channels);
    }
}
