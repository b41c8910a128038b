using GenesysCloud.Extensions.Requests;

namespace GenesysCloud.Extensions;

/// <summary>
/// The Genesys Cloud Platform API client: one request pipeline (backlog, pacing, OAuth, retries, telemetry)
/// shared by every API category interface. Thread-safe; registered as a singleton by <c>AddGenesysCloud</c>.
/// </summary>
public interface IGenesysCloudClient
{
    /// <summary>Gets the client's name: the one it was registered under, or <see cref="string.Empty"/> for the unnamed client.</summary>
    string Name { get; }

    /// <summary>Gets the current lifecycle state.</summary>
    GenesysCloudClientState State { get; }

    /// <summary>Raised after every state transition. Handlers that throw are isolated from the client.</summary>
    event EventHandler<GenesysCloudClientStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the number of calls waiting in the backlog.</summary>
    int BacklogCount { get; }

    /// <summary>Gets the number of calls whose HTTP request is in flight.</summary>
    int InFlightCount { get; }

    /// <summary>
    /// Queues a raw API call (the original client's <c>queueAPICall</c>) and returns its response once it ends.
    /// </summary>
    /// <param name="request">The request: method, path template, parameters, headers and body.</param>
    /// <param name="cancellationToken">Cancels the call; a call cancelled in the backlog consumes no rate budget.</param>
    /// <returns>The successful (2xx) response, with its body buffered.</returns>
    /// <exception cref="Errors.GenesysCloudApiException">Genesys answered a non-2xx status.</exception>
    /// <exception cref="Errors.GenesysCloudClientStateException">The client's state does not allow calls.</exception>
    Task<GenesysCloudResponse> SendAsync(GenesysCloudRequest request, CancellationToken cancellationToken = default);
}
