using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Authentication;

/// <summary>
/// Holds the client's OAuth access token: obtains it, refreshes it and deletes it, through the <see cref="LoginService"/>.
/// <list type="bullet">
/// <item>Single flight: however many calls need a token, one request is in progress at a time, and every waiter gets
/// its outcome (a failure ends them all with the typed error; the next call tries again).</item>
/// <item>Refreshed before expiry on a timer (<c>TokenRefreshBeforeExpiry</c>, at most half the lifetime), whether or
/// not calls are running, and once on a 401 unless a newer token was issued after the rejected one.</item>
/// <item><see cref="TokenIssued"/> reports every new token, so that what belongs to a token — its rate budget — can be
/// forgotten with it.</item>
/// </list>
/// </summary>
internal sealed class AccessTokenProvider : IDisposable
{
    private static readonly TimeSpan LastChance = TimeSpan.FromSeconds(5);
    private readonly object _lock = new();
    private readonly LoginService _login;
    private readonly GenesysCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ITimer _refreshTimer;
    private AccessToken? _current;
    private Task<AccessToken>? _pending;
    private long _version;

    public AccessTokenProvider(LoginService login, GenesysCloudOptions options, TimeProvider time)
    {
        _login = login;
        _options = options;
        _time = time;
        _refreshTimer = time.CreateTimer(static state => _ = ((AccessTokenProvider)state!).StartRefresh(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
                _ = StartRefresh();
                return token;
            }
        }

        return await StartRefresh().WaitAsync(cancellationToken).ConfigureAwait(false);
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

            refresh = StartRefresh();
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

        if (token is not null)
        {
            await _login.DeleteTokenAsync(token.Value, LastChance, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _refreshTimer.Dispose();
        _lifetime.Dispose();
    }

    private Task<AccessToken> StartRefresh()
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

            var task = RefreshCoreAsync();

            // A background refresh has no awaiter, and a caller may stop waiting (cancelled): observe the outcome so that
            // a failure (already logged where it happened) never surfaces as an unobserved task exception.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _pending = task.IsCompleted ? null : task;
            return task;
        }
    }

    private async Task<AccessToken> RefreshCoreAsync()
    {
        try
        {
            var (value, lifetime) = await _login.RequestTokenAsync(_lifetime.Token).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var margin = _options.TokenRefreshBeforeExpiry < lifetime / 2 ? _options.TokenRefreshBeforeExpiry : lifetime / 2;
            var token = new AccessToken(value, now + lifetime, now + lifetime - margin, Interlocked.Increment(ref _version));
            lock (_lock)
            {
                _current = token;
                if (!_lifetime.IsCancellationRequested)
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
