using System.Diagnostics;
using System.Globalization;
using System.Net;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Puts every attempt through the <see cref="RequestScheduler"/> (backlog, pacing, concurrency cap) and handles
/// 429: the first 429 suspends the whole backlog until <c>Retry-After</c> (else <c>inin-ratelimit-reset</c>, else
/// <c>RateLimiting:DefaultRetryAfter</c>), and the call that got it is re-sent first once the suspension ends.
/// 429 re-sends are not retry attempts.
/// </summary>
internal sealed class RateLimitPacingHandler : DelegatingHandler
{
    private readonly RequestScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly GenesysCloudRateLimitingOptions _options;
    private readonly ILogger _logger;

    public RateLimitPacingHandler(RequestScheduler scheduler, TimeProvider time, IOptions<GenesysCloudOptions> options, ILogger<RateLimitPacingHandler> logger)
    {
        _scheduler = scheduler;
        _time = time;
        _options = options.Value.RateLimiting;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = CallContext.Get(request);
        var resentAfterRateLimit = false;
        while (true)
        {
            await _scheduler.AcquireAsync(call, first: resentAfterRateLimit, cancellationToken).ConfigureAwait(false);
            if (call is not null)
            {
                if (!resentAfterRateLimit)
                {
                    call.Attempts++;
                }

                call.Activity?.AddEvent(new ActivityEvent("dequeued"));
            }

            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _scheduler.Release(call, null);
                throw;
            }

            if (call is not null)
            {
                call.LastStatusCode = (int)response.StatusCode;
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                _scheduler.Release(call, response);
                return response;
            }

            // Suspend before the slot is released: releasing first would let the next call in the backlog start
            // into the limit that was just hit.
            var delay = GetRateLimitDelay(response, _time, _options.DefaultRetryAfter);
            if (_scheduler.Suspend(delay, "api"))
            {
                Log.RateLimited(_logger, delay);
            }

            _scheduler.Release(call, response);
            if (call is not null && call.RateLimitRetries >= _options.MaxRateLimitRetries)
            {
                return response;
            }

            response.Dispose();

            if (call is not null)
            {
                call.RateLimitRetries++;
                call.Activity?.AddEvent(new ActivityEvent("rate_limited", tags: new ActivityTagsCollection { ["genesyscloud.rate_limit.delay_s"] = delay.TotalSeconds }));
            }

            resentAfterRateLimit = true;
        }
    }

    /// <summary>The wait a 429 asks for: <c>Retry-After</c> (seconds or HTTP date), else the reset header, else the default.</summary>
    internal static TimeSpan GetRateLimitDelay(HttpResponseMessage response, TimeProvider time, TimeSpan fallback)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        if (response.Headers.TryGetValues(GenesysCloudHeaderNames.RateLimitReset, out var values) &&
            int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return fallback;
    }
}
