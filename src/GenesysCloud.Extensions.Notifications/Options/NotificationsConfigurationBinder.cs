using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Notifications.Options;

/// <summary>
/// Binds <c>GenesysCloud:Notifications</c> from the application's configuration, when the container has one (a host
/// always does); runs before the builder's <c>Bind</c> and <c>Configure</c>, which therefore win.
/// </summary>
internal sealed class NotificationsConfigurationBinder(IServiceProvider services) : IConfigureOptions<GenesysCloudNotificationsOptions>
{
    public void Configure(GenesysCloudNotificationsOptions options)
    {
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            configuration.GetSection(GenesysCloudNotificationsOptions.SectionName).Bind(options);
        }
    }
}
