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

/// <summary>Fleet mode: <c>AddGenesysCloud(...).UseRedis(...)</c> coordinates the client with the other replicas of its fleet.</summary>
public static class GenesysCloudRedisBuilderExtensions
{
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
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, password included: name only the parameter.
            throw new ArgumentException($"The Redis configuration string of Genesys Cloud client '{DisplayName(builder.Name)}' is not valid.", nameof(configuration));
        }

        parsed.AbortOnConnectFail = false;
        parsed.BacklogPolicy = BacklogPolicy.FailFast;
        return Register(builder, _ => RedisConnectionSource.Owned(parsed), configure);
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
        return Register(builder, sp => RedisConnectionSource.Shared(sp.GetRequiredService<IConnectionMultiplexer>()), configure);
    }

    private static GenesysCloudBuilder Register(GenesysCloudBuilder builder, Func<IServiceProvider, RedisConnectionSource> connection, Action<GenesysCloudRedisOptions>? configure)
    {
        var services = builder.Services;
        var name = builder.Name;
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IGenesysCloudCoordinatorFactory) && Equals(d.ServiceKey, name)))
        {
            throw new ArgumentException($"Genesys Cloud client '{DisplayName(name)}' already uses Redis; call UseRedis once per client.", nameof(builder));
        }

        services.AddDataProtection();
        services.AddMetrics();
        services.TryAddSingleton<RedisMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysCloudRedisOptions>, GenesysCloudRedisOptionsValidator>());
        var options = services.AddOptions<GenesysCloudRedisOptions>(name).Configure(o => o.SectionPath ??= RedisKeyNames.DefaultSectionPath(name));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.AddKeyedSingleton<IGenesysCloudCoordinatorFactory>(name, (sp, _) => new RedisCoordinatorFactory(sp, name, connection(sp)));
        return builder;
    }

    private static string DisplayName(string name) => name.Length == 0 ? "default" : name;
}
