using System.Net;
using System.Text.Json;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Pipeline;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Scheduling;
using GenesysCloud.Extensions.Serialization;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// The client: validates each call and hands it to the <see cref="CallExecutor"/>, and drives its
/// <see cref="ClientLifecycle"/> — connecting (a token, then <c>GET /api/v2/tokens/me</c>, which validates the token and
/// teaches the scheduler the rate budget before the first call), and closing (drain or clear, then delete the token),
/// every wait of the close bounded by the host's shutdown token.
/// </summary>
internal sealed class GenesysCloudClient : IGenesysCloudClient, IDisposable
{
    public const string HttpClientName = "GenesysCloud";

    private static readonly GenesysCloudRequest ConnectProbe = new(HttpMethod.Get, "/api/v2/tokens/me") { Category = "Tokens", Operation = "getTokensMe" };

    private readonly object _lock = new();
    private readonly ClientLifecycle _lifecycle;
    private readonly RequestScheduler _scheduler;
    private readonly IdentityLanes _identities;
    private readonly CallExecutor _executor;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort;
    private Task? _connecting;
    private int _disposed;
    private Task? _closing;

    public GenesysCloudClient(
        string name,
        RequestScheduler scheduler,
        IdentityLanes identities,
        CallExecutor executor,
        GenesysCloudDiagnostics diagnostics,
        GenesysCloudOptions options,
        TimeProvider time,
        CancellationTokenSource abort,
        ILogger<GenesysCloudClient> logger)
    {
        Name = name;
        _scheduler = scheduler;
        _identities = identities;
        _executor = executor;
        _diagnostics = diagnostics;
        _options = options;
        _time = time;
        _abort = abort;
        _logger = logger;
        _lifecycle = new ClientLifecycle(this, diagnostics, logger);
        executor.CallEnded = OnCallEnded;
    }

    public event EventHandler<GenesysCloudClientStateChangedEventArgs>? StateChanged
    {
        add => _diagnostics.Events.StateChanged += value;
        remove => _diagnostics.Events.StateChanged -= value;
    }

    public string Name { get; }

    public GenesysCloudClientState State => _lifecycle.State;

    public int BacklogCount => _scheduler.BacklogCount;

    public int InFlightCount => _scheduler.InFlightCount;

    internal RequestScheduler Scheduler => _scheduler;

    /// <summary>Gets the fleet coordinator of the client's own tokens (a local one without a fleet); closed with the client.</summary>
    internal IGenesysCloudCoordinator Coordinator { get; init; } = LocalCoordinator.Instance;

    /// <summary>Connects: <c>Connecting → Idle</c> (or <c>Running</c>), or <c>Failed</c>.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_lifecycle.State == GenesysCloudClientState.Connecting && _connecting is not null)
            {
                return _connecting;
            }

            _lifecycle.BeginConnect();
            return _connecting = ConnectAndReportAsync(cancellationToken);
        }
    }

    /// <summary>Connects in the background, retrying with the retry backoff until it succeeds or the client closes.</summary>
    public void ConnectInBackground()
    {
        lock (_lock)
        {
            _lifecycle.BeginConnect();
            _connecting = ConnectInBackgroundAsync();
        }
    }

    /// <summary>
    /// Closes: drains (or clears) the backlog, deletes the token, and ends <c>Closed</c> (or <c>Failed</c> when the
    /// deletion fails). When <paramref name="cancellationToken"/> fires (the host's shutdown timeout), calls still queued
    /// or running end with <see cref="GenesysCloudErrorCodes.Closing"/> and the token deletion is abandoned.
    /// </summary>
    public Task CloseAsync(GenesysCloudShutdownBehavior behavior, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_closing is not null)
            {
                return _closing;
            }

            var drained = _lifecycle.BeginClose();
            return _closing = CloseCoreAsync(behavior, drained, cancellationToken);
        }
    }

    public Task<GenesysCloudResponse> SendAsync(GenesysCloudRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfIncomplete();
        var body = SerializeBody(request);
        var identity = GenesysCloudIdentityScope.Current;
        var lanes = identity is null ? null : _identities.Get(identity);
        try
        {
            _lifecycle.EnterCall();
        }
        catch
        {
            lanes?.ExitUse(); // refused (the client is closing or closed): the call never holds the identity's lanes
            throw;
        }

        var call = new PendingCall(request, body, _time.GetTimestamp(), _time.GetUtcNow()) { Lanes = lanes };
        return _executor.ExecuteAsync(call, cancellationToken); // no async layer of its own: the call's end comes back through OnCallEnded
    }

    public void Dispose()
    {
        // The container disposes the client once per registration that hands it out (keyed, unkeyed, composition).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _abort.Dispose();
        _scheduler.Dispose();
        (Coordinator as IDisposable)?.Dispose();
        foreach (var lane in _scheduler.App.Lanes)
        {
            lane.Tokens.Dispose();
        }
    }

    private static byte[]? SerializeBody(GenesysCloudRequest request)
    {
        if (request.Body is null)
        {
            return null;
        }

        if (request.BodyContentType is not null)
        {
            // A text body is sent as given.
            return System.Text.Encoding.UTF8.GetBytes((string)request.Body);
        }

        try
        {
            // Through the options' resolver (generated model metadata first): no reflection-based overload, so trimmed and
            // Native AOT applications serialize the same way.
            var typeInfo = GenesysCloudJson.Options.GetTypeInfo(request.BodyType ?? request.Body.GetType());
            return JsonSerializer.SerializeToUtf8Bytes(request.Body, typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallRequestBodyInvalid, $"The request body of {request} cannot be serialized to JSON: {ex.Message}", "body");
        }
    }

    private void OnCallEnded(PendingCall call)
    {
        call.Lanes?.ExitUse();
        if (!call.IsInternal)
        {
            _lifecycle.ExitCall(); // the connect probe never entered
        }
    }

    private async Task ConnectAndReportAsync(CancellationToken cancellationToken)
    {
        Log.Connecting(_logger, _options.ResolvedApiBaseAddress, _options.ResolvedLoginBaseAddress);
        try
        {
            await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var code = (ex as GenesysCloudException)?.ErrorCode ?? GenesysCloudErrorCodes.InternalError;
            Log.ConnectFailed(_logger, code, ex.Message, ex);
            _lifecycle.Transition(GenesysCloudClientState.Connecting, GenesysCloudClientState.Failed);
            throw;
        }

        _lifecycle.EndConnect();
    }

    private async Task ConnectInBackgroundAsync()
    {
        Log.Connecting(_logger, _options.ResolvedApiBaseAddress, _options.ResolvedLoginBaseAddress);
        var retry = _options.Retry;
        var reconnect = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is { } ex && ex is not OperationCanceledException),
                OnRetry = args =>
                {
                    var ex = args.Outcome.Exception!;
                    Log.ConnectRetrying(_logger, (ex as GenesysCloudException)?.ErrorCode ?? GenesysCloudErrorCodes.InternalError, args.RetryDelay, ex.Message);
                    return default;
                },
            })
            .Build();
        try
        {
            await reconnect.ExecuteAsync(static (self, token) => new ValueTask(self.ConnectOnceAsync(token)), this, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // closed while connecting
        }

        _lifecycle.EndConnect();
    }

    // The client's token(s), then GET /api/v2/tokens/me through the call pipeline, once per token: it proves the token
    // works against the API host and its answer's inin-ratelimit-* headers give the scheduler the token's budget before
    // the first call (a lane whose budget is unknown takes one call at a time, so the probes spread over a pool's tokens).
    // Only a 401 (a token the API refuses) or an unreachable API fails the connection; another status leaves the budget
    // to be learned from the first calls.
    private async Task ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var lanes = _scheduler.App.Lanes;
        await Task.WhenAll(lanes.Select(lane => lane.Tokens.GetTokenAsync(cancellationToken).AsTask())).ConfigureAwait(false);
        await Task.WhenAll(lanes.Select(_ => ProbeAsync(cancellationToken))).ConfigureAwait(false);
    }

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var probe = new PendingCall(ConnectProbe, body: null, _time.GetTimestamp(), _time.GetUtcNow()) { IsInternal = true };
        try
        {
            await _executor.ExecuteAsync(probe, cancellationToken).ConfigureAwait(false);
        }
        catch (GenesysCloudApiException ex) when (ex.StatusCode != HttpStatusCode.Unauthorized)
        {
            Log.ConnectProbeFailed(_logger, (int)ex.StatusCode);
        }
    }

    private async Task CloseCoreAsync(GenesysCloudShutdownBehavior behavior, Task? drained, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Log.Closing(_logger, _scheduler.BacklogCount, _scheduler.InFlightCount, behavior);
        if (behavior == GenesysCloudShutdownBehavior.ClearBacklog)
        {
            var cleared = _scheduler.Close();
            if (cleared > 0)
            {
                Log.CallsAborted(_logger, cleared, GenesysCloudErrorCodes.Closing);
            }
        }

        if (drained is not null)
        {
            try
            {
                await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout passed: end what remains, queued or running, with a typed error.
                var aborted = _scheduler.Close();
                await _abort.CancelAsync().ConfigureAwait(false);
                Log.CallsAborted(_logger, aborted, GenesysCloudErrorCodes.Closing);
                await drained.ConfigureAwait(false);
            }
        }

        _scheduler.Close();
        await _abort.CancelAsync().ConfigureAwait(false);

        try
        {
            // The client's own tokens (all of a pool); the tokens of users' identities are theirs and stay valid.
            await Task.WhenAll(_scheduler.App.Lanes.Select(lane => lane.Tokens.DeleteAsync(cancellationToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout passed while the deletion waited: the token expires on its own.
            Log.TokenDeleteAbandoned(_logger);
        }
        catch (Exception ex)
        {
            Log.TokenDeleteFailed(_logger, ex.Message, ex);
            _lifecycle.Transition(GenesysCloudClientState.Closing, GenesysCloudClientState.Failed);
            throw;
        }
        finally
        {
            // The fleet's leases were released with the tokens; the coordinator stops its own work.
            await Coordinator.DisposeAsync().ConfigureAwait(false);
        }

        _lifecycle.Transition(GenesysCloudClientState.Closing, GenesysCloudClientState.Closed);
    }
}
