namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// Runs the calls of the current async flow as an identity: every call started inside the scope — typed category
/// methods, paging helpers, raw <c>SendAsync</c> — uses that identity's token and budget.
/// </summary>
/// <example>
/// <code>
/// using (GenesysCloudIdentityScope.Begin(GenesysCloudIdentity.User(userId, tokens)))
/// {
///     var me = await usersApi.GetUsersMeAsync(cancellationToken: cancellationToken);
/// }
/// </code>
/// </example>
public sealed class GenesysCloudIdentityScope : IDisposable
{
    private static readonly AsyncLocal<GenesysCloudIdentityScope?> CurrentScope = new();
    private readonly GenesysCloudIdentityScope? _parent;

    private GenesysCloudIdentityScope(GenesysCloudIdentity identity, GenesysCloudIdentityScope? parent)
    {
        Identity = identity;
        _parent = parent;
    }

    /// <summary>Gets the identity of the innermost scope of the current async flow, or <see langword="null"/>.</summary>
    public static GenesysCloudIdentity? Current => CurrentScope.Value?.Identity;

    /// <summary>Gets the scope's identity.</summary>
    public GenesysCloudIdentity Identity { get; }

    /// <summary>Starts running calls as <paramref name="identity"/> in the current async flow.</summary>
    /// <param name="identity">The identity.</param>
    /// <returns>The scope; dispose it to return to the previous identity.</returns>
    public static GenesysCloudIdentityScope Begin(GenesysCloudIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var scope = new GenesysCloudIdentityScope(identity, CurrentScope.Value);
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
}
