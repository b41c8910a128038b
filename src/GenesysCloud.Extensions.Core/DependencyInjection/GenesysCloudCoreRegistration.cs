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
/// Registers the request pipeline of one client — the unnamed one (<see cref="string.Empty"/>) or a named one — and,
/// once, what the clients share (metrics, the registry and factory, the hosted service). The public entry points are the
/// <c>AddGenesysCloud</c> overloads in the <c>GenesysCloud.Extensions</c> package, which add every API category on top.
/// </summary>
internal static class GenesysCloudCoreRegistration
{
    /// <summary>The name of the unnamed client's login <see cref="HttpClient"/>.</summary>
    public const string LoginHttpClientName = "GenesysCloud.OAuth";

    public static GenesysCloudBuilder AddGenesysCloudCore(IServiceCollection services, string name, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        GenesysCloudClientNames.Validate(name, nameof(name));
        var existing = FindBuilder(services, name);
        if (existing is not null && name.Length > 0)
        {
            // A named client is one organization: a second registration under its name is a mistake, not more configuration.
            throw GenesysCloudClientRegistry.Duplicate(name);
        }

        AddShared(services);
        AddConfiguration(services.AddOptions<GenesysCloudOptions>(name), configuration, configure);
        if (existing is not null)
        {
            // The unnamed client called again: add the configuration, register nothing twice.
            return existing;
        }

        var registration = new ClientRegistration(name, GenesysCloudClientNames.ApiHttpClient(name), GenesysCloudClientNames.LoginHttpClient(name), name);
        services.AddSingleton(registration);
        services.AddOptions<GenesysCloudOptions>(name).ValidateOnStart();
        services.AddKeyedSingleton(name, (sp, _) => ClientComposition.Create(sp, registration, sp.GetRequiredService<IOptionsMonitor<GenesysCloudOptions>>().Get(name)));
        services.AddKeyedSingleton(name, (sp, _) => sp.GetRequiredKeyedService<ClientComposition>(name).Client);
        services.AddKeyedSingleton<IGenesysCloudClient>(name, (sp, _) => sp.GetRequiredKeyedService<GenesysCloudClient>(name));
        if (name.Length == 0)
        {
            services.AddSingleton(sp => sp.GetRequiredKeyedService<ClientComposition>(name));
            services.AddSingleton(sp => sp.GetRequiredKeyedService<GenesysCloudClient>(name));
            services.AddSingleton<IGenesysCloudClient>(sp => sp.GetRequiredKeyedService<GenesysCloudClient>(name));
        }

        AddHttpClient(services, registration.LoginHttpClientName);
        var builder = new GenesysCloudBuilder(services, name, AddHttpClient(services, registration.ApiHttpClientName).AddHttpMessageHandler(CreateTokenHandler));
        services.AddSingleton(builder);
        return builder;
    }

    /// <summary>Adds options every client starts from (registered and run-time ones); each client's own values override them.</summary>
    public static void AddDefaults(IServiceCollection services, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var defaults = GetDefaults(services);
        if (configuration is not null)
        {
            defaults.Add(options => GenesysCloudOptionsBinder.Bind(configuration, options));
        }

        if (configure is not null)
        {
            defaults.Add(configure);
        }
    }

    private static void AddConfiguration(OptionsBuilder<GenesysCloudOptions> options, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        if (configuration is not null)
        {
            options.Configure(o => GenesysCloudOptionsBinder.Bind(configuration, o));
        }
        else if (options.Name.Length > 0)
        {
            // Set by code: messages name the client, as a section path would.
            options.Configure(o => o.SectionPath = GenesysCloudClientNames.CodePath(options.Name));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }
    }

    /// <summary>Returns the builder of what the clients added at run time share, registering the shared services first.</summary>
    public static GenesysCloudRuntimeClientsBuilder RuntimeClients(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddShared(services);
        return (GenesysCloudRuntimeClientsBuilder)services.First(d => d.ServiceType == typeof(GenesysCloudRuntimeClientsBuilder)).ImplementationInstance!;
    }

    private static void AddShared(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(GenesysCloudClientRegistry)))
        {
            return;
        }

        // The defaults apply before anything a client configures itself, whatever order the calls came in.
        var defaults = GetDefaults(services);
        services.AddSingleton<IConfigureOptions<GenesysCloudOptions>>(new ConfigureNamedOptions<GenesysCloudOptions>(name: null, defaults.Apply));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysCloudOptions>, GenesysCloudOptionsValidator>());
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GenesysCloudClientEvents(sp.GetRequiredService<ILogger<GenesysCloudClientEvents>>()));
        services.TryAddSingleton<GenesysCloudMetrics>();
        services.TryAddSingleton<PrimaryHandlers>();
        services.TryAddSingleton<GenesysCloudClientRegistry>();
        services.TryAddSingleton<IGenesysCloudClientFactory, GenesysCloudClientFactory>();
        services.AddHostedService<GenesysCloudHostedService>();
        AddHttpClient(services, ClientRegistration.RuntimeLoginHttpClientName);
        services.AddSingleton(new GenesysCloudRuntimeClientsBuilder(services, AddHttpClient(services, ClientRegistration.RuntimeName).AddHttpMessageHandler(CreateTokenHandler)));
    }

    private static GenesysCloudDefaults GetDefaults(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(GenesysCloudDefaults))?.ImplementationInstance is GenesysCloudDefaults defaults)
        {
            return defaults;
        }

        defaults = new GenesysCloudDefaults();
        services.AddSingleton(defaults);
        return defaults;
    }

    private static GenesysCloudBuilder? FindBuilder(IServiceCollection services, string name) => services
        .Select(d => d.ServiceType == typeof(GenesysCloudBuilder) && !d.IsKeyedService ? d.ImplementationInstance as GenesysCloudBuilder : null)
        .FirstOrDefault(b => b is not null && string.Equals(b.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The handlers are never rotated by the factory: SocketsHttpHandler's PooledConnectionLifetime already renews
    /// connections (DNS changes), and a rotation timer would keep a disposed host alive for its lifetime. The factory's
    /// default logging handlers are removed: their structured state carries every request header (the Basic credentials
    /// and bearer tokens), whatever their message shows. The library logs what matters itself. Pacing and retries happen
    /// before the HttpClient (a queued call holds no HTTP message); handlers added through the builder run between the
    /// token handler and the primary handler.
    /// </summary>
    private static IHttpClientBuilder AddHttpClient(IServiceCollection services, string httpClientName) => services
        .AddHttpClient(httpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
        .RemoveAllLoggers()
        .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PrimaryHandlers>().Create())
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    private static AccessTokenHandler CreateTokenHandler(IServiceProvider services) => new(services.GetRequiredService<ILogger<AccessTokenHandler>>());
}
