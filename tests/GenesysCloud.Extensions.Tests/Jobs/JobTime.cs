using System.Diagnostics;
using System.Text.RegularExpressions;
using GenesysCloud.Extensions.Tests.Integration;

namespace GenesysCloud.Extensions.Tests.Jobs;

/// <summary>
/// Moves the simulated clock (shared by the client and the simulator) in steps while a job helper waits, so the job's own
/// duration and the waits between status checks pass in milliseconds. The clock moves only once the last request the
/// simulator saw is a job status check and the client has nothing queued or in flight (the helper waits for its next
/// check), or that check failed with a 5xx (the client waits to retry it): never between the submission and the first check.
/// </summary>
/// <remarks>
/// "The last request was a status check and the client is idle" is also true in the instant between the check's response
/// and the helper arming its next wait; a step taken then is lost. So after each step the clock stays put until the step
/// shows an effect (a new request, or the work ends) or a short real-time grace passes, and the whole wait is bounded by
/// real time, not by a count of steps that a starved thread pool can burn through in microseconds.
/// </remarks>
internal static partial class JobTime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static async Task<T> RunAsync<T>(SimulatorHarness harness, Task<T> work, TimeSpan? step = null)
    {
        var time = harness.Time ?? throw new InvalidOperationException("The harness must run on simulated time.");
        var inspector = harness.Simulator.Inspector;
        var watch = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            if (!HelperWaits(harness))
            {
                Assert.True(watch.Elapsed < Bound, $"The job helper did not reach its wait within {Bound} (real time).");
                await Task.Yield();
                continue;
            }

            var seen = inspector.Requests.Count;
            time.Advance(step ?? TimeSpan.FromSeconds(1));
            var since = Stopwatch.StartNew();
            while (!work.IsCompleted && inspector.Requests.Count == seen && since.Elapsed < Grace)
            {
                await Task.Yield();
            }

            Assert.True(watch.Elapsed < Bound, $"The job helper did not end within {Bound} (real time); the clock is at {time.GetUtcNow():O}.");
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
