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
    private readonly string _clientName;
    private readonly Uri _tokensMeUri;
    private HttpClient? _http;

    public LoginService(Func<HttpClient> httpClient, HttpAttempt attempt, GenesysCloudOptions options, TimeProvider time, GenesysCloudDiagnostics diagnostics, ILoggerFactory loggerFactory)
    {
        _clientName = diagnostics.ClientName;
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

    /// <summary>Gets the clock of the client.</summary>
    public TimeProvider Time => _time;

    /// <summary>Gets the name of the client, as messages and telemetry name it (<c>default</c> for the unnamed one).</summary>
    public string ClientName => _clientName;

    /// <summary>Raised when the login service throttles a request, with the wait it asked for.</summary>
    public event Action<TimeSpan>? Throttled;

    /// <summary>Requests a new client-credentials token for the client itself.</summary>
    public Task<TokenResponse> RequestClientCredentialsTokenAsync(CancellationToken cancellationToken) =>
        RequestTokenAsync(
            [new("grant_type", "client_credentials")],
            _options.ClientId!,
            _options.ClientSecret,
            GenesysCloudTelemetryNames.IdentityApp,
            cancellationToken);

    /// <summary>
    /// Requests a token with the grant in <paramref name="form"/>, authenticating as OAuth client
    /// <paramref name="clientId"/> (Basic with <paramref name="clientSecret"/>, or <c>client_id</c> in the form for a
    /// public client).
    /// </summary>
    public async Task<TokenResponse> RequestTokenAsync(
        IReadOnlyList<KeyValuePair<string, string>> form, string clientId, string? clientSecret, string identityKind, CancellationToken cancellationToken)
    {
        var credentials = clientSecret is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"));
        IEnumerable<KeyValuePair<string, string>> fields = credentials is null ? [.. form, new("client_id", clientId)] : form;
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri) { Content = new FormUrlEncodedContent(fields) };
                if (credentials is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                }

                return request;
            },
            static response => response.StatusCode == HttpStatusCode.OK,
            (outcome, duration) => _diagnostics.TokenRequested(outcome, duration, identityKind),
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var token = LoginResponses.ParseToken(response);
            Log.TokenObtained(_logger, token.Lifetime);
            return token;
        }

        var exception = LoginResponses.MapFailure(response, identityKind, _clientName);
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
                _diagnostics.TokenDeleted(deleted ? "success" : LoginResponses.IsThrottled(last) ? "rate_limited" : "failure", _time.GetElapsedTime(started));
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
            correlationId: LoginResponses.GetCorrelationId(response));
    }

    private HttpRequestMessage CreateDelete(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, _tokensMeUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
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
                        var outcome = state.IsSuccess(response) ? "success" : LoginResponses.IsThrottled(response) ? "rate_limited" : "failure";
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
                args.Outcome.Result is { } response && LoginResponses.IsThrottled(response) &&
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
}
