namespace GenesysCloud.Extensions.Notifications.Telemetry;

/// <summary>The values of <see cref="GenesysCloudNotificationsTelemetryNames.ReasonAttribute"/>.</summary>
internal static class ReconnectReason
{
    public const string Initial = "initial";
    public const string SocketDropped = "socket_dropped";
    public const string ServerClosed = "server_closed";
    public const string HeartbeatTimeout = "heartbeat_timeout";
    public const string ClosingWarning = "closing_warning";
    public const string ChannelExpiring = "channel_expiring";
    public const string TokenRefreshed = "token_refreshed";
    public const string ChannelGone = "channel_gone";
}
