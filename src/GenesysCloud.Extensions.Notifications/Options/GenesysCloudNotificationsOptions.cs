using System.Net.WebSockets;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// Options of the notifications client, bound from the <c>GenesysCloud:Notifications</c> section of the application's
/// configuration (when the container has one), then from <c>Bind</c> and <c>Configure</c> on the notifications builder,
/// and validated when the host starts.
/// </summary>
public sealed class GenesysCloudNotificationsOptions
{
    /// <summary>The configuration section, relative to the root: <c>GenesysCloud:Notifications</c>.</summary>
    public const string SectionName = "GenesysCloud:Notifications";

    /// <summary>Gets or sets the most Genesys Cloud channels the client creates that exist at once (in use or left to expire).</summary>
    /// <remarks>
    /// Defaults to 20, Genesys Cloud's limit per user or OAuth client (a 21st channel would make it remove the one used longest
    /// ago). From 2 to 20. One channel is kept free for handovers, so topics use at most <c>MaxChannels − 1</c> channels. Lower it
    /// when other applications create channels with the same OAuth client.
    /// </remarks>
    public int MaxChannels { get; set; } = 20;

    /// <summary>Gets or sets the most topics subscribed on one channel.</summary>
    /// <remarks>Defaults to 1,000, Genesys Cloud's limit. From 1 to 1,000.</remarks>
    public int MaxTopicsPerChannel { get; set; } = 1_000;

    /// <summary>Gets or sets how long a socket may receive nothing (Genesys sends a heartbeat every 30 s) before the client sends <c>{"message":"ping"}</c>.</summary>
    /// <remarks>Defaults to 35 seconds.</remarks>
    public TimeSpan PingAfter { get; set; } = TimeSpan.FromSeconds(35);

    /// <summary>Gets or sets how long after a ping the client waits for any message before it treats the socket as dead and reconnects.</summary>
    /// <remarks>Defaults to 10 seconds.</remarks>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the first reconnection delay; it doubles, with jitter, on each failed attempt.</summary>
    /// <remarks>Defaults to 1 second. A socket that drops is reconnected once at once, before any delay.</remarks>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest reconnection delay.</summary>
    /// <remarks>Defaults to 30 seconds.</remarks>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long before a channel expires (Genesys channels live 24 hours) the client hands its topics over to a new channel.</summary>
    /// <remarks>Defaults to 30 minutes (at most half the channel's lifetime is used).</remarks>
    public TimeSpan RenewBeforeExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how long, after the old channel of a handover closed, an event seen on it is still recognized (and discarded) when it arrives on the new one.</summary>
    /// <remarks>Defaults to 30 seconds.</remarks>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the bound of one WebSocket connection attempt.</summary>
    /// <remarks>Defaults to 30 seconds.</remarks>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long closing a socket waits for Genesys Cloud to confirm (the events still in flight are read meanwhile).</summary>
    /// <remarks>Defaults to 5 seconds.</remarks>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how often the client checks with <c>HEAD /api/v2/notifications/channels/{channelId}</c> that a channel still
    /// exists. The check is also a call through the pipeline, which lets the client refresh its token before expiry (a channel
    /// stops with the token that created it, and the client renews it, overlapping, when the token changes).
    /// </summary>
    /// <remarks>Defaults to 2 minutes; shortened to half of <c>GenesysCloud:TokenRefreshBeforeExpiry</c> when that is shorter.</remarks>
    public TimeSpan ChannelCheckInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many events wait for each handler before the oldest is dropped (and counted).</summary>
    /// <remarks>Defaults to 10,000.</remarks>
    public int HandlerBufferCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets how many events wait in each subscription (<c>SubscribeAsync</c>) before the oldest is dropped (and counted).</summary>
    /// <remarks>Defaults to 10,000.</remarks>
    public int SubscriptionBufferCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets the largest message read from a socket; a larger one is skipped and counted as unreadable.</summary>
    /// <remarks>Defaults to 16 MiB.</remarks>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets a value indicating whether topics this API version does not know may be subscribed (their events arrive as <see cref="System.Text.Json.JsonElement"/>).</summary>
    /// <remarks>Defaults to <see langword="false"/>: an unknown topic is a typo until proven otherwise.</remarks>
    public bool AllowUnknownTopics { get; set; }

    /// <summary>Gets or sets a delegate that configures each WebSocket before it connects (a proxy, client certificates).</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; set; }
}
