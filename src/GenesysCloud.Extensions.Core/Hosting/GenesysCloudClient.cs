using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Serialization;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// The client: owns the lifecycle state machine and turns <see cref="GenesysCloudRequest"/>s into calls through
/// the typed HTTP pipeline (resilience → pacing → attempt timeout → access token → network).
/// </summary>
internal sealed class GenesysCloudClient : IGenesysCloudClient, IDisposable
{
    public const string HttpClientName = "GenesysCloud";

    private readonly object _lock = new();
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly AccessTokenProvider _tokens;
    private readonly RequestScheduler _scheduler;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _apiBaseAddress;
    private readonly CancellationTokenSource _abort = new();
    private GenesysCloudClientState _state = GenesysCloudClientState.Created;
    private int _activeCalls;
    private TaskCompletionSource? _drained;
    private Task? _connecting;
    private Task? _closing;

    public GenesysCloudClient(
        IHttpClientFactory httpClientFactory,
        AccessTokenProvider tokens,
        RequestScheduler scheduler,
        GenesysCloudDiagnostics diagnostics,
        IOptions<GenesysCloudOptions> options,
        TimeProvider time,
        ILogger<GenesysCloudClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _scheduler = scheduler;
        _diagnostics = diagnostics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _apiBaseAddress = _options.ResolvedApiBaseAddress;
        diagnostics.ObserveClient(() => State);
    }

    public event EventHandler<GenesysCloudClientStateChangedEventArgs>? StateChanged
    {
        add => _diagnostics.Events.StateChanged += value;
        remove => _diagnostics.Events.StateChanged -= value;
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

    public int BacklogCount => _scheduler.BacklogCount;

    public int InFlightCount => _scheduler.InFlightCount;

    internal RequestScheduler Scheduler => _scheduler;

    /// <summary>Connects: obtains the first access token. <c>Connecting → Idle</c> (or <c>Running</c>), or <c>Failed</c>.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_state == GenesysCloudClientState.Connecting && _connecting is not null)
            {
                return _connecting;
            }

            if (_state != GenesysCloudClientState.Created)
            {
                throw new GenesysCloudClientStateException(
                    GenesysCloudErrorCodes.ConnectUnavailable, _state, $"The client cannot connect in the {_state} state; it connects once, from Created.");
            }

            TransitionLocked(GenesysCloudClientState.Connecting);
            _connecting = ConnectCoreAsync(retryInBackground: false, cancellationToken);
            return _connecting;
        }
    }

    /// <summary>Connects in the background, retrying with backoff until it succeeds or the client closes.</summary>
    public void ConnectInBackground()
    {
        lock (_lock)
        {
            if (_state != GenesysCloudClientState.Created)
            {
                throw new GenesysCloudClientStateException(
                    GenesysCloudErrorCodes.ConnectUnavailable, _state, $"The client cannot connect in the {_state} state; it connects once, from Created.");
            }

            TransitionLocked(GenesysCloudClientState.Connecting);
            _connecting = ConnectCoreAsync(retryInBackground: true, _abort.Token);
        }
    }

    /// <summary>
    /// Closes: drains (or clears) the backlog, deletes the token, and ends <c>Closed</c> (or <c>Failed</c> when the
    /// deletion fails). When <paramref name="cancellationToken"/> fires (the host's shutdown timeout), calls still
    /// queued or running end with <see cref="GenesysCloudErrorCodes.Closing"/>.
    /// </summary>
    public Task CloseAsync(GenesysCloudShutdownBehavior behavior, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_state is GenesysCloudClientState.Closing or GenesysCloudClientState.Closed && _closing is not null)
            {
                return _closing;
            }

            if (_state is GenesysCloudClientState.Created or GenesysCloudClientState.Failed or GenesysCloudClientState.Closed)
            {
                throw new GenesysCloudClientStateException(
                    GenesysCloudErrorCodes.CloseUnavailable, _state, $"The client cannot close in the {_state} state.");
            }

            TransitionLocked(GenesysCloudClientState.Closing);
            _drained = _activeCalls == 0 ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _closing = CloseCoreAsync(behavior, _drained?.Task, cancellationToken);
            return _closing;
        }
    }

    public async Task<GenesysCloudResponse> SendAsync(GenesysCloudRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var relativeUri = request.BuildRelativeUri();
        var body = SerializeBody(request);
        EnterCall();

        var call = new CallContext(request.Method.Method, request.PathTemplate, request.Category, request.Operation, _time.GetTimestamp());
        using var activity = StartActivity(request, call);
        int? statusCode = null;
        string? errorType = null;
        try
        {
            using var message = new HttpRequestMessage(request.Method, new Uri(_apiBaseAddress, relativeUri));
            message.Options.Set(CallContext.Key, call);
            foreach (var header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body is not null)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            message.Headers.Accept.ParseAdd("application/json");

            using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, abort.Token).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            var result = await ToResponseAsync(response, abort.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                GenesysCloudResponseScope.Current?.Record(result);
                return result;
            }

            errorType = statusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw CreateApiException(request, result, call.Attempts);
        }
        catch (Exception ex) when (errorType is null)
        {
            var mapped = MapException(ex, call, cancellationToken);
            errorType = mapped is OperationCanceledException ? "canceled" : (mapped as GenesysCloudException)?.ErrorCode ?? mapped.GetType().Name;
            if (ReferenceEquals(mapped, ex))
            {
                throw;
            }

            throw mapped;
        }
        finally
        {
            var duration = _time.GetElapsedTime(call.StartTimestamp);
            if (activity is not null)
            {
                if (statusCode is { } s)
                {
                    activity.SetTag("http.response.status_code", s);
                }

                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }

                if (call.Attempts > 1)
                {
                    activity.SetTag("http.request.resend_count", call.Attempts - 1);
                }
            }

            _diagnostics.CallEnded(call, duration, statusCode, errorType);
            ExitCall();
        }
    }

    public void Dispose()
    {
        _abort.Dispose();
        _scheduler.Dispose();
    }

    private static Activity? StartActivity(GenesysCloudRequest request, CallContext call)
    {
        var activity = GenesysCloudDiagnostics.ActivitySource.StartActivity($"{request.Method.Method} {request.PathTemplate}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("url.template", request.PathTemplate);
        if (request.Category is not null)
        {
            activity.SetTag(GenesysCloudTelemetryNames.CategoryAttribute, request.Category);
        }

        if (request.Operation is not null)
        {
            activity.SetTag(GenesysCloudTelemetryNames.OperationAttribute, request.Operation);
        }

        activity.AddEvent(new ActivityEvent("queued"));
        call.Activity = activity;
        return activity;
    }

    private static byte[]? SerializeBody(GenesysCloudRequest request)
    {
        if (request.Body is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(request.Body, request.BodyType ?? request.Body.GetType(), GenesysCloudJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ApiCallRequestBodyInvalid, $"The request body of {request} cannot be serialized to JSON: {ex.Message}", "body");
        }
    }

    private static async Task<GenesysCloudResponse> ToResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value as IReadOnlyList<string> ?? [.. header.Value];
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = header.Value as IReadOnlyList<string> ?? [.. header.Value];
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new GenesysCloudResponse(response.StatusCode, headers, content, response.Content.Headers.ContentType?.MediaType);
    }

    private static GenesysCloudApiException CreateApiException(GenesysCloudRequest request, GenesysCloudResponse response, int attempts)
    {
        GenesysCloudErrorBody? error = null;
        if (!response.Content.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Content);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    error = document.RootElement.Deserialize<GenesysCloudErrorBody>(GenesysCloudJson.Options);
                }
            }
            catch (JsonException)
            {
                // Not a Genesys error body (a proxy's HTML page, for example): the status says enough.
            }
        }

        var status = (int)response.StatusCode;
        var message = $"{request} answered {status} {response.StatusCode}" +
            (error?.Message is { Length: > 0 } text ? $": {text}" : ".") +
            (error?.Code is { Length: > 0 } code ? $" (code {code})" : string.Empty) +
            (response.CorrelationId is { } correlation ? $" Correlation id {correlation}." : string.Empty) +
            (attempts > 1 ? $" {attempts} attempts." : string.Empty);
        return new GenesysCloudApiException(message, response.StatusCode, error, response.CorrelationId, response.Headers, attempts);
    }

    private Exception MapException(Exception exception, CallContext call, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return exception;
            case OperationCanceledException when _abort.IsCancellationRequested:
                return new GenesysCloudCallAbortedException(
                    GenesysCloudErrorCodes.Closing, "The call was ended because the client closed before it completed (the host's shutdown timeout passed).");
            case GenesysCloudException or ArgumentException:
                return exception;
            case AttemptTimeoutException:
                return new GenesysCloudTransportException(
                    $"{call.Method} {call.PathTemplate} timed out after {call.Attempts} attempts (SocketTimeout {_options.SocketTimeout}).", call.Attempts, isTimeout: true, exception);
            case HttpRequestException:
                return new GenesysCloudTransportException(
                    $"{call.Method} {call.PathTemplate} failed after {call.Attempts} attempts: {exception.Message}", call.Attempts, isTimeout: false, exception);
            default:
                return new GenesysCloudException(
                    GenesysCloudErrorCodes.InternalError, $"{call.Method} {call.PathTemplate} failed with an internal error: {exception.Message}", exception);
        }
    }

    private void EnterCall()
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

    private void ExitCall()
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

    private async Task ConnectCoreAsync(bool retryInBackground, CancellationToken cancellationToken)
    {
        Log.Connecting(_logger, _options.ResolvedApiBaseAddress, _options.ResolvedLoginBaseAddress);
        var attempt = 0;
        while (true)
        {
            try
            {
                await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (retryInBackground && ex is not OperationCanceledException)
            {
                var delay = RetryDelays.Backoff(_options.Retry, ++attempt);
                Log.ConnectRetrying(_logger, (ex as GenesysCloudException)?.ErrorCode ?? GenesysCloudErrorCodes.InternalError, delay, ex.Message);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                if (retryInBackground)
                {
                    return;
                }

                var code = (ex as GenesysCloudException)?.ErrorCode ?? GenesysCloudErrorCodes.InternalError;
                Log.ConnectFailed(_logger, code, ex.Message, ex);
                Transition(GenesysCloudClientState.Connecting, GenesysCloudClientState.Failed);
                throw;
            }
        }

        GenesysCloudClientState next;
        lock (_lock)
        {
            if (_state != GenesysCloudClientState.Connecting)
            {
                return;
            }

            next = _activeCalls > 0 ? GenesysCloudClientState.Running : GenesysCloudClientState.Idle;
            TransitionLocked(next);
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
            using var deleteTimeout = new CancellationTokenSource(_options.SocketTimeout * 2, _time);
            await _tokens.DeleteAsync(deleteTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.TokenDeleteFailed(_logger, ex.Message, ex);
            Transition(GenesysCloudClientState.Closing, GenesysCloudClientState.Failed);
            throw;
        }

        Transition(GenesysCloudClientState.Closing, GenesysCloudClientState.Closed);
    }

    private void Transition(GenesysCloudClientState from, GenesysCloudClientState to)
    {
        lock (_lock)
        {
            if (_state != from)
            {
                return;
            }

            TransitionLocked(to);
        }

    }

    // Raised under the lock so that subscribers see transitions in the order they happened; raising only
    // logs and posts to the event dispatcher, it never runs subscriber code here.
    private void TransitionLocked(GenesysCloudClientState next)
    {
        var previous = _state;
        _state = next;
        RaiseStateChanged(previous, next);
    }

    private void RaiseStateChanged(GenesysCloudClientState previous, GenesysCloudClientState next)
    {
        Log.StateChanged(_logger, previous, next);
        _diagnostics.StateChanged(this, previous, next);
    }
}
