using GenesysCloud.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures the clients added at run time through <see cref="GenesysCloud.Extensions.IGenesysCloudClientFactory"/>.</summary>
public static class GenesysCloudRuntimeClientsServiceCollectionExtensions
{
    /// <summary>
    /// Configures the <see cref="HttpClient"/> and the retry strategy the clients added at run time share (registered
    /// clients are configured by the builder <c>AddGenesysCloud</c> returns). May be called before or after <c>AddGenesysCloud</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures them.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection ConfigureGenesysCloudRuntimeClients(this IServiceCollection services, Action<GenesysCloudRuntimeClientsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        configure(GenesysCloudCoreRegistration.RuntimeClients(services));
        return services;
    }
}
