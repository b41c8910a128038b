using System.Net;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GenesysCloud.Extensions.Pipeline;

/// <summary>
/// Builds the resilience pipeline every API call runs through — the one retry mechanism of the client:
/// <list type="number">
/// <item><b>Retry</b> (outer, <see cref="HttpRetryStrategyOptions"/>, customizable with <c>ConfigureRetry</c>): 408/5xx,
/// connection failures and attempt timeouts per <see cref="RetryClassifier"/>, exponential backoff with jitter; a
/// <c>Retry-After</c> is honoured up to <c>Retry:MaxRetryAfter</c>, and beyond it the call ends with the answer it got.</item>
/// <item><b>Rate limit</b> (inner): a 429 is re-sent, without counting as an attempt, up to
/// <c>RateLimiting:MaxRateLimitRetries</c> times. Its delay is the scheduler's suspension: the scheduler suspended every
/// start when it saw the 429, and the re-send waits for it at the head of the backlog.</item>
/// </list>
/// Every attempt acquires its start slot from the scheduler inside the callback, so retries are paced like first attempts.
/// </summary>
internal static class CallPipelineFactory
{
    public const string RetryStrategyName = "Retry";
    public const string RateLimitStrategyName = "RateLimit";

    public static ResiliencePipeline<HttpResponseMessage> Create(
        GenesysCloudOptions options,
        IEnumerable<Action<HttpRetryStrategyOptions>> customizations,
        GenesysCloudDiagnostics diagnostics,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        string pipelineName)
    {
        var logger = loggerFactory.CreateLogger("GenesysCloud.Extensions.Retry");
        // No Polly telemetry: the client reports every retry itself (the Retrying log, genesyscloud.client.retries, the
        // span's "retried" and "rate_limited" events), and Polly's per-execution listener, its duplicate warning per
        // retry and per 429 re-send, cost every call a layer of its own.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = pipelineName, TimeProvider = time };

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(CreateRetry(options, customizations, diagnostics, time, logger));
        }

        builder.AddRetry(CreateRateLimitResend(options.RateLimiting));
        return builder.Build();
    }

    private static HttpRetryStrategyOptions CreateRetry(
        GenesysCloudOptions options,
        IEnumerable<Action<HttpRetryStrategyOptions>> customizations,
        GenesysCloudDiagnostics diagnostics,
        TimeProvider time,
        ILogger logger)
    {
        var retryOptions = options.Retry;
        var retry = new HttpRetryStrategyOptions
        {
            Name = RetryStrategyName,
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retryOptions.BaseDelay,
            MaxDelay = retryOptions.MaxDelay,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => new ValueTask<bool>(GetReason(args.Context, args.Outcome, retryOptions, time) is not null),
            DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter.Get(response, time) : null),
            OnRetry = args =>
            {
                var context = args.Context;
                var call = context.Properties.GetValue(CallProperties.Call, null!);
                context.Properties.Set(CallProperties.Attempts, args.AttemptNumber + 2);
                var reason = GetReason(context, args.Outcome, retryOptions, time) ?? "unknown";
                var status = args.Outcome.Result is { } response ? (int?)response.StatusCode : null;
                diagnostics.Retried(call, reason, args.RetryDelay, status);
                Log.Retrying(logger, call.Method, call.PathTemplate, args.AttemptNumber + 2, reason, args.RetryDelay);
                return default;
            },
        };

        foreach (var customize in customizations)
        {
            customize(retry);
        }

        return retry;
    }

    private static RetryStrategyOptions<HttpResponseMessage> CreateRateLimitResend(GenesysCloudRateLimitingOptions options) => new()
    {
        Name = RateLimitStrategyName,
        MaxRetryAttempts = int.MaxValue,
        BackoffType = DelayBackoffType.Constant,
        Delay = TimeSpan.Zero,
        UseJitter = false,
        ShouldHandle = args => new ValueTask<bool>(
            args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests &&
            args.Context.Get(CallProperties.RateLimitResends) < options.MaxRateLimitRetries),
        OnRetry = args =>
        {
            var context = args.Context;
            context.Properties.Set(CallProperties.RateLimitResends, context.Get(CallProperties.RateLimitResends) + 1);
            var call = context.Properties.GetValue(CallProperties.Call, null!);
            call.Activity?.AddEvent(new System.Diagnostics.ActivityEvent("rate_limited"));
            return default;
        },
    };

    // The retry reason, or null when the outcome is final. A Retry-After beyond Retry:MaxRetryAfter makes it final: the
    // call ends with the answer it got rather than wait that long.
    private static string? GetReason(ResilienceContext context, Outcome<HttpResponseMessage> outcome, GenesysCloudRetryOptions options, TimeProvider time)
    {
        var call = context.Properties.GetValue(CallProperties.Call, null!);
        var reason = RetryClassifier.GetRetryReason(call.Request.Method, outcome.Result, outcome.Exception, options);
        if (reason is not null && outcome.Result is { } response && RetryAfter.Get(response, time) > options.MaxRetryAfter)
        {
            return null;
        }

        return reason;
    }
}
