using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Tests.Fakes;

/// <summary>
/// An in-memory Genesys Cloud (login and API) for unit tests driven by a <see cref="FakeTimeProvider"/>:
/// issues bearer tokens, checks them, counts a fixed-window rate budget with the inin-ratelimit-* headers,
/// and lets a test script the next responses. Integration tests use the real simulator instead.
/// </summary>
internal sealed class FakeGenesysCloud : HttpMessageHandler
{
    public const string ClientId = "5f2c3a1e-8d4b-4c6f-9a7e-1b2c3d4e5f60";
    public const string ClientSecret = "s3cr3t-VALUE-never-logged";

    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage?>> _apiScript = new();
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage?>> _tokenScript = new();
    private readonly object _lock = new();
    private readonly HashSet<string> _validTokens = [];
    private DateTimeOffset _windowEnd;
    private int _windowCount;
    private int _inFlight;
    private int _tokenCounter;

    public FakeGenesysCloud(TimeProvider time) => _time = time;

    public int RateLimit { get; set; } = 300;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(60);

    public bool SendBudgetHeaders { get; set; } = true;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public HttpStatusCode DeleteStatus { get; set; } = HttpStatusCode.OK;

    /// <summary>When set, token requests wait for this gate before answering.</summary>
    public TaskCompletionSource? TokenGate { get; set; }

    /// <summary>When set, API requests wait for this gate before answering (to hold calls in flight).</summary>
    public TaskCompletionSource? ApiGate { get; set; }

    /// <summary>Gets the API requests, except the client's connect probe (<c>GET /api/v2/tokens/me</c>).</summary>
    public ConcurrentQueue<(string Method, string Target, string? Authorization, DateTimeOffset At)> ApiRequests { get; } = new();

    /// <summary>Gets the client's connect probes (<c>GET /api/v2/tokens/me</c>): counted in the rate window, never scripted.</summary>
    public ConcurrentQueue<(string Method, string Target, string? Authorization, DateTimeOffset At)> ProbeRequests { get; } = new();

    public int TokenRequests;

    public int TokenDeletions;

    public int RateLimited;

    public int MaxInFlight;

    public List<string> IssuedTokens { get; } = [];

    public void EnqueueApi(Func<HttpRequestMessage, HttpResponseMessage?> responder) => _apiScript.Enqueue(responder);

    public void EnqueueToken(Func<HttpRequestMessage, HttpResponseMessage?> responder) => _tokenScript.Enqueue(responder);

    public void RevokeAllTokens()
    {
        lock (_lock)
        {
            _validTokens.Clear();
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.Add("inin-correlation-id", Guid.NewGuid().ToString());
        return response;
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json(status, $$$"""{"message":"{{{message}}}","code":"{{{code}}}","status":{{{(int)status}}},"contextId":"ctx-1","messageParams":{"p":"v"}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/oauth/token")
        {
            Interlocked.Increment(ref TokenRequests);
            if (TokenGate is { } tokenGate)
            {
                await tokenGate.Task.WaitAsync(cancellationToken);
            }

            if (_tokenScript.TryDequeue(out var scripted) && scripted(request) is { } scriptedResponse)
            {
                return scriptedResponse;
            }

            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
            if (request.Headers.Authorization?.ToString() != expected)
            {
                return Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","description":"authentication failed"}""");
            }

            var token = $"tok-{Interlocked.Increment(ref _tokenCounter)}-{Guid.NewGuid():N}";
            lock (_lock)
            {
                _validTokens.Add(token);
                IssuedTokens.Add(token);
            }

            return Json(HttpStatusCode.OK, $$"""{"access_token":"{{token}}","token_type":"bearer","expires_in":{{(int)TokenLifetime.TotalSeconds}}}""");
        }

        var auth = request.Headers.Authorization?.Parameter;
        var probe = path == "/api/v2/tokens/me" && request.Method == HttpMethod.Get;
        (probe ? ProbeRequests : ApiRequests).Enqueue((request.Method.Method, request.RequestUri.PathAndQuery, auth, _time.GetUtcNow()));
        if (path == "/api/v2/tokens/me" && request.Method == HttpMethod.Delete)
        {
            Interlocked.Increment(ref TokenDeletions);
            lock (_lock)
            {
                _validTokens.Remove(auth ?? string.Empty);
            }

            return new HttpResponseMessage(DeleteStatus);
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref MaxInFlight, inFlight);
        try
        {
            if (!probe && ApiGate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            lock (_lock)
            {
                if (auth is null || !_validTokens.Contains(auth))
                {
                    return Error(HttpStatusCode.Unauthorized, "bad.credentials", "Invalid login credentials.");
                }
            }

            var now = _time.GetUtcNow();
            int count;
            lock (_lock)
            {
                if (now >= _windowEnd)
                {
                    _windowEnd = now + RateWindow;
                    _windowCount = 0;
                }

                count = ++_windowCount;
            }

            var reset = (int)Math.Ceiling((_windowEnd - now).TotalSeconds);
            HttpResponseMessage response;
            if (count > RateLimit)
            {
                Interlocked.Increment(ref RateLimited);
                response = Error(HttpStatusCode.TooManyRequests, "too.many.requests", "Rate limit exceeded");
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(reset));
            }
            else if (!probe && _apiScript.TryDequeue(out var scripted) && scripted(request) is { } scriptedResponse)
            {
                response = scriptedResponse;
            }
            else
            {
                response = Json(HttpStatusCode.OK, """{"id":"q1","name":"Queue 1"}""");
            }

            if (SendBudgetHeaders)
            {
                response.Headers.TryAddWithoutValidation("inin-ratelimit-allowed", RateLimit.ToString(CultureInfo.InvariantCulture));
                response.Headers.TryAddWithoutValidation("inin-ratelimit-count", count.ToString(CultureInfo.InvariantCulture));
                response.Headers.TryAddWithoutValidation("inin-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture));
            }

            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
