using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Scheduling;

/// <summary>
/// The rate-limit suspensions of a scheduler's lanes: starts and extends them (under the scheduler's lock, given here),
/// tells the fleet about a local one (<see cref="FleetGate"/>), and records each episode: counted once when it starts —
/// fleet-wide, by the replica that starts it — and its whole length recorded when it ends.
/// </summary>
internal sealed class LaneSuspensions
{
    private readonly object _lock;
    private readonly TimeProvider _time;
    private readonly GenesysCloudDiagnostics _diagnostics;

    public LaneSuspensions(object schedulerLock, TimeProvider time, GenesysCloudDiagnostics diagnostics)
    {
        _lock = schedulerLock;
        _time = time;
        _diagnostics = diagnostics;
    }

    /// <summary>Suspends <paramref name="lane"/> for <paramref name="delay"/>; <paramref name="fromFleet"/> for another replica's episode.</summary>
    public void Suspend(RateLane lane, TimeSpan delay, string source, bool fromFleet)
    {
        bool started;
        (string Source, TimeSpan Length)? ended;
        DateTimeOffset until;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            ended = lane.EndSuspension(now);
            until = now + delay;
            started = lane.Suspend(now, until, source);
        }

        RecordEnded(lane, ended);
        if (fromFleet)
        {
            return; // another replica's episode, counted where it started
        }

        if (lane.Fleet is { IsShared: true })
        {
            // Every replica stops until the same instant; the episode is counted once, by the replica that starts it.
            FleetGate.ReportSuspension(lane, until, started ? () => _diagnostics.SuspensionStarted(source, delay, lane.IdentityKind) : static () => { });
        }
        else if (started)
        {
            _diagnostics.SuspensionStarted(source, delay, lane.IdentityKind);
        }
    }

    /// <summary>Ends, under the scheduler's lock, the episodes of <paramref name="group"/> whose deadline has passed.</summary>
    public static void EndLocked(LaneGroup group, DateTimeOffset now, ref List<(RateLane Lane, (string Source, TimeSpan Length) Episode)>? ended)
    {
        foreach (var lane in group.Lanes)
        {
            if (lane.EndSuspension(now) is { } episode)
            {
                (ended ??= []).Add((lane, episode));
            }
        }
    }

    /// <summary>Records the episodes <see cref="EndLocked"/> ended, outside the lock.</summary>
    public void Record(List<(RateLane Lane, (string Source, TimeSpan Length) Episode)>? ended)
    {
        if (ended is null)
        {
            return;
        }

        foreach (var (lane, episode) in ended)
        {
            RecordEnded(lane, episode);
        }
    }

    private void RecordEnded(RateLane lane, (string Source, TimeSpan Length)? ended)
    {
        if (ended is { } episode)
        {
            _diagnostics.SuspensionEnded(episode.Source, episode.Length, lane.IdentityKind);
        }
    }
}
