using System.ComponentModel;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Infrastructure;

/// <summary>
/// The registration entry points of the core pipeline, for the <c>GenesysCloud.Extensions</c> package, which adds the API
/// categories on top of them. Applications call <c>services.AddGenesysCloud(...)</c> instead.
/// </summary>
/// <remarks>
/// Public (rather than shared through <c>InternalsVisibleTo</c>) so that the two packages need not ship in lock-step:
/// this is the whole of what the generated package needs from Core beyond its public API, and it is kept that small.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenesysCloudCoreServices
{
    /// <summary>Registers the request pipeline of one client, and once what the clients share (registry, factory, hosted service, metrics).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name; <see cref="string.Empty"/> for the unnamed client. Validate it with <see cref="ValidateClientName"/> first.</param>
    /// <param name="configuration">The client's configuration section, if bound from configuration.</param>
    /// <param name="configure">Sets the client's options, if configured by a delegate.</param>
    /// <returns>The builder of that client.</returns>
    public static GenesysCloudBuilder AddClient(IServiceCollection services, string name, IConfiguration? configuration, Action<GenesysCloudOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        return GenesysCloudCoreRegistration.AddGenesysCloudCore(services, name, configuration, configure);
    }

    /// <summary>Adds options every client starts from; each client's own values override them.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section of shared values, or <see langword="null"/>.</param>
    /// <param name="configure">Sets the shared values, or <see langword="null"/>.</param>
    public static void AddDefaults(IServiceCollection services, IConfiguration? configuration, Action<GenesysCloudOptions>? configure) =>
        GenesysCloudCoreRegistration.AddDefaults(services, configuration, configure);

    /// <summary>Checks the name of a named client: 1 to 64 ASCII letters, digits, '-', '_' or '.'.</summary>
    /// <param name="name">The name.</param>
    /// <param name="parameterName">The parameter reported in the exception.</param>
    /// <exception cref="Errors.GenesysCloudArgumentException">The name is invalid.</exception>
    public static void ValidateClientName(string name, string parameterName) =>
        GenesysCloudClientNames.ValidateNamed(name, parameterName);
}
