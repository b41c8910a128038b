using GenesysCloud.Extensions.Coordination;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The starts a lane of the client's own identity reserved from its fleet's window
/// (<see cref="IGenesysCloudRateCoordinator.ReserveAsync"/>). While the fleet's budget applies, a lane with a known budget
/// starts a call only within its allowance; a spent allowance asks the fleet for more, in batches, without blocking the
/// scheduler. Not thread-safe: <see cref="RequestScheduler"/> guards it with its lock.
/// </summary>
internal sealed class FleetAllowance
{
    private static readonly TimeSpan MinimumRetry = TimeSpan.FromMilliseconds(10);

    public FleetAllowance(IGenesysCloudRateCoordinator rates, int slot)
    {
        Rates = rates;
        Slot = slot;
    }

    public IGenesysCloudRateCoordinator Rates { get; }

    /// <summary>Gets the token's slot in the fleet.</summary>
    public int Slot { get; }

    /// <summary>Gets a value indicating whether the fleet's budget applies now.</summary>
    public bool IsShared => Rates.IsShared;

    public int Granted { get; private set; }

    public DateTimeOffset ValidUntil { get; private set; }

    /// <summary>Gets a value indicating whether a reservation is in progress.</summary>
    public bool Pending { get; private set; }

    private DateTimeOffset RetryAt { get; set; }

    private int _unreserved;

    /// <summary>How long until the allowance permits a start: zero, a delay, or <see langword="null"/> when a reservation must answer first.</summary>
    public TimeSpan? Delay(DateTimeOffset now)
    {
        if (Granted > 0 && now < ValidUntil)
        {
            return TimeSpan.Zero;
        }

        return !Pending && RetryAt > now ? RetryAt - now : null;
    }

    /// <summary>Gets a value indicating whether a reservation should be made now.</summary>
    public bool NeedsReservation(DateTimeOffset now) => !Pending && RetryAt <= now && (Granted <= 0 || now >= ValidUntil);

    public void BeginReservation() => Pending = true;

    public void OnStart() => Granted--;

    /// <summary>Counts a start made without a reservation (the budget was unknown, or the fleet's budget did not apply).</summary>
    public void OnUnreservedStart() => Interlocked.Increment(ref _unreserved);

    /// <summary>Takes the unreserved starts not yet reported to the fleet: the fleet adds them to its count.</summary>
    public int TakeUnreserved() => Interlocked.Exchange(ref _unreserved, 0);

    /// <summary>Applies the fleet's answer. A local answer (the fleet could not be asked) grants what was wanted until the local window's reset.</summary>
    public void Apply(GenesysCloudRateGrant grant, int wanted, DateTimeOffset localReset, DateTimeOffset now)
    {
        Pending = false;
        if (grant.IsLocal)
        {
            Granted = wanted;
            ValidUntil = localReset > now ? localReset : now + MinimumRetry;
            RetryAt = DateTimeOffset.MinValue;
            return;
        }

        Granted = grant.Granted;
        ValidUntil = grant.ValidUntil;
        // Suspended: ask again when the suspension ends; the window's budget spent: when the window ends.
        var retry = grant.SuspendedUntil ?? grant.ValidUntil;
        RetryAt = grant.Granted > 0 ? DateTimeOffset.MinValue : retry > now + MinimumRetry ? retry : now + MinimumRetry;
    }

    /// <summary>Forgets the allowance: a new token has a budget of its own.</summary>
    public void Forget()
    {
        Granted = 0;
        RetryAt = DateTimeOffset.MinValue;
    }
}
