using System.Collections.Concurrent;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// What the simulator saw: the last requests, counts per operation, tokens issued and deleted, concurrency and 429s.
/// Thread-safe; the request log is bounded, the counters are not. <see cref="GenesysCloudSimulator.Inspector"/> sees every
/// request; each <see cref="SimulatorOrganization.Inspector"/> sees those attributed to its organization.
/// </summary>
public sealed class SimulatorInspector
{
    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _operationCounts = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeProvider _timeProvider;
    private readonly IReadOnlyList<SimulatorOrganization> _organizations;
    private readonly List<(Func<SimulatorInspector, bool> Condition, TaskCompletionSource Completion)> _waiters = [];
    private long _totalRequests;
    private int _tokensIssued;
    private int _tokensDeleted;
    private int _concurrentRequests;
    private int _maxConcurrentRequests;
    private int _tooManyRequests;
    private int _delayedRequests;

    internal SimulatorInspector(int capacity, TimeProvider timeProvider, IReadOnlyList<SimulatorOrganization> organizations)
    {
        _capacity = Math.Max(1, capacity);
        _timeProvider = timeProvider;
        _organizations = organizations;
    }

    /// <summary>Gets a snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets the number of requests received since the last <see cref="Reset"/>, including those no longer kept.</summary>
    public long TotalRequests => Interlocked.Read(ref _totalRequests);

    /// <summary>Gets a snapshot of the number of requests per matched operation.</summary>
    public IReadOnlyDictionary<string, int> OperationCounts => new Dictionary<string, int>(_operationCounts, StringComparer.Ordinal);

    /// <summary>
    /// Gets a snapshot of every access token issued to the organizations this inspector covers, oldest first, with the requests
    /// and 429s of each. Lets a test prove that two clients never shared a token. Not cleared by <see cref="Reset"/>: tokens are state.
    /// </summary>
    public IReadOnlyList<SimulatorToken> Tokens
    {
        get
        {
            var now = _timeProvider.GetUtcNow();
            return [.. _organizations.SelectMany(static o => o.Tokens.All).OrderBy(static t => t.IssuedAt).Select(t => t.Describe(now))];
        }
    }

    /// <summary>Gets the number of access tokens issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Gets the number of access tokens deleted through <c>DELETE /api/v2/tokens/me</c>.</summary>
    public int TokensDeleted => Volatile.Read(ref _tokensDeleted);

    /// <summary>Gets the number of requests being handled right now.</summary>
    public int ConcurrentRequests => Volatile.Read(ref _concurrentRequests);

    /// <summary>
    /// Gets the number of requests waiting on the simulator's clock right now (added latency or a stall). With a fake clock,
    /// wait for this to reach the expected number before advancing time.
    /// </summary>
    public int DelayedRequests => Volatile.Read(ref _delayedRequests);

    /// <summary>Gets the largest number of requests handled at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxConcurrentRequests);

    /// <summary>Gets the number of 429 responses sent, from the rate limiter and from faults.</summary>
    public int TooManyRequestsSent => Volatile.Read(ref _tooManyRequests);

    /// <summary>Gets the number of requests that matched <paramref name="operation"/>.</summary>
    /// <param name="operation">A Genesys operationId such as <c>getRoutingQueues</c>.</param>
    public int GetOperationCount(string operation) => _operationCounts.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>Gets the usage of <paramref name="accessToken"/>'s current API rate-limit window, or <see langword="null"/> when it has none.</summary>
    /// <param name="accessToken">An access token the simulator issued.</param>
    public RateLimitWindowUsage? GetWindowUsage(string accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        foreach (var organization in _organizations)
        {
            if (organization.ApiLimiter.Peek(accessToken) is { } usage)
            {
                return new RateLimitWindowUsage(usage.Count, organization.ApiLimiter.Limit, usage.ResetAfter);
            }
        }

        return null;
    }

    /// <summary>Describes the access token <paramref name="accessToken"/>, or <see langword="null"/> when none of the covered organizations issued it.</summary>
    /// <param name="accessToken">An access token value, e.g. from a token response.</param>
    public SimulatorToken? GetToken(string accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        foreach (var organization in _organizations)
        {
            if (organization.Tokens.Peek(accessToken) is { } token)
            {
                return token.Describe(_timeProvider.GetUtcNow());
            }
        }

        return null;
    }

    /// <summary>
    /// Completes when <paramref name="condition"/> holds, re-checked whenever a request starts, ends, is delayed or is recorded, or a
    /// token is issued or deleted; lets tests wait for the simulator's state without sleeping.
    /// </summary>
    /// <param name="condition">The state to wait for, e.g. <c>i =&gt; i.ConcurrentRequests == 3</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public Task WaitUntilAsync(Func<SimulatorInspector, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, completion));
        }

        return cancellationToken.CanBeCanceled ? completion.Task.WaitAsync(cancellationToken) : completion.Task;
    }

    /// <summary>Clears the recorded requests and every counter (rate-limit windows are left alone).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _operationCounts.Clear();
            Interlocked.Exchange(ref _totalRequests, 0);
            Interlocked.Exchange(ref _tokensIssued, 0);
            Interlocked.Exchange(ref _tokensDeleted, 0);
            Interlocked.Exchange(ref _maxConcurrentRequests, Volatile.Read(ref _concurrentRequests));
            Interlocked.Exchange(ref _tooManyRequests, 0);
        }
    }

    internal void Record(RecordedRequest request)
    {
        Interlocked.Increment(ref _totalRequests);
        if (request.Operation is { } operation)
        {
            _operationCounts.AddOrUpdate(operation, 1, static (_, count) => count + 1);
        }

        if (request.StatusCode == 429)
        {
            Interlocked.Increment(ref _tooManyRequests);
        }

        lock (_gate)
        {
            _requests.Enqueue(request);
            while (_requests.Count > _capacity)
            {
                _requests.Dequeue();
            }
        }

        SignalWaiters();
    }

    internal void TokenIssued()
    {
        Interlocked.Increment(ref _tokensIssued);
        SignalWaiters();
    }

    internal void TokenDeleted()
    {
        Interlocked.Increment(ref _tokensDeleted);
        SignalWaiters();
    }

    internal void RequestStarted()
    {
        var current = Interlocked.Increment(ref _concurrentRequests);
        var max = Volatile.Read(ref _maxConcurrentRequests);
        while (current > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxConcurrentRequests, current, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }

        SignalWaiters();
    }

    internal void RequestEnded()
    {
        Interlocked.Decrement(ref _concurrentRequests);
        SignalWaiters();
    }

    internal void DelayStarted()
    {
        Interlocked.Increment(ref _delayedRequests);
        SignalWaiters();
    }

    internal void DelayEnded()
    {
        Interlocked.Decrement(ref _delayedRequests);
        SignalWaiters();
    }

    private void SignalWaiters()
    {
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (condition, completion) = _waiters[i];
                if (completion.Task.IsCompleted || condition(this))
                {
                    completion.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
