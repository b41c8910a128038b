namespace GenesysCloud.Extensions.Notifications;

/// <summary>
/// The notifications client at run time: subscribe topics as a stream, add or remove topics for the registered
/// <see cref="INotificationHandler{TEvent}"/>s, and read the channels' status. Thread-safe; registered as a singleton by
/// <c>AddNotifications</c>. Topics are validated before anything is sent; the channels they go to are created, renewed
/// and healed by the hosted service, through the client's paced pipeline.
/// </summary>
public interface IGenesysCloudNotifications
{
    /// <summary>
    /// Subscribes one topic and returns once Genesys Cloud delivers its events to a connected channel; enumerate the
    /// subscription to read them, dispose it to unsubscribe.
    /// </summary>
    /// <typeparam name="TEvent">The topic's event type (see <see cref="GenesysCloudNotificationTopics.GetEventType"/>) or <see cref="System.Text.Json.JsonElement"/>.</typeparam>
    /// <param name="topic">A topic such as <c>v2.users.8b67….presence</c> (<see cref="GenesysCloudNotificationTopics.Format"/> builds one).</param>
    /// <param name="cancellationToken">Cancels waiting for the subscription; the topic is then not subscribed.</param>
    /// <returns>The active subscription.</returns>
    /// <exception cref="Errors.GenesysCloudArgumentException">The topic is invalid or unknown, <typeparamref name="TEvent"/> is not its event type, or it does not fit in the channels (codes in <see cref="GenesysCloudNotificationErrorCodes"/>); nothing was sent.</exception>
    /// <exception cref="GenesysCloudNotificationException">Genesys Cloud rejected the topic, or the client is stopping.</exception>
    Task<GenesysCloudNotificationSubscription<TEvent>> SubscribeAsync<TEvent>(string topic, CancellationToken cancellationToken = default);

    /// <summary>Subscribes several topics of one event type as one stream (see <see cref="SubscribeAsync{TEvent}(string, CancellationToken)"/>).</summary>
    /// <typeparam name="TEvent">The topics' event type, or <see cref="System.Text.Json.JsonElement"/>.</typeparam>
    /// <param name="topics">The topics.</param>
    /// <param name="cancellationToken">Cancels waiting for the subscription; the topics are then not subscribed.</param>
    /// <returns>The active subscription.</returns>
    Task<GenesysCloudNotificationSubscription<TEvent>> SubscribeAsync<TEvent>(IEnumerable<string> topics, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds topics whose events go to the registered <see cref="INotificationHandler{TEvent}"/>s of their event type, and
    /// returns once they are delivered to a connected channel.
    /// </summary>
    /// <param name="topics">The topics.</param>
    /// <param name="cancellationToken">Cancels waiting; the topics are then not added.</param>
    /// <returns>A task that completes when the topics are active.</returns>
    Task AddTopicsAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default);

    /// <summary>Removes topics added for handlers (at start-up or with <see cref="AddTopicsAsync"/>); a topic a subscription still streams stays subscribed for it.</summary>
    /// <param name="topics">The topics.</param>
    /// <param name="cancellationToken">Cancels waiting for Genesys Cloud to confirm.</param>
    /// <returns>A task that completes when the channels no longer carry the topics.</returns>
    Task RemoveTopicsAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default);

    /// <summary>Waits until every subscribed topic is delivered to a connected channel (at once when it already is).</summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the client is active.</returns>
    Task WaitUntilActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the state of the client and of each of its channels.</summary>
    /// <returns>A snapshot.</returns>
    GenesysCloudNotificationsStatus GetStatus();
}
