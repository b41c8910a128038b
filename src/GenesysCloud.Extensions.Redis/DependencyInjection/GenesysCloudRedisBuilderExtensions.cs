using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Redis;
using GenesysCloud.Extensions.Redis.Coordination;
using GenesysCloud.Extensions.Redis.Options;
using GenesysCloud.Extensions.Redis.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>
/// Fleet mode: <c>AddGenesysCloud(...).UseRedis(...)</c> coordinates the client with the other replicas of its fleet;
/// <c>ConfigureGenesysCloudRuntimeClients(r =&gt; r.UseRedis(...))</c> does the same for every client added at run time.
/// </summary>
public static class GenesysCloudRedisBuilderExtensions
{
    private const string RuntimeClientsOwner = "The set of Genesys Cloud clients added at run time";

    // What validation messages name for options set in code for the runtime clients (there is no section).
    private const string RuntimeSectionPath = "ConfigureGenesysCloudRuntimeClients(UseRedis)";

    /// <summary>
    /// Coordinates the client with the other replicas of its fleet through the Redis server(s) of
    /// <paramref name="configuration"/>: one token per slot, one budget per token, shared suspensions, leases for shutdown.
    /// The connection is opened on first use and reconnects by itself; while Redis is unavailable the client runs locally.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string (for example <c>localhost:6379</c>).</param>
    /// <param name="configure">Configures the fleet options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is empty or not a valid configuration string, or the client already uses Redis.</exception>
    public static GenesysCloudBuilder UseRedis(this GenesysCloudBuilder builder, string configuration, Action<GenesysCloudRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parsed = Parse(configuration, Owner(builder));
        Register(builder.Services, builder.Name, Owner(builder), RedisKeyNames.DefaultSectionPath(builder.Name), _ => RedisConnectionSource.Owned(parsed), configure);
        return builder;
    }

    /// <summary>
    /// Coordinates the client with the other replicas of its fleet through the application's
    /// <see cref="IConnectionMultiplexer"/> (resolved from the container; not disposed by the library).
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Configures the fleet options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The client already uses Redis.</exception>
    public static GenesysCloudBuilder UseRedis(this GenesysCloudBuilder builder, Action<GenesysCloudRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services, builder.Name, Owner(builder), RedisKeyNames.DefaultSectionPath(builder.Name), SharedConnection, configure);
        return builder;
    }

    /// <summary>
    /// Coordinates every client added at run time (<see cref="IGenesysCloudClientFactory.AddClientAsync"/>) with the
    /// clients of the same OAuth client and host in the other replicas, through the Redis server(s) of
    /// <paramref name="configuration"/>: as <c>UseRedis</c> on a registered client, over one connection they share. Each
    /// client's keys are its own (under its API host and client id), so replicas that add the same tenant share its
    /// tokens, budgets and suspensions, and different tenants never meet.
    /// </summary>
    /// <param name="builder">The runtime clients' builder.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string (for example <c>localhost:6379</c>).</param>
    /// <param name="configure">Configures the fleet options, shared by the clients added at run time.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is empty or not a valid configuration string, or the runtime clients already use Redis.</exception>
    public static GenesysCloudRuntimeClientsBuilder UseRedis(this GenesysCloudRuntimeClientsBuilder builder, string configuration, Action<GenesysCloudRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parsed = Parse(configuration, RuntimeClientsOwner);
        Register(builder.Services, builder.ServiceKey, RuntimeClientsOwner, RuntimeSectionPath, _ => RedisConnectionSource.Owned(parsed), configure);
        return builder;
    }

    /// <summary>
    /// Coordinates every client added at run time with the other replicas through the application's
    /// <see cref="IConnectionMultiplexer"/> (resolved from the container; not disposed by the library).
    /// </summary>
    /// <param name="builder">The runtime clients' builder.</param>
    /// <param name="configure">Configures the fleet options, shared by the clients added at run time.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The runtime clients already use Redis.</exception>
    public static GenesysCloudRuntimeClientsBuilder UseRedis(this GenesysCloudRuntimeClientsBuilder builder, Action<GenesysCloudRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services, builder.ServiceKey, RuntimeClientsOwner, RuntimeSectionPath, SharedConnection, configure);
        return builder;
    }

    private static RedisConnectionSource SharedConnection(IServiceProvider services) =>
        RedisConnectionSource.Shared(services.GetRequiredService<IConnectionMultiplexer>());

    private static ConfigurationOptions Parse(string configuration, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, password included: name only the parameter.
            throw new ArgumentException($"{owner}: the Redis configuration string is not valid.", nameof(configuration));
        }

        parsed.AbortOnConnectFail = false;
        parsed.BacklogPolicy = BacklogPolicy.FailFast;
        return parsed;
    }

    private static void Register(
        IServiceCollection services,
        string key,
        string owner,
        string sectionPath,
        Func<IServiceProvider, RedisConnectionSource> connection,
        Action<GenesysCloudRedisOptions>? configure)
    {
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IGenesysCloudCoordinatorFactory) && Equals(d.ServiceKey, key)))
        {
            throw new ArgumentException($"{owner} already uses Redis; call UseRedis once.", "builder");
        }

        services.AddDataProtection();
        services.AddMetrics();
        services.TryAddSingleton<RedisMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysCloudRedisOptions>, GenesysCloudRedisOptionsValidator>());
        var options = services.AddOptions<GenesysCloudRedisOptions>(key).Configure(o => o.SectionPath ??= sectionPath);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.AddKeyedSingleton<IGenesysCloudCoordinatorFactory>(key, (sp, _) => new RedisCoordinatorFactory(sp, key, connection(sp)));
    }

    private static string Owner(GenesysCloudBuilder builder) => $"Genesys Cloud client '{(builder.Name.Length == 0 ? "default" : builder.Name)}'";
}
