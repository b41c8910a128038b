using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Notifications;
using GenesysCloud.Extensions.Notifications.Hosting;
using GenesysCloud.Extensions.Notifications.Options;
using GenesysCloud.Extensions.Notifications.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the notifications client to a Genesys Cloud client.</summary>
public static class GenesysCloudNotificationsBuilderExtensions
{
    /// <summary>
    /// Adds the notifications client: <see cref="IGenesysCloudNotifications"/>, and a hosted service that subscribes the
    /// configured topics once the client has connected, keeps their channels alive and healthy, dispatches events to the
    /// handlers, and removes its subscriptions when the host stops. Calling it again adds configuration but registers
    /// nothing twice.
    /// </summary>
    /// <param name="builder">The builder <c>AddGenesysCloud</c> returned.</param>
    /// <param name="configure">Subscribes topics, registers handlers and sets options.</param>
    /// <returns>The same builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"))
    ///     .AddNotifications(n => n
    ///         .Subscribe&lt;QueueConversationEventTopicConversation&gt;("v2.routing.queues.{id}.conversations", queueId)
    ///         .AddHandler&lt;QueueConversationHandler&gt;());
    /// </code>
    /// </example>
    public static GenesysCloudBuilder AddNotifications(this GenesysCloudBuilder builder, Action<GenesysCloudNotificationsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var registrations = services.FirstOrDefault(static d => d.ServiceType == typeof(NotificationRegistrations))?.ImplementationInstance as NotificationRegistrations;
        if (registrations is null)
        {
            registrations = new NotificationRegistrations();
            services.AddSingleton(registrations);
            services.AddOptions<GenesysCloudNotificationsOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GenesysCloudNotificationsOptions>, NotificationsConfigurationBinder>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenesysCloudNotificationsOptions>, GenesysCloudNotificationsOptionsValidator>());
            services.TryAddSingleton<NotificationsDiagnostics>();
            services.TryAddSingleton<GenesysCloudNotificationsService>();
            services.TryAddSingleton<IGenesysCloudNotifications>(static sp => sp.GetRequiredService<GenesysCloudNotificationsService>());

            // After AddGenesysCloud's hosted service: started once the client connected, stopped before it closes.
            services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<GenesysCloudNotificationsService>());
        }

        configure?.Invoke(new GenesysCloudNotificationsBuilder(services, registrations));
        return builder;
    }
}
