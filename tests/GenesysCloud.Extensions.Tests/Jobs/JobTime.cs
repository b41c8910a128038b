using System.Text.RegularExpressions;
using GenesysCloud.Extensions.Tests.Fakes;
using GenesysCloud.Extensions.Tests.Integration;

namespace GenesysCloud.Extensions.Tests.Jobs;

/// <summary>
/// Moves the simulated clock (shared by the client and the simulator) in steps while a job helper waits, so the job's own
/// duration and the waits between status checks pass in milliseconds. The clock moves only once the last request the
/// simulator saw is a job status check and the client has nothing queued or in flight (the helper waits for its next
/// check), or that check failed with a 5xx (the client waits to retry it): never between the submission and the first check.
/// </summary>
internal static partial class JobTime
{
    public static async Task<T> RunAsync<T>(SimulatorHarness harness, Task<T> work, TimeSpan? step = null, int maxSteps = 2_000)
    {
        var time = harness.Time ?? throw new InvalidOperationException("The harness must run on simulated time.");
        for (var i = 0; i < maxSteps && !work.IsCompleted; i++)
        {
            await Eventually.TrueAsync(() => work.IsCompleted || HelperWaits(harness), "the helper waits on the clock");
            if (!work.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromSeconds(1));
                await Task.Yield();
            }
        }

        return await work;
    }

    private static Regex StatusCheck => StatusCheckRegex();

    [GeneratedRegex("^/api/v2/analytics/(conversations|users)/details/jobs/[^/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusCheckRegex();

    private static bool HelperWaits(SimulatorHarness harness)
    {
        var requests = harness.Simulator.Inspector.Requests;
        if (requests.Count == 0 || requests[^1] is not { } last
            || last.Method != "GET" || !StatusCheck.IsMatch(last.Path))
        {
            return false;
        }

        return last.StatusCode >= 500 || (harness.Client.InFlightCount == 0 && harness.Client.BacklogCount == 0);
    }
}
