using GenesysCloud.Extensions;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Infrastructure;
using GenesysCloud.Extensions.Jobs;
using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Genesys Cloud clients: options (validated at start-up), the hosted service that owns every client's
/// lifecycle, the <see cref="HttpClient"/> pipeline, and one interface per API category — unkeyed for the unnamed
/// client, keyed by name (<c>[FromKeyedServices("contoso")] IRoutingApi</c>) for a named one — and, for the unnamed
/// client, the job helpers (<see cref="IAnalyticsJobRunner"/>).
/// </summary>
public static class GenesysCloudServiceCollectionExtensions
{
    /// <summary>
    /// Adds the (unnamed) Genesys Cloud client, bound from a configuration section (usually <c>GenesysCloud</c>).
    /// Calling it again adds configuration but registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section, for example <c>builder.Configuration.GetSection("GenesysCloud")</c>.</param>
    /// <returns>A builder for further configuration.</returns>
    public static GenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, string.Empty, configuration, configure: null);
    }

    /// <summary>
    /// Adds the (unnamed) Genesys Cloud client, configured by a delegate.
    /// Calling it again adds configuration but registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static GenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, Action<GenesysCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, string.Empty, configuration: null, configure);
    }

    /// <summary>
    /// Adds a named Genesys Cloud client — one organization or OAuth client with its own options, token, rate budget,
    /// <see cref="HttpClient"/>, health check entry and lifecycle — bound from a configuration section (for example
    /// <c>GenesysCloud:Orgs:Contoso</c>) over the defaults of <see cref="ConfigureGenesysCloudDefaults(IServiceCollection, IConfiguration)"/>.
    /// Its API interfaces are keyed services: <c>[FromKeyedServices("contoso")] IRoutingApi routing</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: 1 to 64 ASCII letters, digits, '-', '_' or '.'; unique.</param>
    /// <param name="configuration">The client's configuration section.</param>
    /// <returns>A builder for further configuration of that client.</returns>
    /// <exception cref="GenesysCloud.Extensions.Errors.GenesysCloudArgumentException">The name is invalid or registered already.</exception>
    public static GenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, RequireName(name), configuration, configure: null);
    }

    /// <summary>
    /// Adds a named Genesys Cloud client configured by a delegate (over the defaults of
    /// <see cref="ConfigureGenesysCloudDefaults(IServiceCollection, Action{GenesysCloudOptions})"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: 1 to 64 ASCII letters, digits, '-', '_' or '.'; unique.</param>
    /// <param name="configure">Sets the client's options.</param>
    /// <returns>A builder for further configuration of that client.</returns>
    /// <exception cref="GenesysCloud.Extensions.Errors.GenesysCloudArgumentException">The name is invalid or registered already.</exception>
    public static GenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, string name, Action<GenesysCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, RequireName(name), configuration: null, configure);
    }

    /// <summary>
    /// Binds options every client starts from — the unnamed one, named ones and those added at run time — for example
    /// <c>RateLimiting</c> and <c>Retry</c> shared by every organization; each client's own values override them.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section of shared values.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection ConfigureGenesysCloudDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        GenesysCloudCoreServices.AddDefaults(services, configuration, configure: null);
        return services;
    }

    /// <summary>Sets options every client starts from; each client's own values override them.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the shared values.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection ConfigureGenesysCloudDefaults(this IServiceCollection services, Action<GenesysCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        GenesysCloudCoreServices.AddDefaults(services, configuration: null, configure);
        return services;
    }

    private static string RequireName(string name)
    {
        GenesysCloudCoreServices.ValidateClientName(name, nameof(name));
        return name;
    }

    private static GenesysCloudBuilder AddCore(IServiceCollection services, string name, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = GenesysCloudCoreServices.AddClient(services, name, configuration, configure);
        GenesysCloudApiRegistration.AddGenesysCloudApis(services, name);
        if (name.Length == 0)
        {
            GenesysCloudJobsRegistration.AddGenesysCloudJobs(services, configuration);
        }

        return builder;
    }
}
