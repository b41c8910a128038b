using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Notifications.Tests.Integration;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Host_stop_removes_every_subscription_it_made_closes_every_socket_and_ends_the_streams()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .SubscribeEach<PresenceEventUserPresence>("v2.users.{id}.presence", Enumerable.Range(0, 1_200).Select(i => $"u{i}"))
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();
        var stream = await harness.Notifications.SubscribeAsync<QueueConversationEventTopicConversation>("v2.routing.queues.q1.conversations");
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in stream)
            {
                count++;
            }

            return count;
        });
        harness.Sim.StartConversation("q1");
        Assert.Equal(2, harness.Sim.Channels.Count(c => c.Connected));

        await harness.StopAsync();

        Assert.All(harness.Sim.Channels, c => Assert.Empty(c.Topics));
        Assert.All(harness.Sim.Channels, c => Assert.False(c.Connected));
        Assert.Equal(2, harness.Simulator.Inspector.GetOperationCount("deleteNotificationsChannelSubscriptions"));
        Assert.Equal(1, await reading.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(GenesysCloudNotificationsState.Stopped, harness.Notifications.GetStatus().State);
        var error = await Assert.ThrowsAsync<GenesysCloudNotificationException>(() => harness.Notifications.SubscribeAsync<PresenceEventUserPresence>("v2.users.late.presence"));
        Assert.Equal(GenesysCloudNotificationErrorCodes.Stopped, error.ErrorCode);
    }
}
