using System.Text.Json;

namespace GenesysCloud.Extensions.Benchmarks.Cold;

/// <summary>A phase of a fresh process: its wall time and what the JIT compiled during it.</summary>
public sealed record ColdStartPhase(double WallSeconds, long JitMethods, double JitMilliseconds);

/// <summary>The measurements of one fresh process of the cold mode.</summary>
/// <param name="ProcessStartToMainSeconds">From the OS process start to the first line of the benchmark (runtime start-up).</param>
/// <param name="Connect">Building the host and connecting (token, lifecycle).</param>
/// <param name="ColdRoster">The queue roster, first time in the process.</param>
/// <param name="WarmRoster">The same roster again in the same process.</param>
/// <param name="Queues">The queues read.</param>
/// <param name="Members">The members read.</param>
public sealed record ColdStartSample(
    double ProcessStartToMainSeconds,
    ColdStartPhase Connect,
    ColdStartPhase ColdRoster,
    ColdStartPhase WarmRoster,
    int Queues,
    int Members)
{
    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Gets the cold roster's wall time over the warm one's.</summary>
    public double ColdToWarm => ColdRoster.WallSeconds / WarmRoster.WallSeconds;
}
