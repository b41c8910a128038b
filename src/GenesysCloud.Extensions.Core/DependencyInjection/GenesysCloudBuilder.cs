using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>
/// Returned by <c>AddGenesysCloud</c> to configure that client further (named or not): options, the typed
/// <see cref="HttpClient"/>, and the retry strategy.
/// </summary>
public sealed class GenesysCloudBuilder
{
    internal GenesysCloudBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClientBuilder)
    {
        Services = services;
        Name = name;
        HttpClientBuilder = httpClientBuilder;
    }

    /// <summary>Gets the client's name (<see cref="string.Empty"/> for the unnamed client).</summary>
    public string Name { get; }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the builder of the API <see cref="HttpClient"/>, for handlers or a primary handler of your own.</summary>
    public IHttpClientBuilder HttpClientBuilder { get; }

    /// <summary>Configures the options further (runs after configuration binding).</summary>
    /// <param name="configure">The delegate.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudBuilder Configure(Action<GenesysCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>Configures the API <see cref="HttpClient"/> (for example default headers).</summary>
    /// <param name="configure">The delegate.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudBuilder ConfigureHttpClient(Action<HttpClient> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        HttpClientBuilder.ConfigureHttpClient(configure);
        return this;
    }

    /// <summary>
    /// Customizes the retry strategy of the resilience pipeline after the library set it from the options
    /// (<c>MaxRetries</c>, <c>Retry:*</c>). Keep the <c>ShouldHandle</c> predicate unless you mean to replace the
    /// non-idempotent rule.
    /// </summary>
    /// <param name="configure">The delegate.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudBuilder ConfigureRetry(Action<HttpRetryStrategyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<GenesysCloudRetryCustomization>(Name, c => c.Actions.Add(configure));
        return this;
    }
}
