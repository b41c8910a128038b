using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The scheduler's link to its fleet (<see cref="IGenesysCloudRateCoordinator"/>): reserves batches of starts for the
/// lanes that need them, reports budget headers and 429 suspensions, and relays what the fleet tells (another replica's
/// suspension, a change of mode) back to the scheduler through the delegates it was given. Every call to the fleet is
/// made outside the scheduler's lock; the scheduler still decides every start.
/// </summary>
internal sealed class FleetGate
{
    private readonly object _lock;
    private readonly TimeProvider _time;
    private readonly LaneSuspensions _suspensions;
    private readonly LaneGroup _app;
    private readonly Action _pump;

    /// <summary>Initializes the gate of the lanes of <paramref name="app"/>, guarded by <paramref name="schedulerLock"/>; <paramref name="pump"/> wakes the scheduler.</summary>
    public FleetGate(object schedulerLock, TimeProvider time, LaneSuspensions suspensions, LaneGroup app, Action pump)
    {
        _lock = schedulerLock;
        _time = time;
        _suspensions = suspensions;
        _app = app;
        _pump = pump;
        if (app.Lanes[0].Fleet?.Rates is { } rates)
        {
            rates.ModeChanged += (_, _) => pump();
            rates.SuspensionReceived += (_, e) => OnFleetSuspension(e);
        }
    }

    /// <summary>Notes, under the scheduler's lock, the lanes of <paramref name="group"/> that need a reservation for its waiting calls.</summary>
    public static void CollectLocked(LaneGroup group, DateTimeOffset now, ref List<(RateLane Lane, int Wanted)>? reservations)
    {
        foreach (var lane in group.Lanes)
        {
            if (lane.IsFleetGated && lane.Fleet!.NeedsReservation(now))
            {
                // A batch: what the backlog wants, at most a quarter of the window's budget, so the fleet's replicas share it.
                var cap = Math.Max(1, (lane.Budget.Allowed + 3) / 4);
                var wanted = Math.Clamp(group.Backlog.Count, 1, cap);
                lane.Fleet.BeginReservation();
                (reservations ??= []).Add((lane, wanted));
            }
        }
    }

    /// <summary>Starts the reservations noted by <see cref="CollectLocked"/>; each answer goes to the scheduler.</summary>
    public void Reserve(List<(RateLane Lane, int Wanted)> reservations)
    {
        foreach (var (lane, wanted) in reservations)
        {
            _ = ReserveAsync(lane, wanted, lane.Budget.Allowed, lane.Budget.WindowEstimate);
        }
    }

    /// <summary>Reports what an answer's budget headers told to the fleet.</summary>
    // Called under no lock: the unreserved count is an Interlocked counter.
    public static void Observe(RateLane lane, RateObservation? observation)
    {
        if (observation is { } o && lane.Fleet is { IsShared: true } fleet)
        {
            fleet.Rates.Observe(fleet.Slot, new GenesysCloudRateObservation(o.Allowed, o.Count, o.ResetNotBefore, o.ResetAt, fleet.TakeUnreserved()));
        }
    }

    /// <summary>Suspends the lane's slot fleet-wide; <paramref name="count"/> runs when this starts the fleet's episode.</summary>
    public static void ReportSuspension(RateLane lane, DateTimeOffset until, Action count) => _ = ReportSuspensionAsync(lane.Fleet!, until, count);

    private static async Task ReportSuspensionAsync(FleetAllowance fleet, DateTimeOffset until, Action count)
    {
        bool first;
        try
        {
            first = await fleet.Rates.SuspendAsync(fleet.Slot, until, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            first = true; // the fleet could not be told: this replica's episode is its own
        }

        if (first)
        {
            count();
        }
    }

    private async Task ReserveAsync(RateLane lane, int wanted, int allowed, TimeSpan window)
    {
        GenesysCloudRateGrant grant;
        try
        {
            var length = window > TimeSpan.Zero ? window : TimeSpan.FromSeconds(60);
            grant = await lane.Fleet!.Rates.ReserveAsync(lane.Fleet.Slot, wanted, allowed, length, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A coordinator never fails a call: an unexpected error means local mode for this batch.
            grant = GenesysCloudRateGrant.Local;
        }

        OnGranted(lane, grant, wanted);
    }

    // The fleet answered a reservation of starts for the lane.
    private void OnGranted(RateLane lane, GenesysCloudRateGrant grant, int wanted)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            lane.Fleet!.Apply(grant, wanted, lane.Budget.ResetAt, now);
        }

        if (grant.SuspendedUntil is { } until && until > now)
        {
            _suspensions.Suspend(lane, until - now, GenesysCloudTelemetryNames.RateLimitSourceApi, fromFleet: true);
        }

        _pump();
    }

    // Another replica hit a 429 on a token this client shares: stop until the same instant.
    private void OnFleetSuspension(GenesysCloudFleetSuspensionEventArgs e)
    {
        var lane = _app.Lanes.FirstOrDefault(l => l.Fleet?.Slot == e.Slot);
        var delay = e.Until - _time.GetUtcNow();
        if (lane is not null && delay > TimeSpan.Zero)
        {
            _suspensions.Suspend(lane, delay, GenesysCloudTelemetryNames.RateLimitSourceApi, fromFleet: true);
            _pump();
        }
    }
}
