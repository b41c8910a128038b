namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The calls of one identity: their FIFO backlog and the lanes (tokens) they may start on — one lane, or the tokens of
/// a pool, where each start goes to the lane with the most budget left. Not thread-safe: <see cref="RequestScheduler"/>
/// guards it with its lock; only <see cref="Users"/> is read and written without it.
/// </summary>
internal sealed class LaneGroup
{
    private int _users;

    public LaneGroup(IReadOnlyList<RateLane> lanes, string? identityKey)
    {
        Lanes = lanes;
        IdentityKey = identityKey;
    }

    public IReadOnlyList<RateLane> Lanes { get; }

    /// <summary>Gets the identity's key, or <see langword="null"/> for the client's own identity.</summary>
    public string? IdentityKey { get; }

    public LinkedList<BacklogWaiter> Backlog { get; } = new();

    /// <summary>
    /// Gets the calls that hold this group, from the moment they take it to their end (queued, in flight or between two
    /// attempts): a group in use is never forgotten, whatever the scheduler is doing with its calls.
    /// </summary>
    public int Users => Volatile.Read(ref _users);

    public void EnterUse() => Interlocked.Increment(ref _users);

    public void ExitUse() => Interlocked.Decrement(ref _users);

    /// <summary>Gets or sets a value indicating whether the scheduler lists this group among those with waiting calls.</summary>
    public bool Listed { get; set; }

    /// <summary>Gets the budget left in the current window of the group's tokens, when the server has told it.</summary>
    public (int Allowed, int Remaining, DateTimeOffset ResetAt)? Budget
    {
        get
        {
            var known = Lanes.Where(l => l.Budget.IsKnown).ToList();
            return known.Count == 0 ? null : (known.Sum(l => l.Budget.Allowed), known.Sum(l => l.Budget.Remaining), known.Min(l => l.Budget.ResetAt));
        }
    }

    /// <summary>Gets the instant the suspension of the group's tokens ends (the latest of a pool), or <see langword="null"/>.</summary>
    public DateTimeOffset? SuspendedUntil(DateTimeOffset now)
    {
        var until = Lanes.Max(l => l.SuspendedUntil);
        return until > now ? until : null;
    }

    /// <summary>
    /// Picks the lane that may start a call now (the one with the most budget left), or says how long until one may
    /// (<see langword="null"/> when only a completion can free a start).
    /// </summary>
    public RateLane? Pick(DateTimeOffset now, out TimeSpan? delay)
    {
        RateLane? best = null;
        delay = null;
        foreach (var lane in Lanes)
        {
            var next = lane.NextStartDelay(now);
            if (next == TimeSpan.Zero)
            {
                if (best is null || lane.Headroom > best.Headroom)
                {
                    best = lane;
                }
            }
            else if (next is { } wait && (delay is null || wait < delay))
            {
                delay = wait;
            }
        }

        if (best is not null)
        {
            delay = TimeSpan.Zero;
        }

        return best;
    }
}
