using GenesysCloud.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Tests.Fakes;

/// <summary>
/// Drives a <see cref="FakeTimeProvider"/> for work that waits on the client's pacing: it moves time only when
/// nothing is in flight and the scheduler is waiting for its timer, and then straight to that timer (or by
/// <c>step</c> when something else, such as a retry backoff, waits on time). So simulated durations are exact
/// however slow the machine is.
/// </summary>
internal static class TimeDriver
{
    public static async Task RunAsync(FakeTimeProvider time, GenesysCloudClient client, Task work, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !work.IsCompleted; i++)
        {
            await Eventually.TrueAsync(
                () => work.IsCompleted || (client.InFlightCount == 0 && !(client.Scheduler.TimerDue <= time.GetUtcNow())),
                "started attempts finished and no timer callback is pending");
            for (var y = 0; y < 10; y++)
            {
                await Task.Yield();
            }

            if (work.IsCompleted || client.InFlightCount > 0)
            {
                continue;
            }

            var due = client.Scheduler.TimerDue;
            var now = time.GetUtcNow();
            time.Advance(due is { } d && d > now && (d - now) < step * 1000 && client.BacklogCount > 0 ? d - now : step);
        }

        await work;
    }
}
