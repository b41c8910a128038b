namespace GenesysCloud.Extensions.Simulator;

/// <summary>One request the simulator received and how it answered.</summary>
public sealed class RecordedRequest
{
    /// <summary>Gets when the request arrived, on the simulator's clock.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request target exactly as it was received (path and query, still encoded).</summary>
    public required string RawTarget { get; init; }

    /// <summary>Gets the decoded path.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the request headers; <c>Authorization</c> is redacted to its scheme.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the request body as text; empty when there was none.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the <c>inin-correlation-id</c> the simulator answered with.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>Gets the operation the request matched (a Genesys operationId such as <c>getRoutingQueue</c>, or <c>postOAuthToken</c>); <see langword="null"/> when none.</summary>
    public string? Operation { get; init; }

    /// <summary>Gets the route template the request matched; <see langword="null"/> when none.</summary>
    public string? Route { get; init; }

    /// <summary>Gets the status code the simulator answered with: the declared one for a truncated body, 0 when nothing was answered (a reset connection, or a client that gave up).</summary>
    public int StatusCode { get; init; }

    /// <summary>Gets the fault applied to the request, if any.</summary>
    public string? Fault { get; init; }

    /// <summary>
    /// Gets the name of the organization the request was attributed to: the only one on its host, or the one its access token
    /// or client id belongs to; <see langword="null"/> when nothing named one.
    /// </summary>
    public string? Organization { get; init; }

    /// <summary>Gets the <see cref="SimulatorToken.Id"/> of the access token the request carried, when it belongs to an organization of the host it was sent to.</summary>
    public string? TokenId { get; init; }
}
