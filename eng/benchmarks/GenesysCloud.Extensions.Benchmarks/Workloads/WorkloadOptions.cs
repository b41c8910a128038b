namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>
/// Sizes and simulator settings of the workloads. <see cref="Full"/> is the benchmark; <see cref="Quick"/> is the
/// CI correctness run (small sizes, millisecond latency and spacing; timings are not meaningful).
/// </summary>
public sealed record WorkloadOptions
{
    public static WorkloadOptions Full { get; } = new();

    public static WorkloadOptions Quick { get; } = new()
    {
        IsQuick = true,
        MinLatency = TimeSpan.FromMilliseconds(1),
        MaxLatency = TimeSpan.FromMilliseconds(5),
        FixedSpacing = TimeSpan.FromMilliseconds(2),
        BulkCalls = 120,
        BulkWindowBudget = 50,
        BulkWindow = TimeSpan.FromSeconds(1),
        BurstCalls = 60,
        BacklogCalls = 5_000,
        FixedBacklogCalls = 1_000,
    };

    public bool IsQuick { get; init; }

    /// <summary>Gets the simulator's latency range (Genesys-like: 50–150 ms).</summary>
    public TimeSpan MinLatency { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxLatency { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Gets the budget of W1 and W3 (Genesys: 300 per 60 s).</summary>
    public int RateLimit { get; init; } = 300;

    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the Fixed mode spacing of W1 and W3: the original client's 200 ms.</summary>
    public TimeSpan FixedSpacing { get; init; } = TimeSpan.FromMilliseconds(200);

    public int RosterPageSize { get; init; } = 100;

    public int BulkCalls { get; init; } = 1_000;

    /// <summary>Gets W2's time-scaled window: 100 per 5 s (20 calls/s, 10 windows for 1,000 calls).</summary>
    public int BulkWindowBudget { get; init; } = 100;

    public TimeSpan BulkWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets W5's number of pooled tokens (each with W2's budget).</summary>
    public int PoolSize { get; init; } = 3;

    public int BurstCalls { get; init; } = 250;

    public int BacklogCalls { get; init; } = 100_000;

    /// <summary>Gets W4's size in Fixed mode, whose 1 ms floor makes 100,000 calls take minutes.</summary>
    public int FixedBacklogCalls { get; init; } = 10_000;

    public TimeSpan FixedBacklogSpacing { get; init; } = TimeSpan.FromMilliseconds(1);

    public int Seed { get; init; } = 42;
}
