using GenesysCloud.Extensions.Notifications.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the notifications client's health check.</summary>
public static class GenesysCloudNotificationsHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check of the notifications client: healthy when every topic is delivered to a connected channel,
    /// degraded while starting or reconnecting (or when Genesys Cloud rejected topics), unhealthy when stopped. The data
    /// describes each channel.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Defaults to <c>genesyscloud-notifications</c>.</param>
    /// <param name="tags">Tags, for example <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddGenesysCloudNotifications(this IHealthChecksBuilder builder, string name = "genesyscloud-notifications", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<GenesysCloudNotificationsHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}
