
namespace GenesysCloud.Extensions.Simulator.Faults;

/// <summary>
/// Waits on the simulator's clock and tells the inspector while it does, so a test driving a fake clock can wait until
/// every request is parked on it before advancing time.
/// </summary>
internal static class ClockDelay
{
    public static async Task WaitAsync(TimeSpan delay, TimeProvider timeProvider, SimulatorInspector inspector, CancellationToken cancellationToken)
    {
        // The timer is registered when Task.Delay returns; only then is the request really waiting on the clock.
        var wait = Task.Delay(delay, timeProvider, cancellationToken);
        inspector.DelayStarted();
        try
        {
            await wait.ConfigureAwait(false);
        }
        finally
        {
            inspector.DelayEnded();
        }
    }
}
