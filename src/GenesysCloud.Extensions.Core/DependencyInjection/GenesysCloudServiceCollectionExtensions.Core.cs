using GenesysCloud.Extensions.Hosting;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>
/// Registers the request pipeline. The public entry point is <c>AddGenesysCloud</c> in the
/// <c>GenesysCloud.Extensions</c> package, which adds every API category on top.
/// </summary>
internal static class GenesysCloudCoreRegistration
{
    public static GenesysCloudBuilder AddGenesysCloudCore(IServiceCollection services, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<GenesysCloudOptions>();
        if (configuration is not null)
        {
            optionsBuilder.Configure(options => GenesysCloudOptionsBinder.Bind(configuration, options));
        }

        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GenesysCloudBuilder))?.ImplementationInstance as GenesysCloudBuilder;
        if (existing is not null)
        {
            // Called again: add the configuration, register nothing twice.
            return existing;
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysCloudOptions>, GenesysCloudOptionsValidator>());
        services.AddOptions<GenesysCloudRetryCustomization>();
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GenesysCloudClientEvents(sp.GetRequiredService<ILogger<GenesysCloudClientEvents>>()));
        services.TryAddSingleton<GenesysCloudDiagnostics>();
        services.TryAddSingleton(sp => new RequestScheduler(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GenesysCloudOptions>>().Value.RateLimiting,
            sp.GetRequiredService<GenesysCloudDiagnostics>()));
        services.TryAddSingleton<AccessTokenProvider>();
        services.TryAddSingleton<PrimaryHandlers>();
        services.TryAddSingleton<GenesysCloudClient>();
        services.TryAddSingleton<IGenesysCloudClient>(sp => sp.GetRequiredService<GenesysCloudClient>());
        services.AddHostedService<GenesysCloudHostedService>();
        services.TryAddTransient<RateLimitPacingHandler>();
        services.TryAddTransient<AttemptTimeoutHandler>();
        services.TryAddTransient<AccessTokenHandler>();

        // The handlers are never rotated by the factory: SocketsHttpHandler's PooledConnectionLifetime already
        // renews connections (DNS changes), and a rotation timer would keep a disposed host alive for its lifetime.
        services.AddHttpClient(AccessTokenProvider.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        var httpClientBuilder = services.AddHttpClient(GenesysCloudClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Outermost: each retry passes the pacing, the attempt timeout and the token handler again.
        httpClientBuilder.AddResilienceHandler("genesyscloud", ConfigureResilience);
        httpClientBuilder
            .AddHttpMessageHandler<RateLimitPacingHandler>()
            .AddHttpMessageHandler<AttemptTimeoutHandler>()
            .AddHttpMessageHandler<AccessTokenHandler>();

        var builder = new GenesysCloudBuilder(services, httpClientBuilder);
        services.AddSingleton(builder);
        return builder;
    }

    private static HttpMessageHandler CreatePrimaryHandler(IServiceProvider services) => services.GetRequiredService<PrimaryHandlers>().Create();

    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<GenesysCloudOptions>>().Value;
        if (options.MaxRetries == 0)
        {
            return;
        }

        var diagnostics = services.GetRequiredService<GenesysCloudDiagnostics>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GenesysCloud.Extensions.Retry");
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Retry.BaseDelay,
            MaxDelay = options.Retry.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args =>
            {
                var request = args.Context.GetRequestMessage();
                var reason = request is null ? null : RetryClassifier.GetRetryReason(request.Method, args.Outcome.Result, args.Outcome.Exception, options.Retry);
                return new ValueTask<bool>(reason is not null);
            },
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                if (request is not null)
                {
                    var reason = RetryClassifier.GetRetryReason(request.Method, args.Outcome.Result, args.Outcome.Exception, options.Retry) ?? "unknown";
                    var call = CallContext.Get(request);
                    diagnostics.Retried(call, reason, args.RetryDelay);
                    Log.Retrying(logger, request.Method.Method, call?.PathTemplate ?? "(raw)", args.AttemptNumber + 2, reason, args.RetryDelay);
                }

                return default;
            },
        };

        foreach (var customize in services.GetRequiredService<IOptions<GenesysCloudRetryCustomization>>().Value.Actions)
        {
            customize(retry);
        }

        pipeline.AddRetry(retry);
    }
}
