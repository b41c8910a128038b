using GenesysCloud.Extensions.Benchmarks.Workloads;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.Benchmarks.Tests;

/// <summary>
/// The benchmark workloads in quick mode (small sizes, millisecond latency): every call completes, nothing is lost,
/// no unexpected error. Timings are printed, never asserted (CI machines are noisy).
/// </summary>
public sealed class QuickWorkloadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_workload_completes_every_call_in_both_modes()
    {
        using var log = new StringWriter();
        var results = await new WorkloadRunner(WorkloadOptions.Quick, log).RunAllAsync();
        output.WriteLine(log.ToString());
        output.WriteLine(WorkloadReport.ToMarkdown(results));

        Assert.Equal(9, results.Count); // W1–W4 in both modes, W5 (token pool) in Adaptive
        Assert.Equal(["Adaptive", "Fixed"], results.Select(r => r.Mode).Distinct().Order());
        Assert.All(results, r =>
        {
            Assert.True(r.Errors == 0, $"{r.Workload} {r.Mode}: {r.Errors} errors: {string.Join("; ", r.ErrorSamples)}");
            Assert.True(r.Calls > 0, $"{r.Workload} {r.Mode}: no calls");
            Assert.Equal(r.Calls, r.Completed);
        });

        var roster = results.Where(r => r.Workload.StartsWith("W1", StringComparison.Ordinal)).ToList();
        Assert.All(roster, r => Assert.Equal(r.Metrics["expectedQueues"], r.Metrics["queues"]));

        // Both modes read the same organization: the same members, page for page.
        Assert.Single(roster.Select(r => r.Metrics["members"]).Distinct());
        Assert.Single(roster.Select(r => r.Calls).Distinct());
    }
}
