using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// The client's state machine (the original client's states): <c>Created → Connecting → Idle ⇄ Running → Closing →
/// Closed</c>, plus <c>Failed</c>. It counts the calls in progress — <c>Idle</c> and <c>Running</c> follow that count —
/// and signals when the last one ends while closing. Transitions are reported in the order they happen.
/// </summary>
internal sealed class ClientLifecycle
{
    private readonly object _lock = new();
    private readonly object _sender;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private GenesysCloudClientState _state = GenesysCloudClientState.Created;
    private int _activeCalls;
    private TaskCompletionSource? _drained;

    public ClientLifecycle(object sender, GenesysCloudDiagnostics diagnostics, ILogger logger)
    {
        _sender = sender;
        _diagnostics = diagnostics;
        _logger = logger;
    }

    public GenesysCloudClientState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Created → Connecting; anything else is refused with <see cref="GenesysCloudErrorCodes.ConnectUnavailable"/>.</summary>
    public void BeginConnect()
    {
        lock (_lock)
        {
            if (_state != GenesysCloudClientState.Created)
            {
                throw new GenesysCloudClientStateException(
                    GenesysCloudErrorCodes.ConnectUnavailable, _state, $"The client cannot connect in the {_state} state; it connects once, from Created.");
            }

            TransitionLocked(GenesysCloudClientState.Connecting);
        }
    }

    /// <summary>Connecting → Idle, or Running when calls are already waiting.</summary>
    public void EndConnect()
    {
        lock (_lock)
        {
            if (_state == GenesysCloudClientState.Connecting)
            {
                TransitionLocked(_activeCalls > 0 ? GenesysCloudClientState.Running : GenesysCloudClientState.Idle);
            }
        }
    }

    /// <summary>
    /// Idle, Running or Connecting → Closing. Returns a task that completes when the calls in progress have ended, or
    /// <see langword="null"/> when none are.
    /// </summary>
    public Task? BeginClose()
    {
        lock (_lock)
        {
            if (_state is GenesysCloudClientState.Created or GenesysCloudClientState.Failed or GenesysCloudClientState.Closed or GenesysCloudClientState.Closing)
            {
                throw new GenesysCloudClientStateException(
                    GenesysCloudErrorCodes.CloseUnavailable, _state, $"The client cannot close in the {_state} state.");
            }

            TransitionLocked(GenesysCloudClientState.Closing);
            _drained = _activeCalls == 0 ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained?.Task;
        }
    }

    /// <summary>Counts a call in; refused unless the client is Connecting, Idle or Running.</summary>
    public void EnterCall()
    {
        lock (_lock)
        {
            switch (_state)
            {
                case GenesysCloudClientState.Connecting:
                case GenesysCloudClientState.Running:
                    _activeCalls++;
                    return;
                case GenesysCloudClientState.Idle:
                    _activeCalls++;
                    TransitionLocked(GenesysCloudClientState.Running);
                    return;
                default:
                    throw new GenesysCloudClientStateException(
                        GenesysCloudErrorCodes.ApiCallingUnavailable,
                        _state,
                        _state == GenesysCloudClientState.Created
                            ? "The client is in the Created state: the host has not started it (call IHost.StartAsync or run the host)."
                            : $"The client is in the {_state} state and accepts no more calls.");
            }
        }
    }

    public void ExitCall()
    {
        TaskCompletionSource? drained = null;
        lock (_lock)
        {
            if (--_activeCalls == 0)
            {
                if (_state == GenesysCloudClientState.Running)
                {
                    TransitionLocked(GenesysCloudClientState.Idle);
                }

                drained = _drained;
            }
        }

        drained?.TrySetResult();
    }

    /// <summary>Moves <paramref name="from"/> → <paramref name="to"/>, or does nothing when the state is no longer <paramref name="from"/>.</summary>
    public void Transition(GenesysCloudClientState from, GenesysCloudClientState to)
    {
        lock (_lock)
        {
            if (_state == from)
            {
                TransitionLocked(to);
            }
        }
    }

    // Raised under the lock so that subscribers see transitions in the order they happened; raising only logs and posts
    // to the event dispatcher, it never runs subscriber code here.
    private void TransitionLocked(GenesysCloudClientState next)
    {
        var previous = _state;
        _state = next;
        Log.StateChanged(_logger, previous, next);
        _diagnostics.StateChanged(_sender, previous, next);
    }
}
