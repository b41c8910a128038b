using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>Issues, looks up and deletes access tokens; expiry is read from the simulator's clock.</summary>
internal sealed class TokenStore(TimeSpan lifetime, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = lifetime;

    public IssuedToken Issue(string clientId)
    {
        // Tokens are secrets even in a simulator: random, never seeded, never logged.
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = timeProvider.GetUtcNow();
        var token = new IssuedToken(value, clientId, now, now + Lifetime);
        _tokens[value] = token;
        return token;
    }

    /// <summary>Finds a live token; expired tokens are dropped and reported as unknown.</summary>
    public IssuedToken? Find(string value)
    {
        if (!_tokens.TryGetValue(value, out var token))
        {
            return null;
        }

        if (timeProvider.GetUtcNow() >= token.ExpiresAt)
        {
            _tokens.TryRemove(value, out _);
            return null;
        }

        return token;
    }

    public bool Delete(string value) => _tokens.TryRemove(value, out _);
}
