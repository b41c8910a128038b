using System.Net;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// One access token's share of the scheduler: its rate budget (Genesys budgets per token), its rate-limit suspension,
/// its <c>Fixed</c>-mode spacing and the token itself. A client has one lane per token: one for its own identity, one
/// per token of a pool, one per user identity. Not thread-safe: <see cref="RequestScheduler"/> guards it with its lock.
/// </summary>
internal sealed class RateLane
{
    private readonly GenesysCloudRateLimitingOptions _options;
    private readonly RateBudget _budget = new();
    private DateTimeOffset _nextFixedStart = DateTimeOffset.MinValue;
    private bool _budgetHeadersAbsent;
    private long _suspendedUntilTicks;

    public RateLane(AccessTokenProvider tokens, string identityKind, int index, GenesysCloudRateLimitingOptions options, FleetAllowance? fleet = null)
    {
        Tokens = tokens;
        Fleet = fleet;
        IdentityKind = identityKind;
        Index = index;
        _options = options;
        Started = Task.FromResult(this);
    }

    /// <summary>Gets a completed task with this lane, returned when a call starts without waiting (no allocation).</summary>
    public Task<RateLane> Started { get; }

    /// <summary>Gets the token this lane's calls carry.</summary>
    public AccessTokenProvider Tokens { get; }

    /// <summary>Gets the kind of identity (<c>app</c>, <c>user</c>, <c>saml2</c>, <c>custom</c>) for telemetry; never who it is.</summary>
    public string IdentityKind { get; }

    /// <summary>Gets the lane's position in its group (the token's number in a pool).</summary>
    public int Index { get; }

    public int InFlight { get; private set; }

    public DateTimeOffset SuspendedUntil { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// Gets a value indicating whether a suspension runs at <paramref name="now"/>. Unlike the rest of the lane, safe to read
    /// without the scheduler's lock (the deadline is kept as UTC ticks too, written atomically).
    /// </summary>
    public bool IsSuspendedAt(DateTimeOffset now) => Volatile.Read(ref _suspendedUntilTicks) > now.UtcTicks;

    /// <summary>Gets when the current suspension episode started, or <see langword="null"/>.</summary>
    public DateTimeOffset? SuspensionStart { get; private set; }

    public string SuspensionSource { get; private set; } = string.Empty;

    public RateBudget Budget => _budget;

    /// <summary>Gets the starts reserved from the fleet's window, or <see langword="null"/> for a lane the fleet does not share.</summary>
    public FleetAllowance? Fleet { get; }

    /// <summary>Gets a value indicating whether the fleet's budget gates this lane now.</summary>
    public bool IsFleetGated => Fleet is { IsShared: true } && _options.Mode == GenesysCloudPacingMode.Adaptive && !_budgetHeadersAbsent && _budget.IsKnown;

    /// <summary>
    /// How long until this lane may start a call: zero now, a delay for the timer, or <see langword="null"/> when only a
    /// completion can free a start (the probe of an unknown budget).
    /// </summary>
    public TimeSpan? NextStartDelay(DateTimeOffset now)
    {
        if (SuspendedUntil > now)
        {
            return SuspendedUntil - now;
        }

        if (_options.Mode == GenesysCloudPacingMode.Fixed)
        {
            return _nextFixedStart > now ? _nextFixedStart - now : TimeSpan.Zero;
        }

        if (_budgetHeadersAbsent)
        {
            return TimeSpan.Zero;
        }

        _budget.Roll(now);
        if (!_budget.IsKnown)
        {
            return InFlight == 0 ? TimeSpan.Zero : null;
        }

        // A token the fleet shares: the starts reserved from the fleet's window are the budget (the fleet's view already
        // follows the server's count); a local window would disagree with the fleet's at its edges.
        if (IsFleetGated)
        {
            return Fleet!.Delay(now);
        }

        // Burst to the budget: every start the window still allows goes now; then wait for the reset.
        return _budget.Remaining > 0 ? TimeSpan.Zero : Max(_budget.ResetAt - now, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Gets how many more starts the lane's known budget allows in its window (a large number when unknown).</summary>
    public int Headroom => _budget.IsKnown && !_budgetHeadersAbsent && _options.Mode == GenesysCloudPacingMode.Adaptive ? _budget.Remaining : int.MaxValue;

    public void OnStart(DateTimeOffset now)
    {
        InFlight++;
        if (_options.Mode == GenesysCloudPacingMode.Fixed)
        {
            _nextFixedStart = now + _options.TimeBetweenRequests;
        }
        else
        {
            if (IsFleetGated)
            {
                Fleet!.OnStart();
            }
            else if (Fleet is { IsShared: true })
            {
                Fleet.OnUnreservedStart();
            }

            _budget.OnStart();
        }
    }

    /// <summary>Ends an attempt: learns the budget from the answer's headers.</summary>
    /// <param name="response">The answer, or <see langword="null"/> when the attempt got none.</param>
    /// <param name="sentAt">When the attempt was sent.</param>
    /// <param name="now">Now.</param>
    /// <param name="observation">What the answer's budget headers told, when it carried them.</param>
    /// <returns>The budget left, when known.</returns>
    public int? OnEnd(HttpResponseMessage? response, DateTimeOffset sentAt, DateTimeOffset now, out RateObservation? observation)
    {
        InFlight--;
        observation = null;
        if (response is null || _options.Mode != GenesysCloudPacingMode.Adaptive)
        {
            return null;
        }

        observation = _budget.Observe(response, sentAt, now);
        if (observation is null && !_budget.IsKnown && response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            _budgetHeadersAbsent = true;
        }

        return _budget.IsKnown ? _budget.Remaining : null;
    }

    /// <summary>Forgets the budget: a new token has a window of its own.</summary>
    public void ForgetBudget()
    {
        _budget.Forget();
        Fleet?.Forget();
        _budgetHeadersAbsent = false;
    }

    /// <summary>Suspends the lane until <paramref name="until"/> (extending a running episode).</summary>
    /// <returns><see langword="true"/> when this starts a new episode.</returns>
    public bool Suspend(DateTimeOffset now, DateTimeOffset until, string source)
    {
        var started = SuspensionStart is null;
        if (started)
        {
            SuspensionStart = now;
            SuspensionSource = source;
        }

        if (until > SuspendedUntil)
        {
            SuspendedUntil = until;
            Volatile.Write(ref _suspendedUntilTicks, until.UtcTicks);
        }

        return started;
    }

    /// <summary>Ends the suspension episode when its (possibly extended) deadline has passed.</summary>
    /// <returns>The episode's source and whole length, or <see langword="null"/> when none ended.</returns>
    public (string Source, TimeSpan Length)? EndSuspension(DateTimeOffset now)
    {
        if (SuspensionStart is not { } start || now < SuspendedUntil)
        {
            return null;
        }

        SuspensionStart = null;
        return (SuspensionSource, SuspendedUntil - start);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
