using System.Threading.Channels;
using GenesysCloud.Extensions.Pipeline;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// In-process .NET events of the client (the original client's <c>on()</c> events), raised from the same
/// emission points as the metrics. Handlers run on a background dispatcher, one at a time and in order: a
/// handler that throws or blocks never delays a call, the queues or the client state (if handlers fall more
/// than 10,000 events behind, the oldest undelivered events are dropped).
/// </summary>
public sealed class GenesysCloudClientEvents : IDisposable
{
    private readonly Channel<Action> _queue = Channel.CreateBounded<Action>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private readonly ILogger _logger;

    internal GenesysCloudClientEvents(ILogger<GenesysCloudClientEvents> logger)
    {
        _logger = logger;
        _ = Task.Run(DispatchAsync);
    }

    /// <summary>Raised when the client state changes (<c>state-change</c>).</summary>
    public event EventHandler<GenesysCloudClientStateChangedEventArgs>? StateChanged;

    /// <summary>Raised when a call enters or leaves the backlog (<c>backlogqueue-add</c>, <c>backlogqueue-remove</c>).</summary>
    public event EventHandler<GenesysCloudCallEventArgs>? BacklogChanged;

    /// <summary>Raised when an attempt starts or ends (<c>executionqueue-add</c>/<c>apicall-start</c>, <c>executionqueue-remove</c>).</summary>
    public event EventHandler<GenesysCloudCallEventArgs>? InFlightChanged;

    /// <summary>Raised when a call ends, with a result or an error (<c>apicall-end</c>).</summary>
    public event EventHandler<GenesysCloudCallEventArgs>? CallEnded;

    /// <summary>Raised when an attempt is retried (<c>apicall-end</c> with result RETRY).</summary>
    public event EventHandler<GenesysCloudCallEventArgs>? Retried;

    /// <summary>Raised after each access token request (<c>accesstoken-refreshstart</c>/<c>-refreshend</c>).</summary>
    public event EventHandler<GenesysCloudTokenEventArgs>? TokenRefreshed;

    /// <summary>Raised after each access token deletion (<c>accesstoken-deletestart</c>/<c>-deleteend</c>).</summary>
    public event EventHandler<GenesysCloudTokenEventArgs>? TokenDeleted;

    /// <summary>Raised when a 429 suspends the backlog (<c>accesstoken-ratelimit</c> and the API's 429s).</summary>
    public event EventHandler<GenesysCloudTokenEventArgs>? RateLimited;

    internal void RaiseStateChanged(object sender, GenesysCloudClientState previous, GenesysCloudClientState next)
    {
        if (StateChanged is { } handler)
        {
            var args = new GenesysCloudClientStateChangedEventArgs(previous, next);
            Post(() => handler(sender, args), nameof(StateChanged));
        }
    }

    internal void RaiseBacklogChanged(PendingCall call, int size, bool added)
    {
        if (BacklogChanged is { } handler && !call.IsInternal)
        {
            var args = Describe(call, size, added);
            Post(() => handler(this, args), nameof(BacklogChanged));
        }
    }

    internal void RaiseInFlightChanged(PendingCall? call, int count, bool added)
    {
        if (InFlightChanged is { } handler && call is { IsInternal: false })
        {
            var args = Describe(call, count, added);
            Post(() => handler(this, args), nameof(InFlightChanged));
        }
    }

    internal void RaiseCallEnded(PendingCall call, TimeSpan duration, int? statusCode, string? errorType)
    {
        if (CallEnded is { } handler)
        {
            var args = new GenesysCloudCallEventArgs(call.Id, call.Method, call.PathTemplate, call.Category, call.Operation)
            {
                Duration = duration,
                StatusCode = statusCode,
                Reason = errorType,
            };
            Post(() => handler(this, args), nameof(CallEnded));
        }
    }

    internal void RaiseRetried(PendingCall call, string reason, TimeSpan delay, int? statusCode)
    {
        if (Retried is { } handler && !call.IsInternal)
        {
            var args = new GenesysCloudCallEventArgs(call.Id, call.Method, call.PathTemplate, call.Category, call.Operation)
            {
                Duration = delay,
                StatusCode = statusCode,
                Reason = reason,
            };
            Post(() => handler(this, args), nameof(Retried));
        }
    }

    internal void RaiseTokenRefreshed(string outcome, TimeSpan duration)
    {
        if (TokenRefreshed is { } handler)
        {
            var args = new GenesysCloudTokenEventArgs(outcome, duration);
            Post(() => handler(this, args), nameof(TokenRefreshed));
        }
    }

    internal void RaiseTokenDeleted(string outcome, TimeSpan duration)
    {
        if (TokenDeleted is { } handler)
        {
            var args = new GenesysCloudTokenEventArgs(outcome, duration);
            Post(() => handler(this, args), nameof(TokenDeleted));
        }
    }

    internal void RaiseRateLimited(string source, TimeSpan suspension)
    {
        if (RateLimited is { } handler)
        {
            var args = new GenesysCloudTokenEventArgs(source, suspension);
            Post(() => handler(this, args), nameof(RateLimited));
        }
    }

    /// <summary>Stops the dispatcher once the events already raised are delivered (the container calls this when the host is disposed).</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private static GenesysCloudCallEventArgs Describe(PendingCall call, int size, bool added) =>
        new(call.Id, call.Method, call.PathTemplate, call.Category, call.Operation) { QueueSize = size, Added = added };

    private void Post(Action invoke, string eventName) =>
        _queue.Writer.TryWrite(() =>
        {
            try
            {
                invoke();
            }
#pragma warning disable CA1031 // A subscriber's exception must never reach the client.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.SubscriberFailed(_logger, eventName, ex);
            }
        });

    private async Task DispatchAsync()
    {
        await foreach (var action in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            action();
        }
    }
}
