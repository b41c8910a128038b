namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>One workload in one pacing mode: what was asked, what completed, how long it took, against which bound.</summary>
public sealed class WorkloadResult
{
    public required string Workload { get; init; }

    public required string Mode { get; init; }

    /// <summary>Gets the client-side settings that differ between runs (spacing, window, sizes).</summary>
    public required string Setup { get; init; }

    public required int Calls { get; set; }

    public int Completed { get; set; }

    /// <summary>Gets or sets the calls that ended with an exception (expected: none).</summary>
    public int Errors { get; set; }

    public List<string> ErrorSamples { get; } = [];

    /// <summary>Gets or sets the API requests the simulator answered (429s and pages included).</summary>
    public long ServerRequests { get; set; }

    public int TooManyRequests { get; set; }

    public double WallSeconds { get; set; }

    /// <summary>Gets or sets the bound the wall time is compared with (critical path, latency bound, allowed rate, …).</summary>
    public double? BoundSeconds { get; set; }

    public string? BoundName { get; set; }

    /// <summary>Gets the wall time divided by the bound (1.0 = the physical limit).</summary>
    public double? WallToBound => BoundSeconds is > 0 ? WallSeconds / BoundSeconds : null;

    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);
}
