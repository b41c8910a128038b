using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Scheduling;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// The lanes of the identities a client's calls run as besides its own (<see cref="GenesysCloudIdentity"/>): one token
/// and one budget each, created on first use and kept for at most <c>MaxIdentities</c> identities, the least recently
/// used idle one leaving first (idle: no call holds it, and no 429 suspension runs — a lane forgotten while suspended would
/// let that identity's next call run into the same limit). A call holds its identity's lanes from <see cref="Get"/> until it
/// hands them back (<see cref="LaneGroup.ExitUse"/>), so an identity in use is never split over two tokens. A new token of
/// an identity makes its lane forget the old token's budget.
/// </summary>
internal sealed class IdentityLanes
{
    private readonly object _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();
    private readonly LoginService _login;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<RateLane> _tokenIssued;

    public IdentityLanes(LoginService login, GenesysCloudOptions options, TimeProvider time, Action<RateLane> tokenIssued)
    {
        _login = login;
        _options = options;
        _time = time;
        _tokenIssued = tokenIssued;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>
    /// Gets the lanes of <paramref name="identity"/>, creating them on first use, for one call: it holds them until it calls
    /// <see cref="LaneGroup.ExitUse"/>.
    /// </summary>
    public LaneGroup Get(GenesysCloudIdentity identity)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(identity.Key, out var node))
            {
                var entry = node.Value;
                if (ReferenceEquals(entry.Identity, identity) || !IsIdle(entry.Group))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    entry.Group.EnterUse();
                    return entry.Group;
                }

                // Another instance for the same key (new tokens after a sign-in, say) replaces an idle one.
                _recent.Remove(node);
                _byKey.Remove(identity.Key);
            }

            var group = Create(identity);
            group.EnterUse();
            _byKey[identity.Key] = _recent.AddFirst(new Entry(identity, group));
            Evict();
            return group;
        }
    }

    // Read without the scheduler's lock: the pin count and the suspension deadline are the two thread-safe parts of a group.
    private bool IsIdle(LaneGroup group) => group.Users == 0 && !group.Lanes[0].IsSuspendedAt(_time.GetUtcNow());

    private LaneGroup Create(GenesysCloudIdentity identity)
    {
        var tokens = new AccessTokenProvider(identity.CreateTokenSource(_login), delete: null, _options, _time, refreshOnTimer: false);
        var lane = new RateLane(tokens, identity.Kind, 0, _options.RateLimiting);
        tokens.TokenIssued += (_, _) => _tokenIssued(lane);
        return new LaneGroup([lane], identity.Key);
    }

    private void Evict()
    {
        var node = _recent.Last;
        while (_byKey.Count > _options.MaxIdentities && node is not null)
        {
            var previous = node.Previous;
            if (IsIdle(node.Value.Group))
            {
                _recent.Remove(node);
                _byKey.Remove(node.Value.Identity.Key);
            }

            node = previous;
        }
    }

    private sealed record Entry(GenesysCloudIdentity Identity, LaneGroup Group);
}
