using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Obtains, caches, refreshes and deletes the OAuth client-credentials access token.
/// <list type="bullet">
/// <item>Single flight: however many calls need a token, one request is in progress at a time, and every
/// waiter gets its outcome (a failure ends them all with the typed error; the next call tries again).</item>
/// <item>Refreshed in the background before expiry; refreshed once on a 401, unless a newer token was issued
/// after the rejected one.</item>
/// <item>Throttling of the token endpoint — a 429, or the login service's HTTP 400 <c>invalid_request</c>
/// "rate limit exceeded" — suspends the backlog and waits instead of failing; 408/5xx and connection failures
/// are retried with backoff up to <c>MaxRetries</c>.</item>
/// </list>
/// </summary>
internal sealed class AccessTokenProvider : IDisposable
{
    public const string HttpClientName = "GenesysCloud.OAuth";

    private readonly object _lock = new();
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly GenesysCloudDiagnostics _diagnostics;
    private readonly RequestScheduler _scheduler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private AccessToken? _current;
    private Task<AccessToken>? _pending;
    private long _version;

    public AccessTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptions<GenesysCloudOptions> options,
        TimeProvider time,
        GenesysCloudDiagnostics diagnostics,
        RequestScheduler scheduler,
        ILogger<AccessTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
        _diagnostics = diagnostics;
        _scheduler = scheduler;
        _logger = logger;
    }

    public AccessToken? Current => Volatile.Read(ref _current);

    /// <summary>Returns a valid token, starting (or joining) a refresh when needed.</summary>
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = Current;
        if (token is not null)
        {
            var now = _time.GetUtcNow();
            if (now < token.RefreshAt)
            {
                return token;
            }

            if (now < token.ExpiresAt)
            {
                // Still valid: use it, and refresh in the background. A failure is observed by the next caller.
                _ = StartRefresh();
                return token;
            }
        }

        return await StartRefresh().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles a 401: refreshes, unless a token newer than <paramref name="rejected"/> already exists.</summary>
    public async ValueTask<AccessToken> RefreshAfterUnauthorizedAsync(AccessToken rejected, CancellationToken cancellationToken)
    {
        Task<AccessToken> refresh;
        lock (_lock)
        {
            if (_current is not null && _current.Version > rejected.Version)
            {
                return _current;
            }

            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
            }

            refresh = StartRefresh();
        }

        return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the current token (<c>DELETE /api/v2/tokens/me</c>); a token the server no longer knows counts as deleted.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        AccessToken? token;
        lock (_lock)
        {
            token = _current;
            _current = null;
        }

        if (token is null)
        {
            return;
        }

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var attempt = 0;
        while (true)
        {
            var started = _time.GetTimestamp();
            HttpResponseMessage? response = null;
            Exception? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(_options.ResolvedApiBaseAddress, "api/v2/tokens/me"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
                response = await SendWithTimeoutAsync(client, request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransport(ex, cancellationToken))
            {
                error = ex;
            }

            using (response)
            {
                var status = response is null ? (int?)null : (int)response.StatusCode;
                if (status is 200 or 202 or 204 or 401)
                {
                    _diagnostics.TokenDeleted("success", _time.GetElapsedTime(started));
                    Log.TokenDeleted(_logger);
                    return;
                }

                if (status == 429)
                {
                    var delay = RateLimitPacingHandler.GetRateLimitDelay(response!, _time, _options.RateLimiting.DefaultRetryAfter);
                    _diagnostics.TokenDeleted("rate_limited", _time.GetElapsedTime(started));
                    _scheduler.Suspend(delay, "token");
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _diagnostics.TokenDeleted("failure", _time.GetElapsedTime(started));
                if ((status is null || IsRetryableStatus(status.Value)) && ++attempt <= _options.MaxRetries)
                {
                    await Task.Delay(RetryDelays.Backoff(_options.Retry, attempt), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (status is null)
                {
                    throw new GenesysCloudTransportException($"Deleting the access token failed after {attempt} attempts: {error!.Message}", attempt, error is TimeoutException, error);
                }

                throw new GenesysCloudAuthenticationException(
                    GenesysCloudErrorCodes.UnexpectedStatusCode,
                    $"Deleting the access token returned the unexpected status {status}.",
                    (HttpStatusCode)status,
                    correlationId: GetCorrelationId(response!));
            }
        }
    }

    public void Dispose() => _lifetime.Dispose();

    private static bool IsRetryableStatus(int status) => status is 408 or 500 or 502 or 503 or 504;

    private static bool IsTransport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutException ||
        (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string? GetCorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(GenesysCloudHeaderNames.CorrelationId, out var values) ? values.FirstOrDefault() : null;

    private Task<AccessToken> StartRefresh()
    {
        lock (_lock)
        {
            if (_pending is not null)
            {
                return _pending;
            }

            var task = RefreshCoreAsync();

            // A background refresh has no awaiter, and a caller may stop waiting (cancelled): observe the outcome so
            // that a failure (already logged where it happened) never surfaces as an unobserved task exception.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _pending = task.IsCompleted ? null : task;
            return task;
        }
    }

    private async Task<AccessToken> RefreshCoreAsync()
    {
        try
        {
            var token = await RequestTokenAsync(_lifetime.Token).ConfigureAwait(false);
            lock (_lock)
            {
                _current = token;
            }

            return token;
        }
        finally
        {
            lock (_lock)
            {
                _pending = null;
            }
        }
    }

    private async Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var tokenUri = new Uri(_options.ResolvedLoginBaseAddress, "oauth/token");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}"));
        var attempt = 0;
        var throttled = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = _time.GetTimestamp();
            HttpResponseMessage? response = null;
            Exception? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
                {
                    Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                response = await SendWithTimeoutAsync(client, request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransport(ex, cancellationToken))
            {
                error = ex;
            }

            using (response)
            {
                var elapsed = _time.GetElapsedTime(started);
                if (response is not null && response.StatusCode == HttpStatusCode.OK)
                {
                    var token = await ParseTokenAsync(response, cancellationToken).ConfigureAwait(false);
                    _diagnostics.TokenRequested("success", elapsed);
                    Log.TokenObtained(_logger, token.ExpiresAt - _time.GetUtcNow());
                    return token;
                }

                var body = response is null ? null : await ReadOAuthErrorAsync(response, cancellationToken).ConfigureAwait(false);
                if (response is not null && IsThrottled(response, body))
                {
                    // Throttling is not a failure: wait for the window and ask again, without counting an attempt.
                    throttled++;
                    var delay = response.Headers.RetryAfter is not null || response.Headers.Contains(GenesysCloudHeaderNames.RateLimitReset)
                        ? RateLimitPacingHandler.GetRateLimitDelay(response, _time, _options.RateLimiting.DefaultRetryAfter)
                        : RetryDelays.Backoff(_options.Retry, throttled);
                    _diagnostics.TokenRequested("rate_limited", elapsed);
                    _scheduler.Suspend(delay, "token");
                    Log.TokenRateLimited(_logger, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _diagnostics.TokenRequested("failure", elapsed);
                var status = response is null ? (int?)null : (int)response.StatusCode;
                if ((status is null || IsRetryableStatus(status.Value)) && ++attempt <= _options.MaxRetries)
                {
                    var delay = RetryDelays.Backoff(_options.Retry, attempt);
                    Log.TokenRetrying(_logger, attempt, status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? error!.GetType().Name, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var exception = MapFailure(response, body, error, attempt);
                Log.TokenFailed(_logger, exception.ErrorCode, exception.Message);
                throw exception;
            }
        }
    }

    private async Task<HttpResponseMessage> SendWithTimeoutAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.SocketTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException($"The login service did not answer within SocketTimeout ({_options.SocketTimeout}).", ex);
        }
    }

    private static bool IsThrottled(HttpResponseMessage response, OAuthError? body) =>
        response.StatusCode == HttpStatusCode.TooManyRequests ||
        (response.StatusCode == HttpStatusCode.BadRequest &&
            string.Equals(body?.Error, "invalid_request", StringComparison.OrdinalIgnoreCase) &&
            (body?.Text?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false));

    private static GenesysCloudException MapFailure(HttpResponseMessage? response, OAuthError? body, Exception? error, int attempts)
    {
        if (response is null)
        {
            return new GenesysCloudTransportException(
                $"The login service could not be reached after {attempts} attempts: {error!.Message}", attempts, error is TimeoutException, error);
        }

        var status = response.StatusCode;
        var correlationId = GetCorrelationId(response);
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
            $"The login service answered the unexpected status {(int)status}{(attempts > 0 ? $" after {attempts + 1} attempts" : string.Empty)}.",
            status, body?.Error, correlationId);
    }

    private async Task<AccessToken> ParseTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var value = root.TryGetProperty("access_token", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var type = root.TryGetProperty("token_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var expiresIn = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var seconds) ? seconds : 0;
            if (string.IsNullOrEmpty(value) || !string.Equals(type, "bearer", StringComparison.OrdinalIgnoreCase) || expiresIn <= 0)
            {
                throw new GenesysCloudAuthenticationException(
                    GenesysCloudErrorCodes.UnexpectedResponse,
                    "The login service's token response lacks a bearer access_token with a positive expires_in.",
                    response.StatusCode, correlationId: GetCorrelationId(response));
            }

            var now = _time.GetUtcNow();
            var lifetime = TimeSpan.FromSeconds(expiresIn);
            var margin = _options.TokenRefreshBeforeExpiry < lifetime / 2 ? _options.TokenRefreshBeforeExpiry : lifetime / 2;
            return new AccessToken(value, now + lifetime, now + lifetime - margin, Interlocked.Increment(ref _version));
        }
        catch (JsonException ex)
        {
            throw new GenesysCloudAuthenticationException(
                GenesysCloudErrorCodes.UnexpectedResponse,
                "The login service's token response is not valid JSON.",
                response.StatusCode, correlationId: GetCorrelationId(response), innerException: ex);
        }
    }

    private static async Task<OAuthError?> ReadOAuthErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return null;
            }

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

    private sealed record OAuthError(string? Error, string? Text);
}
