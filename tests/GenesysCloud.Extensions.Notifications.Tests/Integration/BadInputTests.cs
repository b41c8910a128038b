using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Notifications.Tests.Integration;

/// <summary>Bad input fails with a typed error before anything is sent to Genesys Cloud.</summary>
public sealed class BadInputTests
{
    private static int NotificationCalls(NotificationHarness harness) =>
        harness.Simulator.Inspector.OperationCounts.Where(c => c.Key.Contains("Notifications", StringComparison.Ordinal)).Sum(c => c.Value);

    [Theory]
    [InlineData("v2.users.{id}.presense", new[] { "u1" }, GenesysCloudNotificationErrorCodes.TopicUnknown)]
    [InlineData("v2.users.{id}.presence", new[] { "u1.routingStatus" }, GenesysCloudNotificationErrorCodes.TopicIdInvalid)]
    [InlineData("v2.users.{id}.presence", new[] { "u1?presence&routingStatus" }, GenesysCloudNotificationErrorCodes.TopicIdInvalid)]
    [InlineData("v2.users.{id}.presence", new[] { "" }, GenesysCloudNotificationErrorCodes.TopicIdInvalid)]
    [InlineData("v2.users.{id}.presence", new string[0], GenesysCloudNotificationErrorCodes.TopicIdInvalid)]
    [InlineData("v2.users.{id}.presence", new[] { "u1", "u2" }, GenesysCloudNotificationErrorCodes.TopicIdInvalid)]
    [InlineData("v2.routing.queues.{id}.conversations", new[] { "q1" }, GenesysCloudNotificationErrorCodes.EventTypeMismatch)]
    public void The_builder_refuses_a_bad_topic_id_or_event_type_at_once(string pattern, string[] ids, string code)
    {
        var services = new ServiceCollection();
        var builder = services.AddGenesysCloud(o => o.ClientId = "x");
        GenesysCloudNotificationsBuilder? notifications = null;
        builder.AddNotifications(n => notifications = n);

        var error = Assert.Throws<GenesysCloudArgumentException>(() => notifications!.Subscribe<PresenceEventUserPresence>(pattern, ids));
        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(pattern.Split(".")[^1], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2.users.u1.presense", GenesysCloudNotificationErrorCodes.TopicUnknown)]
    [InlineData("v2.users.u1 .presence", GenesysCloudNotificationErrorCodes.TopicInvalid)]
    [InlineData("v2.users.u1?presence&routingStatus", GenesysCloudNotificationErrorCodes.TopicInvalid)]
    [InlineData("v2.users..presence", GenesysCloudNotificationErrorCodes.TopicInvalid)]
    [InlineData("v2.routing.queues.q1.conversations", GenesysCloudNotificationErrorCodes.EventTypeMismatch)]
    public async Task Subscribing_a_bad_topic_at_run_time_sends_nothing(string topic, string code)
    {
        await using var harness = await NotificationHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => harness.Notifications.SubscribeAsync<PresenceEventUserPresence>(topic));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(0, NotificationCalls(harness));
    }

    [Fact]
    public async Task Topics_for_handlers_need_a_handler_of_their_event_type()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n.AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));

        var error = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => harness.Notifications.AddTopicsAsync(["v2.routing.queues.q1.conversations"]));

        Assert.Equal(GenesysCloudNotificationErrorCodes.HandlerMissing, error.ErrorCode);
        Assert.Equal(0, NotificationCalls(harness));
    }

    [Fact]
    public async Task The_host_does_not_start_with_an_unhandled_or_unknown_start_up_topic()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => NotificationHarness.StartAsync(n => n
            .Subscribe<QueueConversationEventTopicConversation>("v2.routing.queues.{id}.conversations", "q1")
            .Subscribe<JsonElement>("v2.brandnew.{id}.things", "t1")));

        Assert.Contains(failure.Failures, f => f.Contains("no INotificationHandler<QueueConversationEventTopicConversation>", StringComparison.Ordinal) && f.Contains(GenesysCloudNotificationErrorCodes.HandlerMissing, StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("'v2.brandnew.t1.things'", StringComparison.Ordinal) && f.Contains(GenesysCloudNotificationErrorCodes.TopicUnknown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_out_of_bounds_fail_the_start_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => NotificationHarness.StartAsync(n => n.Configure(o =>
        {
            o.MaxChannels = 21;
            o.MaxTopicsPerChannel = 1_001;
            o.PingAfter = TimeSpan.Zero;
        })));

        Assert.Contains(failure.Failures, f => f.StartsWith("GenesysCloud:Notifications:MaxChannels must be from 2 to 20", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("GenesysCloud:Notifications:MaxTopicsPerChannel", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("GenesysCloud:Notifications:PingAfter", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_are_bound_from_the_GenesysCloud_Notifications_section_and_Configure_wins()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GenesysCloud:Notifications:MaxTopicsPerChannel"] = "7",
            ["GenesysCloud:Notifications:PingAfter"] = "00:01:00",
            ["GenesysCloud:Notifications:HandlerBufferCapacity"] = "0",
        });
        builder.Services.AddGenesysCloud(o => o.ClientId = "x").AddNotifications(n => n.Configure(o => o.PingAfter = TimeSpan.FromSeconds(40)));
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GenesysCloudNotificationsOptions>>().Value);
        Assert.Equal(["GenesysCloud:Notifications:HandlerBufferCapacity must be from 1 to 10000000; the value 0 is not. [GC_NOTIFICATIONS_OPTIONS_INVALID]"], failure.Failures);
        builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GenesysCloud:Notifications:MaxTopicsPerChannel"] = "7", ["GenesysCloud:Notifications:PingAfter"] = "00:01:00" });
        builder.Services.AddGenesysCloud(o => o.ClientId = "x").AddNotifications(n => n.Configure(o => o.PingAfter = TimeSpan.FromSeconds(40)));
        using var valid = builder.Build();
        var options = valid.Services.GetRequiredService<IOptions<GenesysCloudNotificationsOptions>>().Value;
        Assert.Equal(7, options.MaxTopicsPerChannel);
        Assert.Equal(TimeSpan.FromSeconds(40), options.PingAfter);
    }

    [Fact]
    public async Task A_topic_Genesys_rejects_fails_the_subscription_with_the_reason_and_is_not_kept()
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Sim.DenyTopics("v2.users.secret");

        var error = await Assert.ThrowsAsync<GenesysCloudNotificationException>(() => harness.Notifications.SubscribeAsync<PresenceEventUserPresence>(["v2.users.secret.presence", "v2.users.open.presence"]));

        Assert.Equal(GenesysCloudNotificationErrorCodes.TopicRejected, error.ErrorCode);
        Assert.Equal(["v2.users.secret.presence"], error.Topics);
        Assert.Contains("missing permissions", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Notifications.GetStatus().TopicCount);
        await Eventually.TrueAsync(() => harness.Sim.Channels.All(c => c.Topics.Count == 0), "nothing stays subscribed", harness.Describe);
    }

    [Fact]
    public void A_handler_type_that_handles_no_event_is_refused()
    {
        var services = new ServiceCollection();
        services.AddGenesysCloud(o => o.ClientId = "x").AddNotifications(n => Assert.Throws<ArgumentException>(() => n.AddHandler<BadInputTests>()));
    }
}
