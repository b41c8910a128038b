using System.Diagnostics;

namespace GenesysCloud.Extensions.Tests.Fakes;

/// <summary>
/// Waits for a condition that background work makes true, by yielding (never sleeping) and with a real-time
/// bound so a broken test fails instead of hanging.
/// </summary>
internal static class Eventually
{
    public static Func<string>? Describe { get; set; }

    public static async Task TrueAsync(Func<bool> condition, string because, int seconds = 15)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out waiting until {because}. {Describe?.Invoke()}");
            }

            await Task.Yield();
        }
    }
}
