namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// An access token a <see cref="IGenesysCloudTokenSource"/> obtained: its value and when it expires.
/// <see cref="ToString"/> never shows the value.
/// </summary>
public sealed class GenesysCloudToken
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudToken"/> class.</summary>
    /// <param name="value">The bearer token.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public GenesysCloudToken(string value, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the bearer token. Never logged.</summary>
    public string Value { get; }

    /// <summary>Gets when the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"GenesysCloudToken(expires {ExpiresAt:O})";
}
