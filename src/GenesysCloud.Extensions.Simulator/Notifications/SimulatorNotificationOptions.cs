namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// How the simulator's Notifications service behaves: the Genesys Cloud limits and timings, and optional organization
/// activity that publishes events on its own. Every duration runs on the simulator's <see cref="GenesysCloudSimulatorOptions.TimeProvider"/>.
/// </summary>
public sealed class SimulatorNotificationOptions
{
    /// <summary>Gets or sets how often each socket gets a <c>channel.metadata</c> "WebSocket Heartbeat".</summary>
    /// <remarks>Defaults to 30 seconds, as Genesys Cloud does.</remarks>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a channel lives from its creation.</summary>
    /// <remarks>Defaults to 24 hours.</remarks>
    public TimeSpan ChannelLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how many channels one OAuth client may have; creating one more removes the one used longest ago (channels without a socket first).</summary>
    /// <remarks>Defaults to 20.</remarks>
    public int MaxChannelsPerClient { get; set; } = 20;

    /// <summary>Gets or sets how many topics one channel may carry.</summary>
    /// <remarks>Defaults to 1,000.</remarks>
    public int MaxTopicsPerChannel { get; set; } = 1_000;

    /// <summary>Gets or sets how long after the socket-closing warning the socket is closed.</summary>
    /// <remarks>Defaults to 60 seconds.</remarks>
    public TimeSpan ClosingWarningDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets the interval of automatic organization activity: each tick publishes one event (a queue conversation,
    /// a presence or a routing status change) on a subscribed topic, chosen with the seeded generator; <see langword="null"/> for none.
    /// </summary>
    /// <remarks>Defaults to <see langword="null"/>: tests drive activity through <see cref="SimulatorNotifications"/>.</remarks>
    public TimeSpan? ActivityInterval { get; set; }

    /// <summary>Gets topic patterns the service accepts besides those of its API version (a newer service's topics), e.g. <c>v2.widgets.{id}.changes</c>.</summary>
    public IList<string> AdditionalTopics { get; } = [];

    /// <summary>Gets or sets how many published events and deliveries the simulator keeps for inspection; counters are unbounded.</summary>
    /// <remarks>Defaults to 200,000.</remarks>
    public int MaxRecordedEvents { get; set; } = 200_000;
}
