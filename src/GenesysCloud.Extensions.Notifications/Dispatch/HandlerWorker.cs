using GenesysCloud.Extensions.Notifications.Channels;
using GenesysCloud.Extensions.Notifications.Options;
using GenesysCloud.Extensions.Notifications.Telemetry;
using GenesysCloud.Extensions.Notifications.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Dispatch;

/// <summary>
/// The background dispatcher of one handler: its own bounded buffer, one event at a time in the order received, the
/// handler resolved from a new DI scope per event. An exception is logged and counted; the next event goes on.
/// </summary>
internal sealed class HandlerWorker<TEvent> : IHandlerWorker
{
    private readonly HandlerRegistration _registration;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly NotificationsDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly NotificationBuffer<TEvent> _buffer;
    private readonly CancellationTokenSource _abort = new();
    private Task _loop = Task.CompletedTask;

    public HandlerWorker(HandlerRegistration registration, IServiceScopeFactory scopes, TimeProvider time, GenesysCloudNotificationsOptions options, NotificationsDiagnostics diagnostics, ILogger logger)
    {
        _registration = registration;
        _scopes = scopes;
        _time = time;
        _diagnostics = diagnostics;
        _logger = logger;
        _buffer = new NotificationBuffer<TEvent>(registration.Name, options.HandlerBufferCapacity, diagnostics, logger);
    }

    public Type EventType => typeof(TEvent);

    public string Name => _registration.Name;

    public void Offer(NotificationFrame frame, NotificationTopic topic) => _buffer.Offer(frame, topic);

    public void Start() => _loop = Task.Run(RunAsync);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _buffer.Complete();
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }

        _buffer.DropRemaining();
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var abort = _abort.Token;
        while (await _buffer.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (!abort.IsCancellationRequested && _buffer.Reader.TryRead(out var notification))
            {
                _buffer.Taken(notification, _time);
                try
                {
                    var scope = _scopes.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        var handler = (INotificationHandler<TEvent>)scope.ServiceProvider.GetRequiredService(_registration.HandlerType);
                        await handler.HandleAsync(notification, abort).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (abort.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A handler's exception must never reach the socket or the other handlers.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _diagnostics.HandlerFailed(Name);
                    Log.HandlerFailed(_logger, Name, notification.TopicPattern ?? "unknown", ex);
                }
            }

            if (abort.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
