using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Hosting;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>
/// Registers the request pipeline. The public entry point is <c>AddGenesysCloud</c> in the
/// <c>GenesysCloud.Extensions</c> package, which adds every API category on top.
/// </summary>
internal static class GenesysCloudCoreRegistration
{
    /// <summary>The name of the login service's <see cref="HttpClient"/>.</summary>
    public const string LoginHttpClientName = "GenesysCloud.OAuth";

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
        services.TryAddSingleton<PrimaryHandlers>();
        services.TryAddSingleton(sp => ClientComposition.Create(sp, Microsoft.Extensions.Options.Options.DefaultName, GenesysCloudClient.HttpClientName, LoginHttpClientName));
        services.TryAddSingleton(sp => sp.GetRequiredService<ClientComposition>().Client);
        services.TryAddSingleton<IGenesysCloudClient>(sp => sp.GetRequiredService<GenesysCloudClient>());
        services.AddHostedService<GenesysCloudHostedService>();

        // The handlers are never rotated by the factory: SocketsHttpHandler's PooledConnectionLifetime already renews
        // connections (DNS changes), and a rotation timer would keep a disposed host alive for its lifetime. The factory's
        // default logging handlers are removed: their structured state carries every request header (the Basic
        // credentials and bearer tokens), whatever their message shows. The library logs what matters itself.
        services.AddHttpClient(LoginHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Pacing and retries happen before the HttpClient (a queued call holds no HTTP message); its handlers attach the
        // token to each attempt. Handlers added through the builder run between the two.
        var httpClientBuilder = services.AddHttpClient(GenesysCloudClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new AccessTokenHandler(
                sp.GetRequiredService<ClientComposition>().Tokens,
                sp.GetRequiredService<IOptions<GenesysCloudOptions>>(),
                sp.GetRequiredService<ILogger<AccessTokenHandler>>()));

        var builder = new GenesysCloudBuilder(services, httpClientBuilder);
        services.AddSingleton(builder);
        return builder;
    }

    private static HttpMessageHandler CreatePrimaryHandler(IServiceProvider services) => services.GetRequiredService<PrimaryHandlers>().Create();
}
