using System.Text.Json;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Notifications.Options;
using GenesysCloud.Extensions.Notifications.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// Configures the notifications client (given to the delegate of <c>AddNotifications</c>): the topics subscribed at
/// start-up, the handlers their events go to, and the options.
/// </summary>
public sealed class GenesysCloudNotificationsBuilder
{
    private readonly NotificationRegistrations _registrations;

    internal GenesysCloudNotificationsBuilder(IServiceCollection services, NotificationRegistrations registrations)
    {
        Services = services;
        _registrations = registrations;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Subscribes a topic from start-up; its events go to the registered <see cref="INotificationHandler{TEvent}"/>s of its
    /// event type (and of <see cref="JsonElement"/>). Checked now: the ids must fill the pattern without changing its shape,
    /// and <typeparamref name="TEvent"/> must be the pattern's event type or <see cref="JsonElement"/>. A pattern this version
    /// does not know needs <c>AllowUnknownTopics</c> (checked when the host starts).
    /// </summary>
    /// <typeparam name="TEvent">The topic's event type, for example <c>QueueConversationEventTopicConversation</c>.</typeparam>
    /// <param name="topicPattern">A pattern such as <c>v2.routing.queues.{id}.conversations</c>, or a topic without <c>{id}</c>.</param>
    /// <param name="ids">One id per <c>{id}</c> segment, in order.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="GenesysCloudArgumentException">The topic, the ids or the event type do not fit (codes in <see cref="GenesysCloudNotificationErrorCodes"/>).</exception>
    public GenesysCloudNotificationsBuilder Subscribe<TEvent>(string topicPattern, params string[] ids)
    {
        var topic = NotificationTopicCatalog.Resolve(topicPattern, ids, allowUnknown: true, nameof(topicPattern));
        if (topic.Pattern is null && typeof(TEvent) != typeof(JsonElement))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudNotificationErrorCodes.TopicUnknown,
                $"'{topic.Topic}' matches none of the notification topics of this API version, so its events can only be received as JsonElement (and with AllowUnknownTopics).",
                nameof(topicPattern));
        }

        NotificationTopicCatalog.ValidateEventType(topic, typeof(TEvent), nameof(TEvent));
        _registrations.Topics.Add(topic);
        return this;
    }

    /// <summary>
    /// Subscribes one topic per id from start-up: <c>Subscribe&lt;T&gt;("v2.users.{id}.presence", userIds)</c> for a pattern
    /// with one <c>{id}</c> segment (see <see cref="Subscribe{TEvent}(string, string[])"/> for the rules).
    /// </summary>
    /// <typeparam name="TEvent">The topics' event type.</typeparam>
    /// <param name="topicPattern">A pattern with one <c>{id}</c> segment.</param>
    /// <param name="ids">The ids, one topic each.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudNotificationsBuilder SubscribeEach<TEvent>(string topicPattern, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            Subscribe<TEvent>(topicPattern, id);
        }

        return this;
    }

    /// <summary>
    /// Registers a handler: every <see cref="INotificationHandler{TEvent}"/> it implements gets its own background
    /// dispatcher and bounded buffer. It is resolved from a new scope for each event.
    /// </summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="lifetime">Its lifetime in the container. Defaults to <see cref="ServiceLifetime.Scoped"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="THandler"/> implements no <see cref="INotificationHandler{TEvent}"/>.</exception>
    public GenesysCloudNotificationsBuilder AddHandler<THandler>(ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where THandler : class
    {
        var eventTypes = typeof(THandler).GetInterfaces()
            .Where(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
            .Select(static i => i.GetGenericArguments()[0])
            .ToList();
        if (eventTypes.Count == 0)
        {
            throw new ArgumentException($"{typeof(THandler).FullName} implements no INotificationHandler<TEvent>.", nameof(THandler));
        }

        Services.TryAdd(ServiceDescriptor.Describe(typeof(THandler), typeof(THandler), lifetime));
        foreach (var eventType in eventTypes)
        {
            var registration = new HandlerRegistration(typeof(THandler), eventType);
            if (!_registrations.Handlers.Contains(registration))
            {
                _registrations.Handlers.Add(registration);
            }
        }

        return this;
    }

    /// <summary>Configures the options (runs after configuration binding).</summary>
    /// <param name="configure">The delegate.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudNotificationsBuilder Configure(Action<GenesysCloudNotificationsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Binds the options from a configuration section, usually <c>GenesysCloud:Notifications</c>.</summary>
    /// <param name="configuration">The section.</param>
    /// <returns>This builder.</returns>
    public GenesysCloudNotificationsBuilder Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Services.AddOptions<GenesysCloudNotificationsOptions>().Bind(configuration);
        return this;
    }
}
