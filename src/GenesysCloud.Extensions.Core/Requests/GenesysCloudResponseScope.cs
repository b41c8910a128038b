namespace GenesysCloud.Extensions.Requests;

/// <summary>
/// Captures the response of the API calls made inside it, so code that calls a typed category method
/// (which returns only the model) can still read the status and headers of the successful response.
/// </summary>
/// <example>
/// <code>
/// using var scope = GenesysCloudResponseScope.Begin();
/// var queue = await routingApi.GetRoutingQueueAsync(queueId, cancellationToken);
/// var correlationId = scope.LastResponse?.CorrelationId;
/// </code>
/// </example>
/// <remarks>
/// The scope flows with the async context (like <see cref="System.Diagnostics.Activity.Current"/>), so it sees
/// calls awaited inside it, including those of paging helpers, and not calls made by other requests.
/// </remarks>
public sealed class GenesysCloudResponseScope : IDisposable
{
    private static readonly AsyncLocal<GenesysCloudResponseScope?> CurrentScope = new();
    private readonly GenesysCloudResponseScope? _parent;
    private GenesysCloudResponse? _lastResponse;

    private readonly bool _transparent;

    private GenesysCloudResponseScope(GenesysCloudResponseScope? parent, bool transparent = false)
    {
        _parent = parent;
        _transparent = transparent;
    }

    /// <summary>Gets the successful response of the last call that completed inside this scope.</summary>
    public GenesysCloudResponse? LastResponse => Volatile.Read(ref _lastResponse);

    internal static GenesysCloudResponseScope? Current => CurrentScope.Value;

    /// <summary>Starts capturing responses in the current async context.</summary>
    /// <returns>The scope; dispose it to stop capturing.</returns>
    public static GenesysCloudResponseScope Begin()
    {
        var scope = new GenesysCloudResponseScope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>
    /// Starts a scope for the library's own use (the paging helpers read each page's <see cref="GenesysCloudResponse.RequestUri"/>)
    /// that also hands every response on to the scope it is nested in, so the caller's scope sees the calls as before.
    /// </summary>
    /// <returns>The scope; dispose it to stop capturing.</returns>
    internal static GenesysCloudResponseScope BeginTransparent()
    {
        var scope = new GenesysCloudResponseScope(CurrentScope.Value, transparent: true);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = _parent;
        }
    }

    internal void Record(GenesysCloudResponse response)
    {
        Volatile.Write(ref _lastResponse, response);
        if (_transparent)
        {
            _parent?.Record(response);
        }
    }
}
