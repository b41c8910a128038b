using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Notifications.Tests.Infrastructure;

/// <summary>
/// Waits for state that background work (sockets, the pipeline) makes true: by yielding, never sleeping, with a real-time
/// bound so a broken test fails instead of hanging. <see cref="AdvanceUntilAsync"/> also moves simulated time, a step at a
/// time, for state that waits on a timer.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, Func<string>? describe = null, int seconds = 20)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out waiting until {because}. {describe?.Invoke()}");
            }

            await Task.Yield();
        }
    }

    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> whenever <paramref name="condition"/> is still false after letting background work run.</summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan step, string because, Func<string>? describe = null, int maxSteps = 1_000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await SettlesAsync(condition).ConfigureAwait(false))
            {
                return;
            }

            time.Advance(step);
        }

        Assert.Fail($"Still not {because} after {maxSteps} steps of {step}. {describe?.Invoke()}");
    }

    // Lets background work react (real I/O on loopback) for a short, bounded while, without sleeping.
    private static async Task<bool> SettlesAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMilliseconds(50))
        {
            if (condition())
            {
                return true;
            }

            await Task.Yield();
        }

        return condition();
    }
}
