using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using GenesysCloud.Extensions.Notifications.Events;
using GenesysCloud.Extensions.Notifications.Tests.Infrastructure;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace GenesysCloud.Extensions.Notifications.Tests.Telemetry;

public sealed class TelemetryTests
{
    private const string UserId = "u-telemetry";

    private static MetricCollector<T> Collect<T>(NotificationHarness harness, string name)
        where T : struct => new(harness.Get<IMeterFactory>(), GenesysCloudTelemetryNames.SourceName, name);

    [Fact]
    public async Task Events_sockets_channels_reconnects_and_heartbeat_gaps_are_measured()
    {
        await using var harness = await NotificationHarness.StartAsync(n => n
            .Subscribe<PresenceEventUserPresence>("v2.users.{id}.presence", UserId)
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton), start: false);
        using var events = Collect<long>(harness, GenesysCloudNotificationsTelemetryNames.Events);
        using var sockets = Collect<int>(harness, GenesysCloudNotificationsTelemetryNames.SocketsOpen);
        using var channels = Collect<int>(harness, GenesysCloudNotificationsTelemetryNames.ChannelsOpen);
        using var reconnects = Collect<long>(harness, GenesysCloudNotificationsTelemetryNames.Reconnects);
        using var gaps = Collect<double>(harness, GenesysCloudNotificationsTelemetryNames.HeartbeatGap);
        using var lag = Collect<double>(harness, GenesysCloudNotificationsTelemetryNames.HandlerLag);
        await harness.StartHostAsync();
        await harness.WaitUntilActiveAsync();

        await harness.Sim.WaitUntilAsync(s => s.Channels.Single().Connected).WaitAsync(TimeSpan.FromSeconds(20));
        harness.Sim.SetPresence(UserId, "Busy");
        await Eventually.TrueAsync(() => harness.Get<RecordingHandler<PresenceEventUserPresence>>().Received.Count == 1, "the event arrived", harness.Describe);
        for (var i = 1; i <= 2; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(30));
            var now = harness.Time.GetUtcNow();
            await Eventually.TrueAsync(() => harness.Notifications.GetStatus().Channels.Single().LastMessageAt == now, $"heartbeat {i} arrived", harness.Describe);
        }

        await Eventually.TrueAsync(() => gaps.GetMeasurementSnapshot().Count >= 1, "two heartbeats arrived", harness.Describe);
        harness.Sim.DropSockets();
        await Eventually.TrueAsync(() => harness.Sim.SocketConnections == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "reconnected", harness.Describe);

        var received = Assert.Single(events.GetMeasurementSnapshot());
        Assert.Equal("v2.users.{id}.presence", received.Tags[GenesysCloudNotificationsTelemetryNames.TopicPatternAttribute]);
        Assert.Equal(30, gaps.GetMeasurementSnapshot()[0].Value, 3);
        Assert.Equal("socket_dropped", Assert.Single(reconnects.GetMeasurementSnapshot()).Tags[GenesysCloudNotificationsTelemetryNames.ReasonAttribute]);
        Assert.Equal(1, sockets.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, channels.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(typeof(RecordingHandler<PresenceEventUserPresence>).FullName, lag.GetMeasurementSnapshot()[0].Tags[GenesysCloudNotificationsTelemetryNames.HandlerAttribute]);
        Assert.DoesNotContain(events.GetMeasurementSnapshot().SelectMany(m => m.Tags.Values), v => v?.ToString()?.Contains(UserId, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Each_channel_creation_is_a_span_with_the_rest_calls_as_children()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GenesysCloudTelemetryNames.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = await NotificationHarness.StartAsync(n => n
            .Subscribe<PresenceEventUserPresence>("v2.users.{id}.presence", UserId)
            .AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton));
        await harness.WaitUntilActiveAsync();
        var first = harness.Sim.Channels.Single().Id;
        harness.Sim.ExpireChannels();
        await Eventually.TrueAsync(() => harness.Sim.ChannelsCreated == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "a new channel", harness.Describe);
        var second = harness.Sim.Channels.Single().Id;

        Activity? Span(string channelId) => spans.FirstOrDefault(s => s.OperationName == GenesysCloudNotificationsTelemetryNames.ChannelActivity && (string?)s.GetTagItem(GenesysCloudNotificationsTelemetryNames.ChannelIdAttribute) == channelId);
        await Eventually.TrueAsync(() => Span(first) is not null && Span(second) is not null, "both channel spans stopped");
        var initial = Span(first)!;
        Assert.Equal("initial", initial.GetTagItem(GenesysCloudNotificationsTelemetryNames.ReasonAttribute));
        Assert.Equal(1, initial.GetTagItem(GenesysCloudNotificationsTelemetryNames.TopicCountAttribute));
        Assert.Contains(spans, c => c.ParentSpanId == initial.SpanId && c.DisplayName == "POST /api/v2/notifications/channels");
        Assert.Contains(spans, c => c.ParentSpanId == initial.SpanId && c.DisplayName == "PUT /api/v2/notifications/channels/{channelId}/subscriptions");
        Assert.Equal("channel_gone", Span(second)!.GetTagItem(GenesysCloudNotificationsTelemetryNames.ReasonAttribute));
    }

    [Fact]
    public async Task The_health_check_reports_each_channel()
    {
        await using var harness = await NotificationHarness.StartAsync(
            n => n.Subscribe<PresenceEventUserPresence>("v2.users.{id}.presence", UserId).AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton),
            services: s => s.AddHealthChecks().AddGenesysCloudNotifications());
        await harness.WaitUntilActiveAsync();
        var health = harness.Get<HealthCheckService>();

        var healthy = await health.CheckHealthAsync();

        var entry = healthy.Entries["genesyscloud-notifications"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        var channel = Assert.IsType<Dictionary<string, object?>>(entry.Data["channel0"]);
        Assert.Equal(harness.Sim.Channels.Single().Id, channel["channelId"]);
        Assert.Equal(true, channel["active"]);
        Assert.Equal(1, channel["topics"]);
    }

    [Fact]
    public async Task Logs_and_spans_never_contain_a_token_and_the_connect_uri_carries_none()
    {
        var tokens = new ConcurrentQueue<string>();
        await using var harness = await NotificationHarness.StartAsync(
            n => n.Subscribe<PresenceEventUserPresence>("v2.users.{id}.presence", UserId).AddHandler<RecordingHandler<PresenceEventUserPresence>>(ServiceLifetime.Singleton),
            simulator: s => s.TokenLifetime = TimeSpan.FromMinutes(20),
            services: s => s.AddHttpClient("GenesysCloud.OAuth").AddHttpMessageHandler(() => new TokenSniffer(tokens)));
        await harness.WaitUntilActiveAsync();
        harness.Sim.RevokeTokens();
        await Eventually.TrueAsync(() => tokens.Count == 2 && harness.Notifications.GetStatus().State == GenesysCloudNotificationsState.Active, "a new token and channel", harness.Describe);
        harness.Sim.SetPresence(UserId, "Busy");
        await Eventually.TrueAsync(() => harness.Get<RecordingHandler<PresenceEventUserPresence>>().Received.Count == 1, "an event arrived", harness.Describe);
        await harness.StopAsync();

        Assert.All(tokens, token => Assert.DoesNotContain(harness.Logs.Entries, e => e.Contains(token, StringComparison.Ordinal)));
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Contains("ws://", StringComparison.Ordinal) && e.Contains("Notifications", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Entries, e => e.Contains("GenesysCloud.Extensions.Notifications", StringComparison.Ordinal) && e.Contains("streaming-", StringComparison.Ordinal));
        Assert.All(harness.Sim.Channels, c => Assert.DoesNotContain(tokens, t => c.Id.Contains(t, StringComparison.Ordinal)));
    }

    /// <summary>Reads the access tokens out of the token endpoint's answers, so the test knows what must never leak.</summary>
    private sealed class TokenSniffer(ConcurrentQueue<string> tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode && request.Method == HttpMethod.Post)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (json.RootElement.TryGetProperty("access_token", out var token))
                {
                    tokens.Enqueue(token.GetString()!);
                }
            }

            return response;
        }
    }
}
