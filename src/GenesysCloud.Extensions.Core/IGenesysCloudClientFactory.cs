using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions;

/// <summary>
/// The clients of the container by name — those registered with <c>AddGenesysCloud(name, …)</c> and those added at run
/// time — for code that picks the organization at run time (from a route value, a tenant id). The unnamed client is
/// <see cref="string.Empty"/>. Every client has its own options, token(s), rate budget and lifecycle; the host starts and
/// stops them all, and a client added at run time is connected when added and drained (its token deleted) on host stop.
/// </summary>
public interface IGenesysCloudClientFactory
{
    /// <summary>Gets the names of the clients, registered and added at run time.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Gets the client named <paramref name="name"/>.</summary>
    /// <param name="name">The client's name.</param>
    /// <returns>The client.</returns>
    /// <exception cref="Errors.GenesysCloudArgumentException">No client has that name (<see cref="Errors.GenesysCloudErrorCodes.ClientNameUnknown"/>).</exception>
    IGenesysCloudClient GetClient(string name);

    /// <summary>Gets an API category interface (for example <c>IRoutingApi</c>) of the client named <paramref name="name"/>.</summary>
    /// <typeparam name="TApi">The category interface.</typeparam>
    /// <param name="name">The client's name.</param>
    /// <returns>The interface, sending through that client.</returns>
    /// <exception cref="Errors.GenesysCloudArgumentException">No client has that name, or <typeparamref name="TApi"/> is not an API category interface.</exception>
    TApi GetApi<TApi>(string name)
        where TApi : class;

    /// <summary>
    /// Adds a client at run time (a tenant onboarded without a restart) and connects it when the host is running.
    /// Defaults registered with <c>ConfigureGenesysCloudDefaults</c> apply first.
    /// </summary>
    /// <param name="name">The new client's name.</param>
    /// <param name="configure">Sets its options; they are validated like configured ones.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="Errors.GenesysCloudArgumentException">The name is invalid or taken.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message names the client.</exception>
    Task<IGenesysCloudClient> AddClientAsync(string name, Action<GenesysCloudOptions> configure, CancellationToken cancellationToken = default);

    /// <summary>Closes a client added at run time (drains its calls, deletes its token) and forgets it.</summary>
    /// <param name="name">The client's name.</param>
    /// <param name="cancellationToken">Bounds the drain; when it fires, what remains ends with <c>GC_PLATFORM_API_CLIENT_CLOSING</c>.</param>
    /// <returns>A task that completes when the client is closed.</returns>
    Task RemoveClientAsync(string name, CancellationToken cancellationToken = default);
}
