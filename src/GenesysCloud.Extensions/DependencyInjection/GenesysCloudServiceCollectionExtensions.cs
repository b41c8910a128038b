using GenesysCloud.Extensions;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Jobs;
using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Genesys Cloud client: options (validated at start-up), the hosted service that owns the
/// client's lifecycle, the typed <see cref="HttpClient"/> pipeline, one interface per API category, and the job helpers
/// (<see cref="IAnalyticsJobRunner"/>).
/// </summary>
public static class GenesysCloudServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Genesys Cloud client, bound from a configuration section (usually <c>GenesysCloud</c>).
    /// Calling it again adds configuration but registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section, for example <c>builder.Configuration.GetSection("GenesysCloud")</c>.</param>
    /// <returns>A builder for further configuration.</returns>
    public static GenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, configuration, configure: null);
    }

    /// <summary>
    /// Adds the Genesys Cloud client, configured by a delegate.
    /// Calling it again adds configuration but registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static GenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, Action<GenesysCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, configuration: null, configure);
    }

    private static GenesysCloudBuilder AddCore(IServiceCollection services, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        var builder = GenesysCloudCoreRegistration.AddGenesysCloudCore(services, configuration, configure);
        GenesysCloudApiRegistration.AddGenesysCloudApis(services);
        GenesysCloudJobsRegistration.AddGenesysCloudJobs(services, configuration);
        return builder;
    }
}
