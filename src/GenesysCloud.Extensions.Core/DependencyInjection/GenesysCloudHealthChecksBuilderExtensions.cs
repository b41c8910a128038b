using GenesysCloud.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Genesys Cloud client's health check.
/// </summary>
public static class GenesysCloudHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check reporting the client state: Idle/Running healthy, Created/Connecting degraded,
    /// Closing/Closed/Failed unhealthy; a 429 suspension and the rate budget are in the data.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Defaults to <c>genesyscloud</c>.</param>
    /// <param name="tags">Tags, for example <c>ready</c> to filter a readiness endpoint.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddGenesysCloud(this IHealthChecksBuilder builder, string name = "genesyscloud", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<GenesysCloudHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}
