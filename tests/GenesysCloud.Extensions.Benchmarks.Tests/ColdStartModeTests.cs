using GenesysCloud.Extensions.Benchmarks.Cold;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.Benchmarks.Tests;

/// <summary>
/// The cold mode end to end, once: the standalone simulator in its own process, one fresh measured process, the
/// roster read cold and warm, the JIT counted and broken down. Timings are printed, never asserted.
/// </summary>
public sealed class ColdStartModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_fresh_process_reads_the_roster_cold_and_warm_and_reports_its_jit()
    {
        using var log = new StringWriter();

        var report = await new ColdStartRunner(runs: 1, latency: "1-5", pageSize: 100, log).RunAsync();
        output.WriteLine(log.ToString());
        output.WriteLine(report.ToMarkdown());

        var sample = Assert.Single(report.Samples);
        Assert.Equal(40, sample.Queues);
        Assert.Equal(5_068, sample.Members);
        Assert.True(sample.ColdRoster.JitMethods > 0, "the cold roster compiled nothing: the JIT counts are not read");
        Assert.True(sample.WarmRoster.JitMethods < sample.ColdRoster.JitMethods);
        Assert.NotEmpty(report.RosterJitByNamespace);
        Assert.InRange(report.RosterJitByNamespace.Sum(n => n.Methods), sample.ColdRoster.JitMethods / 2, sample.ColdRoster.JitMethods * 2);
        Assert.Contains("Cold roster ÷ warm roster", report.ToMarkdown(), StringComparison.Ordinal);
    }
}
