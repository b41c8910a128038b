namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>A refresh token: for which client and user, until when, and the family of rotations it belongs to.</summary>
internal sealed class RefreshGrant(string value, string clientId, string userId, string family, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    public string Id { get; } = TokenStore.IdOf(value);

    public string ClientId { get; } = clientId;

    public string UserId { get; } = userId;

    /// <summary>Gets the id of the first refresh token of the chain; a replayed token revokes the chain's live one.</summary>
    public string Family { get; } = family;

    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

    public SimulatorTokenState State { get; set; } = SimulatorTokenState.Active;
}
