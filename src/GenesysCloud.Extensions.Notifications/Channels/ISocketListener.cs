namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>What a <see cref="ChannelSocket"/> reports to the channel group that owns it. Called from the socket's reader.</summary>
internal interface ISocketListener
{
    /// <summary>An event, or the socket-closing warning, arrived.</summary>
    void OnFrame(ChannelSocket socket, NotificationFrame frame);

    /// <summary>The socket ended (once): dropped, silent, closed by the service, or closed by the client.</summary>
    void OnEnded(ChannelSocket socket, string reason, string detail);
}
