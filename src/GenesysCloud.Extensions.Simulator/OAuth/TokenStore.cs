using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// One organization's access tokens: issues, looks up, deletes, revokes and expires them on the simulator's clock. Ended
/// tokens are kept (not live) so the inspector can still report them.
/// </summary>
internal sealed class TokenStore(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _byValue = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IssuedToken> _issued = new();

    public IssuedToken Issue(SimulatorOrganization organization, string clientId, string grantType, string? userId, TimeSpan lifetime)
    {
        // Tokens are secrets even in a simulator: random, never seeded, never logged.
        var value = NewSecret();
        var now = timeProvider.GetUtcNow();
        var token = new IssuedToken(value, IdOf(value), organization, clientId, grantType, userId, now, now + lifetime);
        _byValue[value] = token;
        _byId[token.Id] = token;
        _issued.Enqueue(token);
        return token;
    }

    /// <summary>Finds a live token (issued, not ended, not expired).</summary>
    public IssuedToken? Find(string value) =>
        _byValue.TryGetValue(value, out var token) && token.IsLive(timeProvider.GetUtcNow()) ? token : null;

    /// <summary>Finds a token whatever its state, to attribute a request to it.</summary>
    public IssuedToken? Peek(string value) => _byValue.TryGetValue(value, out var token) ? token : null;

    public IssuedToken? FindById(string id) => _byId.TryGetValue(id, out var token) ? token : null;

    /// <summary>Ends a live token with <paramref name="state"/>; <see langword="false"/> when it was not live.</summary>
    public bool End(IssuedToken token, SimulatorTokenState state) => token.IsLive(timeProvider.GetUtcNow()) && token.End(state);

    /// <summary>Makes a live token expire now, on the simulator's clock.</summary>
    public bool Expire(IssuedToken token)
    {
        var now = timeProvider.GetUtcNow();
        if (!token.IsLive(now))
        {
            return false;
        }

        token.ExpiresAt = now;
        return true;
    }

    /// <summary>Gets every token issued, oldest first.</summary>
    public IReadOnlyList<IssuedToken> All => [.. _issued];

    /// <summary>A URL-safe random secret for access tokens, refresh tokens and authorization codes.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>A name for a secret that does not reveal it: the first 16 hex digits of its SHA-256.</summary>
    public static string IdOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)).AsSpan(0, 8));
}
