using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Notifications.Tests.Integration;

public sealed class HandlerTests
{
    private const string UserId = "u-handlers";
    private static readonly string Topic = $"v2.users.{UserId}.presence";

    [Fact]
    public async Task A_throwing_handler_does_not_stop_the_stream_nor_the_other_handlers()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .Subscribe<PresenceEventUserPresence>("v2.users.{id}.presence", UserId)
            .AddHandler<ThrowingHandler>(ServiceLifetime.Singleton)
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();
        await using var stream = await harness.Notifications.SubscribeAsync<PresenceEventUserPresence>(Topic);

        for (var i = 0; i < 10; i++)
        {
            harness.Sim.SetPresence(UserId, i % 2 == 0 ? "Busy" : "Available");
        }

        var throwing = harness.Get<ThrowingHandler>();
        var recording = harness.Get<RecordingHandler<PresenceEventUserPresence>>();
        await Eventually.TrueAsync(() => throwing.Calls == 10 && recording.Received.Count == 10, "every handler saw every event", harness.Describe);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var streamed = 0;
        await foreach (var _ in stream.WithCancellation(timeout.Token))
        {
            if (++streamed == 10)
            {
                break;
            }
        }

        Assert.Equal(10, harness.Notifications.GetStatus().HandlerErrors);
        Assert.Equal(10, harness.Logs.Entries.Count(e => e.Contains($"handler {typeof(ThrowingHandler).FullName} failed", StringComparison.Ordinal)));
        Assert.Equal(GenesysCloudNotificationsState.Active, harness.Notifications.GetStatus().State);
    }

    [Fact]
    public async Task A_slow_handler_drops_its_oldest_events_counts_them_and_blocks_nobody()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .Subscribe<PresenceEventUserPresence>("v2.users.{id}.presence", UserId)
            .Configure(o => o.HandlerBufferCapacity = 5)
            .AddHandler<BlockedHandler>(ServiceLifetime.Singleton)
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();
        var blocked = harness.Get<BlockedHandler>();
        var recording = harness.Get<RecordingHandler<PresenceEventUserPresence>>();

        harness.Sim.SetPresence(UserId, "Busy");
        await blocked.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // One at a time, so that only the blocked handler's buffer fills: the other handler keeps up with each event.
        var published = new List<Simulator.SimulatedNotification>();
        for (var i = 0; i < 20; i++)
        {
            published.Add(harness.Sim.SetPresence(UserId, "Away"));
            await Eventually.TrueAsync(() => recording.Received.Count == i + 2, "the other handler got the event at once", harness.Describe);
        }

        Assert.Equal(15, harness.Notifications.GetStatus().EventsDropped);
        blocked.Release.SetResult();
        await Eventually.TrueAsync(() => blocked.Handled.Count == 6, "the blocked handler caught up on what its buffer kept", harness.Describe);
        Assert.Equal(published.TakeLast(5).Select(p => p.Sequence), blocked.Handled.Skip(1).Select(DeliveryAudit.Sequence));
        Assert.Single(harness.Logs.Entries, e => e.Contains("is full (5 events)", StringComparison.Ordinal));
    }

    internal sealed class ThrowingHandler : INotificationHandler<PresenceEventUserPresence>
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task HandleAsync(GenesysCloudNotification<PresenceEventUserPresence> notification, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("handler bug");
        }
    }

    internal sealed class BlockedHandler : INotificationHandler<PresenceEventUserPresence>
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<GenesysCloudNotification<PresenceEventUserPresence>> Handled { get; } = new();

        public async Task HandleAsync(GenesysCloudNotification<PresenceEventUserPresence> notification, CancellationToken cancellationToken)
        {
            Handled.Enqueue(notification);
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }
}
