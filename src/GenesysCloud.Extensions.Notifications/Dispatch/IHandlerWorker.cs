namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>A handler's background dispatcher, whatever its event type.</summary>
internal interface IHandlerWorker : INotificationConsumer
{
    /// <summary>Gets the handler's name in metrics and logs.</summary>
    string Name { get; }

    /// <summary>Starts handling events.</summary>
    void Start();

    /// <summary>Handles what is buffered, then ends; when <paramref name="cancellationToken"/> fires the handler is cancelled and what is left is counted as dropped.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
