namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>A subscription's stream: a consumer whose reader ends when it is completed.</summary>
internal interface IStreamConsumer : INotificationConsumer
{
    /// <summary>Ends the stream after the buffered events (the host stops).</summary>
    void Complete();
}
