using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Telemetry;

namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// The client-credentials exchange with the login service (<c>POST /oauth/token</c>) and the token deletion
/// (<c>DELETE /api/v2/tokens/me</c>), each attempt sent by <see cref="HttpAttempt"/> through a small resilience
/// pipeline of its own — the same Polly strategies and backoff as API calls:
/// <list type="bullet">
/// <item><b>Throttling</b> — a 429, or the login service's HTTP 400 <c>invalid_request</c> "rate limit exceeded" — is
/// waited out (<c>Retry-After</c> or <c>inin-ratelimit-reset</c> up to <c>Retry:MaxRetryAfter</c>, else backoff) and
/// does not count as an attempt; <see cref="Throttled"/> reports each wait.</item>
/// <item>408/5xx, connection failures and timeouts are retried with backoff up to <c>MaxRetries</c>.</item>
/// </list>
/// </summary>
internal sealed class LoginService
{
    private const string ThrottleStrategyName = "Throttle";
    private static readonly ResiliencePropertyKey<int> Attempts = new("GenesysCloud.LoginAttempts");

    private readonly Func<HttpClient> _httpClient;
    private readonly HttpAttempt _attempt;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _tokenUri;
    private readonly Uri _tokensMeUri;
    private HttpClient? _http;

    public LoginService(Func<HttpClient> httpClient, HttpAttempt attempt, GenesysCloudOptions options, TimeProvider time, GenesysCloudDiagnostics diagnostics, ILoggerFactory loggerFactory)
    {
        _httpClient = httpClient;
        _attempt = attempt;
        _options = options;
        _time = time;
        _diagnostics = diagnostics;
        _logger = loggerFactory.CreateLogger<LoginService>();
        _tokenUri = new Uri(options.ResolvedLoginBaseAddress, "oauth/token");
        _tokensMeUri = new Uri(options.ResolvedApiBaseAddress, "api/v2/tokens/me");
        _pipeline = CreatePipeline(loggerFactory);
    }

    /// <summary>Raised when the login service throttles a request, with the wait it asked for.</summary>
    public event Action<TimeSpan>? Throttled;

    /// <summary>Requests a new client-credentials token.</summary>
    public async Task<(string Value, TimeSpan Lifetime)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}"));
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
                {
                    Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                return request;
            },
            static response => response.StatusCode == HttpStatusCode.OK,
            _diagnostics.TokenRequested,
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var token = ParseToken(response);
            Log.TokenObtained(_logger, token.Lifetime);
            return token;
        }

        var exception = MapFailure(response);
        Log.TokenFailed(_logger, exception.ErrorCode, exception.Message);
        throw exception;
    }

    /// <summary>
    /// Deletes <paramref name="token"/>; a token the server no longer knows counts as deleted. When
    /// <paramref name="cancellationToken"/> has already fired (the host's shutdown timeout passed), one last attempt is
    /// made, bounded by <paramref name="lastChance"/>, without waiting for a retry or a throttle.
    /// </summary>
    public async Task DeleteTokenAsync(string token, TimeSpan lastChance, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            using var bound = new CancellationTokenSource(lastChance, _time);
            using var request = CreateDelete(token);
            var started = _time.GetTimestamp();
            HttpResponseMessage last;
            try
            {
                last = await _attempt.SendAsync(_http ??= _httpClient(), request, bound.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException)
            {
                _diagnostics.TokenDeleted("failure", _time.GetElapsedTime(started));
                throw new OperationCanceledException("The host's shutdown timeout passed and the last deletion attempt failed.", ex, cancellationToken);
            }

            using (last)
            {
                var deleted = (int)last.StatusCode is 200 or 202 or 204 or 401;
                _diagnostics.TokenDeleted(deleted ? "success" : IsThrottled(last) ? "rate_limited" : "failure", _time.GetElapsedTime(started));
                if (!deleted)
                {
                    throw new OperationCanceledException($"The host's shutdown timeout passed and the last deletion attempt answered {(int)last.StatusCode}.", null, cancellationToken);
                }

                Log.TokenDeleted(_logger);
                return;
            }
        }

        using var response = await SendAsync(
            () => CreateDelete(token),
            static response => (int)response.StatusCode is 200 or 202 or 204 or 401,
            _diagnostics.TokenDeleted,
            cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is 200 or 202 or 204 or 401)
        {
            Log.TokenDeleted(_logger);
            return;
        }

        throw new GenesysCloudAuthenticationException(
            GenesysCloudErrorCodes.UnexpectedStatusCode,
            $"Deleting the access token returned the unexpected status {(int)response.StatusCode}.",
            response.StatusCode,
            correlationId: GetCorrelationId(response));
    }

    private HttpRequestMessage CreateDelete(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, _tokensMeUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static string? GetCorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(GenesysCloudHeaderNames.CorrelationId, out var values) ? values.FirstOrDefault() : null;

    private static byte[] Body(HttpResponseMessage response) => response.Content is BufferedContent buffered ? buffered.Body : [];

    private static bool IsThrottled(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        // Genesys' login service answers 400 invalid_request "rate limit exceeded" when it throttles token requests.
        return response.StatusCode == HttpStatusCode.BadRequest &&
            ReadOAuthError(response) is { } error &&
            string.Equals(error.Error, "invalid_request", StringComparison.OrdinalIgnoreCase) &&
            (error.Text?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private static OAuthError? ReadOAuthError(HttpResponseMessage response)
    {
        var bytes = Body(response);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            static string? Get(JsonElement root, string name) =>
                root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

            return new OAuthError(Get(root, "error"), Get(root, "description") ?? Get(root, "error_description") ?? Get(root, "message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static GenesysCloudAuthenticationException MapFailure(HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var correlationId = GetCorrelationId(response);
        var body = ReadOAuthError(response);
        if (status == HttpStatusCode.BadRequest)
        {
            if (string.Equals(body?.Error, "invalid_client", StringComparison.OrdinalIgnoreCase))
            {
                if (body?.Text?.Contains("client not found", StringComparison.OrdinalIgnoreCase) ?? false)
                {
                    return new GenesysCloudAuthenticationException(
                        GenesysCloudErrorCodes.ClientIdNotFound,
                        "The login service does not know the OAuth client id (GenesysCloud:ClientId). Check the client id and the region.",
                        status, body?.Error, correlationId);
                }

                if (body?.Text?.Contains("authentication failed", StringComparison.OrdinalIgnoreCase) ?? false)
                {
                    return new GenesysCloudAuthenticationException(
                        GenesysCloudErrorCodes.AuthenticationFailure,
                        "The login service rejected the OAuth client credentials (GenesysCloud:ClientSecret).",
                        status, body?.Error, correlationId);
                }
            }

            return new GenesysCloudAuthenticationException(
                GenesysCloudErrorCodes.UnexpectedResponse,
                $"The login service answered 400 with error '{body?.Error ?? "(none)"}': {body?.Text ?? "(no description)"}.",
                status, body?.Error, correlationId);
        }

        return new GenesysCloudAuthenticationException(
            GenesysCloudErrorCodes.UnexpectedStatusCode,
            $"The login service answered the unexpected status {(int)status}.",
            status, body?.Error, correlationId);
    }

    private static (string Value, TimeSpan Lifetime) ParseToken(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(Body(response));
            var root = document.RootElement;
            var value = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("access_token", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("token_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var expiresIn = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var seconds) ? seconds : 0;
            if (string.IsNullOrEmpty(value) || !string.Equals(type, "bearer", StringComparison.OrdinalIgnoreCase) || expiresIn <= 0)
            {
                throw new GenesysCloudAuthenticationException(
                    GenesysCloudErrorCodes.UnexpectedResponse,
                    "The login service's token response lacks a bearer access_token with a positive expires_in.",
                    response.StatusCode, correlationId: GetCorrelationId(response));
            }

            return (value, TimeSpan.FromSeconds(expiresIn));
        }
        catch (JsonException ex)
        {
            throw new GenesysCloudAuthenticationException(
                GenesysCloudErrorCodes.UnexpectedResponse,
                "The login service's token response is not valid JSON.",
                response.StatusCode, correlationId: GetCorrelationId(response), innerException: ex);
        }
    }

    // Runs the request through the pipeline; a transport failure after the last retry becomes a typed error.
    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest,
        Func<HttpResponseMessage, bool> isSuccess,
        Action<string, TimeSpan> recordAttempt,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(Attempts, 0);
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                async (context, state) =>
                {
                    context.Properties.Set(Attempts, context.Properties.GetValue(Attempts, 0) + 1);
                    var started = state.Self._time.GetTimestamp();
                    try
                    {
                        using var request = state.CreateRequest();
                        var response = await state.Self._attempt.SendAsync(state.Self._http ??= state.Self._httpClient(), request, context.CancellationToken).ConfigureAwait(false);
                        var outcome = state.IsSuccess(response) ? "success" : IsThrottled(response) ? "rate_limited" : "failure";
                        state.RecordAttempt(outcome, state.Self._time.GetElapsedTime(started));
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                    {
                        state.RecordAttempt("failure", state.Self._time.GetElapsedTime(started));
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Self: this, CreateRequest: createRequest, IsSuccess: isSuccess, RecordAttempt: recordAttempt)).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(exception.Message, exception, cancellationToken);
                }

                var attempts = context.Properties.GetValue(Attempts, 1);
                throw new GenesysCloudTransportException(
                    $"The login service could not be reached after {attempts} attempts: {exception.Message}", attempts, exception is TimeoutException, exception);
            }

            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> CreatePipeline(ILoggerFactory loggerFactory)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "GenesysCloud.Login", TimeProvider = _time };
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggerFactory });
        var retry = _options.Retry;
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,

                // Requesting or deleting a token is safe to repeat: every transient outcome is retried.
                ShouldHandle = static args => new ValueTask<bool>(
                    args.Outcome.Exception is HttpRequestException or AttemptTimeoutException ||
                    (args.Outcome.Result is { } response && (int)response.StatusCode is 408 or 500 or 502 or 503 or 504)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : args.Outcome.Exception!.GetType().Name;
                    Log.TokenRetrying(_logger, args.AttemptNumber + 1, reason, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = ThrottleStrategyName,
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(
                args.Outcome.Result is { } response && IsThrottled(response) &&
                !(RetryAfter.GetRateLimitDelay(response, _time) > retry.MaxRetryAfter)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter.GetRateLimitDelay(response, _time) : null),
            OnRetry = args =>
            {
                Log.TokenRateLimited(_logger, args.RetryDelay);
                Throttled?.Invoke(args.RetryDelay);
                return default;
            },
        });

        return builder.Build();
    }

    private sealed record OAuthError(string? Error, string? Text);
}
