using GenesysCloud.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>
/// Configures what the clients added at run time (<see cref="IGenesysCloudClientFactory.AddClientAsync"/>) share: their
/// API <see cref="HttpClient"/> (each attempt carries its own client's token and host) and their retry strategy. Their
/// options start from <c>ConfigureGenesysCloudDefaults</c>, as every client's do.
/// </summary>
public sealed class GenesysCloudRuntimeClientsBuilder
{
    internal GenesysCloudRuntimeClientsBuilder(IServiceCollection services, IHttpClientBuilder httpClientBuilder)
    {
        Services = services;
        HttpClientBuilder = httpClientBuilder;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Gets the service key under which services shared by the clients added at run time are registered (for example the
    /// keyed <see cref="Coordination.IGenesysCloudCoordinatorFactory"/> of <c>UseRedis</c>), as a registered client's
    /// are under its name.
    /// </summary>
    public string ServiceKey => ClientRegistration.RuntimeName;

    /// <summary>
    /// Gets the builder of the API <see cref="HttpClient"/> of the clients added at run time, for handlers or a primary
    /// handler of your own; handlers run between the token handler and the primary handler.
    /// </summary>
    public IHttpClientBuilder HttpClientBuilder { get; }

    /// <summary>Configures the API <see cref="HttpClient"/> of the clients added at run time (for example default headers).</summary>
    /// <param name="configure">The delegate.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudRuntimeClientsBuilder ConfigureHttpClient(Action<HttpClient> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        HttpClientBuilder.ConfigureHttpClient(configure);
        return this;
    }

    /// <summary>
    /// Customizes the retry strategy of every client added at run time after the library set it from its options
    /// (<c>MaxRetries</c>, <c>Retry:*</c>). Keep the <c>ShouldHandle</c> predicate unless you mean to replace the
    /// non-idempotent rule.
    /// </summary>
    /// <param name="configure">The delegate.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudRuntimeClientsBuilder ConfigureRetry(Action<HttpRetryStrategyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<GenesysCloudRetryCustomization>(ClientRegistration.RuntimeName, c => c.Actions.Add(configure));
        return this;
    }
}
