using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// Holds one identity's OAuth access token: obtains it from its <see cref="IGenesysCloudTokenSource"/>, refreshes it, and
/// deletes it when the identity is the client's own.
/// <list type="bullet">
/// <item>Single flight: however many calls need a token, one request is in progress at a time, and every waiter gets
/// its outcome (a failure ends them all with the typed error; the next call tries again).</item>
/// <item>Refreshed before expiry (<c>TokenRefreshBeforeExpiry</c>, at most half the lifetime) — on a timer, whether or not
/// calls are running, for the client's own tokens; when a call needs it for other identities — and once on a 401 unless a
/// newer token was issued after the rejected one.</item>
/// <item><see cref="TokenIssued"/> reports every new token, so that what belongs to a token — its rate budget — can be
/// forgotten with it.</item>
/// <item>In a fleet, tokens come through the fleet's <see cref="IGenesysCloudTokenStore"/> (one token per slot for every
/// replica), and the token is deleted on stop only when the store says no other replica still holds a lease on it.</item>
/// </list>
/// </summary>
internal sealed class AccessTokenProvider : IDisposable
{
    private static readonly TimeSpan LastChance = TimeSpan.FromSeconds(5);
    private readonly object _lock = new();
    private readonly IGenesysCloudTokenSource _source;
    private readonly IGenesysCloudTokenStore _store;
    private readonly int _slot;
    private readonly Func<string, TimeSpan, CancellationToken, Task>? _delete;
    private readonly bool _refreshOnTimer;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ITimer _refreshTimer;
    private AccessToken? _current;
    private Task<AccessToken>? _pending;
    private long _version;

    public AccessTokenProvider(
        IGenesysCloudTokenSource source,
        Func<string, TimeSpan, CancellationToken, Task>? delete,
        GenesysCloudOptions options,
        TimeProvider time,
        bool refreshOnTimer = true,
        IGenesysCloudTokenStore? store = null,
        int slot = 0)
    {
        _source = source;
        _store = store ?? LocalCoordinator.Instance;
        _slot = slot;
        _delete = delete;
        _refreshOnTimer = refreshOnTimer;
        _options = options;
        _time = time;
        _refreshTimer = time.CreateTimer(static state => _ = ((AccessTokenProvider)state!).StartRefresh(null), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised (synchronously, on the thread that obtained it) for every new token.</summary>
    public event EventHandler<AccessToken>? TokenIssued;

    public AccessToken? Current => Volatile.Read(ref _current);

    /// <summary>Returns a valid token, starting (or joining) a refresh when needed.</summary>
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = Current;
        if (token is not null)
        {
            var now = _time.GetUtcNow();
            if (now < token.RefreshAt)
            {
                return token;
            }

            if (now < token.ExpiresAt)
            {
                // Still valid: use it, and refresh in the background. A failure is observed by the next caller.
                _ = StartRefresh(null);
                return token;
            }
        }

        return await StartRefresh(null).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles a 401: refreshes, unless a token newer than <paramref name="rejected"/> already exists.</summary>
    public async ValueTask<AccessToken> RefreshAfterUnauthorizedAsync(AccessToken rejected, CancellationToken cancellationToken)
    {
        Task<AccessToken> refresh;
        lock (_lock)
        {
            if (_current is not null && _current.Version > rejected.Version)
            {
                return _current;
            }

            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
            }

            refresh = StartRefresh(rejected.Value);
        }

        return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the current token (<c>DELETE /api/v2/tokens/me</c>). Every wait — the request, a 429's <c>Retry-After</c>,
    /// a retry's backoff — ends when <paramref name="cancellationToken"/> fires; if it has already fired, one last attempt
    /// of at most 5 seconds is made.
    /// </summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        _refreshTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        AccessToken? token;
        lock (_lock)
        {
            token = _current;
            _current = null;
        }

        // In a fleet, only the last replica holding a lease on the token deletes it.
        if (token is not null && _delete is not null && await _store.ReleaseAsync(_slot, cancellationToken).ConfigureAwait(false))
        {
            await _delete(token.Value, LastChance, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _refreshTimer.Dispose();
        _lifetime.Dispose();
    }

    // Starts (or joins) a refresh; replacing names a token the fleet must not hand back (refused with a 401), else the current one.
    private Task<AccessToken> StartRefresh(string? replacing)
    {
        lock (_lock)
        {
            if (_pending is not null)
            {
                return _pending;
            }

            if (_lifetime.IsCancellationRequested)
            {
                return Task.FromCanceled<AccessToken>(_lifetime.Token);
            }

            var task = RefreshCoreAsync(replacing ?? _current?.Value);

            // A background refresh has no awaiter, and a caller may stop waiting (cancelled): observe the outcome so that
            // a failure (already logged where it happened) never surfaces as an unobserved task exception.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _pending = task.IsCompleted ? null : task;
            return task;
        }
    }

    private async Task<AccessToken> RefreshCoreAsync(string? replacing)
    {
        try
        {
            var issued = await _store.GetTokenAsync(_slot, replacing, _source.RequestTokenAsync, _lifetime.Token).ConfigureAwait(false);
            var (value, now) = (issued.Value, _time.GetUtcNow());
            var lifetime = issued.ExpiresAt > now ? issued.ExpiresAt - now : TimeSpan.Zero;
            var margin = _options.TokenRefreshBeforeExpiry < lifetime / 2 ? _options.TokenRefreshBeforeExpiry : lifetime / 2;
            var token = new AccessToken(value, now + lifetime, now + lifetime - margin, Interlocked.Increment(ref _version));
            lock (_lock)
            {
                _current = token;
                if (_refreshOnTimer && !_lifetime.IsCancellationRequested)
                {
                    _refreshTimer.Change(token.RefreshAt - now, Timeout.InfiniteTimeSpan);
                }
            }

            TokenIssued?.Invoke(this, token);
            return token;
        }
        finally
        {
            lock (_lock)
            {
                _pending = null;
            }
        }
    }
}
