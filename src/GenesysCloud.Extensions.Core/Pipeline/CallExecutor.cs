using System.Diagnostics;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Scheduling;
using GenesysCloud.Extensions.Telemetry;
using Polly;

namespace GenesysCloud.Extensions.Pipeline;

/// <summary>
/// Runs one call: it waits in the backlog as a <see cref="PendingCall"/>, then goes through the resilience pipeline
/// (retries and 429 re-sends, see <see cref="CallPipelineFactory"/>), each attempt taking a start slot from the
/// <see cref="RequestScheduler"/>, building its HTTP message and sending it within <c>SocketTimeout</c>. The outcome is
/// mapped by <see cref="CallOutcomes"/> and recorded by <see cref="GenesysCloudDiagnostics"/>.
/// </summary>
internal sealed class CallExecutor
{
    private readonly RequestScheduler _scheduler;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Func<HttpClient> _httpClient;
    private readonly HttpAttempt _attempt;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly CallOutcomes _outcomes;
    private readonly TimeProvider _time;
    private readonly Uri _apiBaseAddress;
    private readonly CancellationToken _abort;
    private HttpClient? _http;

    public CallExecutor(
        RequestScheduler scheduler,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<HttpClient> httpClient,
        HttpAttempt attempt,
        GenesysCloudDiagnostics diagnostics,
        CallOutcomes outcomes,
        TimeProvider time,
        Uri apiBaseAddress,
        CancellationToken abort)
    {
        _scheduler = scheduler;
        _pipeline = pipeline;
        _httpClient = httpClient;
        _attempt = attempt;
        _diagnostics = diagnostics;
        _outcomes = outcomes;
        _time = time;
        _apiBaseAddress = apiBaseAddress;
        _abort = abort;
    }

    /// <summary>
    /// Gets or sets what runs when a call ends, however it ends, before its task completes: the client gives back what the
    /// call held (its place in the lifecycle's count, its identity's lanes). An event up, so no layer above is awaited here.
    /// </summary>
    public Action<PendingCall>? CallEnded { get; set; }

    /// <summary>Runs <paramref name="call"/> to its end and returns its 2xx response; any other end is a typed exception.</summary>
    public async Task<GenesysCloudResponse> ExecuteAsync(PendingCall call, CancellationToken cancellationToken)
    {
        int? statusCode = null;
        string? errorType = null;
        var attempts = 0;
        try
        {
            // Queued as a small record: nothing of the HTTP pipeline exists for the call until it gets its slot.
            var lane = await _scheduler.AcquireAsync(call, first: false, cancellationToken).ConfigureAwait(false);
            call.Activity = _diagnostics.StartCallActivity(call);

            // Most calls pass no token of their own: then the client's abort token serves alone, with no linked source.
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort) : null;
            var context = ResilienceContextPool.Shared.Get(linked?.Token ?? _abort);
            try
            {
                context.Properties.Set(CallProperties.Call, call);
                context.Properties.Set(CallProperties.GrantedLane, lane);
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    static (context, self) => self.AttemptAsync(context), context, this).ConfigureAwait(false);
                attempts = context.GetAttempts();
                if (outcome.Exception is { } exception)
                {
                    throw _outcomes.MapException(exception, call, attempts, cancellationToken);
                }

                using var response = outcome.Result!;
                statusCode = (int)response.StatusCode;
                var result = CallOutcomes.ToResponse(response);
                if (response.IsSuccessStatusCode)
                {
                    GenesysCloudResponseScope.Current?.Record(result);
                    return result;
                }

                if (context.CancellationToken.IsCancellationRequested)
                {
                    // Cancelled between an answer the pipeline would act on (a 429 to re-send, a 5xx to retry) and the
                    // next attempt: Polly hands back that answer, but the call ended because it was cancelled.
                    throw new OperationCanceledException(context.CancellationToken);
                }

                errorType = CallOutcomes.StatusText(statusCode.Value);
                throw CallOutcomes.CreateApiException(call, result, attempts);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (Exception ex) when (errorType is null)
        {
            var mapped = _outcomes.MapException(ex, call, attempts, cancellationToken);
            errorType = CallOutcomes.ErrorType(mapped);
            if (ReferenceEquals(mapped, ex))
            {
                throw;
            }

            throw mapped;
        }
        finally
        {
            _diagnostics.CallEnded(call, _time.GetElapsedTime(call.QueuedAt), statusCode, errorType, attempts);
            CallEnded?.Invoke(call);
        }
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context)
    {
        var call = context.Properties.GetValue(CallProperties.Call, null!);
        var cancellationToken = context.CancellationToken;
        RateLane lane;
        try
        {
            if (context.Properties.GetValue(CallProperties.GrantedLane, null) is { } granted)
            {
                lane = granted;
                context.Properties.Set(CallProperties.GrantedLane, null);
            }
            else
            {
                // A retry or a 429 re-send keeps its place: it goes to the head of the backlog.
                lane = await _scheduler.AcquireAsync(call, first: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        call.Activity?.AddEvent(new ActivityEvent("dequeued"));
        var sentAt = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            using var message = CreateMessage(call);
            message.Options.Set(AccessTokenHandler.TokensKey, lane.Tokens);
            message.Options.Set(AccessTokenHandler.ApiBaseAddressKey, _apiBaseAddress);
            response = await _attempt.SendAsync(_http ??= _httpClient(), message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _scheduler.Release(call, lane, null, sentAt);
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        _scheduler.Release(call, lane, response, sentAt);
        return Outcome.FromResult(response);
    }

    private HttpRequestMessage CreateMessage(PendingCall call)
    {
        var request = call.Request;
        var message = new HttpRequestMessage(request.Method, call.GetRequestUri(_apiBaseAddress));
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // JSON unless the request asks for another media type (text/plain, text/calendar operations).
        if (!message.Headers.Contains("Accept"))
        {
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
        }

        if (call.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.BodyContentType ?? "application/json; charset=utf-8");
        }
        else if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Patch)
        {
            // An explicit empty body: SocketsHttpHandler silently re-sends a request without content when a reused
            // connection fails after sending it, which would run a bodyless action (POST …/disconnect) twice.
            message.Content = new ByteArrayContent([]);
        }

        return message;
    }
}
