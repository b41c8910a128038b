using GenesysCloud.Extensions.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Genesys Cloud clients' health checks.
/// </summary>
public static class GenesysCloudHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check per client reporting its state: Idle/Running healthy, Created/Connecting degraded,
    /// Closing/Closed/Failed unhealthy; a 429 suspension and the rate budget are in the data. The unnamed client's entry
    /// is <paramref name="name"/>, a named client's <c>{name}:{client}</c> (for example <c>genesyscloud:contoso</c>).
    /// Clients added at run time have an entry of their own: <see cref="AddGenesysCloudRuntimeClients"/>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name, and the prefix of the named clients' entries. Defaults to <c>genesyscloud</c>.</param>
    /// <param name="tags">Tags, for example <c>ready</c> to filter a readiness endpoint.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddGenesysCloud(this IHealthChecksBuilder builder, string name = "genesyscloud", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        var tagList = tags?.ToList() ?? [];

        // The clients are known once every AddGenesysCloud call has run, whatever the order: add their entries then.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IEnumerable<ClientRegistration>>((options, clients) =>
        {
            foreach (var client in clients)
            {
                var entry = client.Name.Length == 0 ? name : $"{name}:{client.Name}";
                options.Registrations.Add(new HealthCheckRegistration(
                    entry, sp => new GenesysCloudHealthCheck(sp.GetRequiredService<GenesysCloudClientRegistry>(), client.Name), HealthStatus.Unhealthy, tagList));
            }
        });
        return builder;
    }

    /// <summary>
    /// Adds one health check for the clients added at run time (<c>IGenesysCloudClientFactory.AddClientAsync</c>): the
    /// worst of their states, each client's state in the data; healthy when there are none.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Defaults to <c>genesyscloud:runtime</c>.</param>
    /// <param name="tags">Tags, for example <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddGenesysCloudRuntimeClients(this IHealthChecksBuilder builder, string name = "genesyscloud:runtime", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        return builder.Add(new HealthCheckRegistration(
            name, sp => new GenesysCloudHealthCheck(sp.GetRequiredService<GenesysCloudClientRegistry>(), name: null), HealthStatus.Unhealthy, tags));
    }
}
