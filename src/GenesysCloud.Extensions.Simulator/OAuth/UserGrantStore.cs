namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// One organization's authorization codes and refresh tokens. One lock: exchanges are rare and must be atomic (a code or a
/// refresh token is spent exactly once, even when two requests race).
/// </summary>
internal sealed class UserGrantStore(TimeProvider timeProvider, TimeSpan codeLifetime, TimeSpan refreshLifetime)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshGrant> _refreshByValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshGrant> _refreshById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshGrant> _liveByFamily = new(StringComparer.Ordinal);

    public object Gate => _gate;

    public string IssueCode(string clientId, string redirectUri, string userId, string? codeChallenge)
    {
        var value = TokenStore.NewSecret();
        lock (_gate)
        {
            _codes[value] = new AuthorizationCode(clientId, redirectUri, userId, codeChallenge, timeProvider.GetUtcNow() + codeLifetime);
        }

        return value;
    }

    /// <summary>Finds a code; the caller holds <see cref="Gate"/> while it checks and spends it.</summary>
    public AuthorizationCode? FindCode(string value) => _codes.GetValueOrDefault(value);

    /// <summary>Issues a refresh token, the next of <paramref name="previous"/>'s family or the first of a new one; the caller holds <see cref="Gate"/>.</summary>
    public RefreshGrant IssueRefresh(string clientId, string userId, RefreshGrant? previous)
    {
        var value = TokenStore.NewSecret();
        var grant = new RefreshGrant(value, clientId, userId, previous?.Family ?? TokenStore.IdOf(value), timeProvider.GetUtcNow() + refreshLifetime);
        _refreshByValue[value] = grant;
        _refreshById[grant.Id] = grant;
        _liveByFamily[grant.Family] = grant;
        return grant;
    }

    /// <summary>Finds a refresh token by value; the caller holds <see cref="Gate"/>.</summary>
    public RefreshGrant? FindRefresh(string value) => _refreshByValue.GetValueOrDefault(value);

    /// <summary>Revokes the live refresh token of <paramref name="grant"/>'s family; the caller holds <see cref="Gate"/>.</summary>
    public void RevokeFamily(RefreshGrant grant)
    {
        if (_liveByFamily.GetValueOrDefault(grant.Family) is { State: SimulatorTokenState.Active } live)
        {
            live.State = SimulatorTokenState.Revoked;
        }
    }

    public bool IsLive(RefreshGrant grant) => grant.State == SimulatorTokenState.Active && timeProvider.GetUtcNow() < grant.ExpiresAt;

    /// <summary>Expires or revokes a live refresh token by id (the control API).</summary>
    public bool End(string id, SimulatorTokenState state)
    {
        lock (_gate)
        {
            if (!_refreshById.TryGetValue(id, out var grant) || !IsLive(grant))
            {
                return false;
            }

            if (state == SimulatorTokenState.Expired)
            {
                grant.ExpiresAt = timeProvider.GetUtcNow();
            }
            else
            {
                grant.State = state;
            }

            return true;
        }
    }
}
