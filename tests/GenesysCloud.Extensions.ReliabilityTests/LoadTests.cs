using System.Diagnostics;
using System.Globalization;
using GenesysCloud.Extensions.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests;

/// <summary>
/// 100,000 calls from 1,000 concurrent callers against a zero-latency simulator without a rate budget. Scale with
/// <c>GC_RELIABILITY_LOAD_CALLS</c> (default 100,000).
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Callers = 1_000;

    [Fact]
    public async Task Hundred_thousand_calls_from_a_thousand_callers_all_complete_memory_bounded_and_telemetry_counts_every_call()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("GC_RELIABILITY_LOAD_CALLS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100_000;
        var perCaller = Math.Max(1, total / Callers);
        total = perCaller * Callers;
        using var probe = LeakProbe.Start();
        long succeeded = 0, measured = 0, peakWorkingSet = 0, simRequests = 0;
        var elapsed = TimeSpan.Zero;
        var live = new System.Collections.Concurrent.ConcurrentQueue<long>();
        long liveAfter = 0;
        await ReliabilityHost.RunAsync(async h =>
        {
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            var stopwatch = Stopwatch.StartNew();
            var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    try
                    {
                        var response = await h.Client.SendAsync(CallLedger.Light(((long)c * perCaller) + i));
                        if ((int)response.StatusCode == 200)
                        {
                            Interlocked.Increment(ref succeeded);
                        }
                    }
#pragma warning disable CA1031 // Counted and reported below.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        failures.Enqueue(ex);
                    }

                    if (c == 0 && i > 0 && i % Math.Max(1, perCaller / 4) == 0)
                    {
                        // Live memory (after a full collection) at each quarter: it must not grow with the calls made.
                        Interlocked.Add(ref measured, h.CallDurations.GetMeasurementSnapshot(clear: true).Count);
                        live.Enqueue(GC.GetTotalMemory(forceFullCollection: true));
                    }

                    if (i % 20 == 0 && c % 50 == 0)
                    {
                        probe.Sample();
                        // Drain the collector as we go so that it does not hold 100,000 measurements itself.
                        Interlocked.Add(ref measured, h.CallDurations.GetMeasurementSnapshot(clear: true).Count);
                        using var process = Process.GetCurrentProcess();
                        InterlockedMax(ref peakWorkingSet, process.WorkingSet64);
                    }
                }
            })).ToArray();
            await Task.WhenAll(callers).WaitAsync(TimeSpan.FromMinutes(5));
            elapsed = stopwatch.Elapsed;
            measured += h.CallDurations.GetMeasurementSnapshot(clear: true).Count;
            simRequests = h.Sim.Inspector.GetOperationCount("getTokensMe") - 1; // less the connect probe
            liveAfter = GC.GetTotalMemory(forceFullCollection: true); // with the host and the simulator still up

            Assert.True(failures.IsEmpty, $"{failures.Count} failures, first: {failures.FirstOrDefault()}");
            Assert.Equal(total, succeeded);
            Assert.Equal(total, measured); // one call.duration measurement per call, no more, no less
            Assert.Equal(total, simRequests); // nothing sent twice
            Assert.Equal(0, h.Client.BacklogCount);
            Assert.Equal(0, h.Client.InFlightCount);
        }, simulator: s => s.MaxRecordedRequests = 1_000, fakeClock: false, logLevel: Microsoft.Extensions.Logging.LogLevel.Warning); // HttpClient's 4 lines per call at Information would be the test's memory

        var report = probe.Finish(memorySlackBytes: 32L * 1024 * 1024);
        Assert.NotEmpty(live);
        Assert.True(live.Max() < 128L * 1024 * 1024, $"live managed memory under load: {string.Join(", ", live)}");
        var liveMb = string.Join(" / ", live.Select(b => (b / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture)));
        Figures.Record(output, "load: 1,000 callers, no budget, zero latency", string.Create(CultureInfo.InvariantCulture,
            $"{total:N0} calls, {succeeded:N0} succeeded, {simRequests:N0} requests, {measured:N0} call.duration measurements; {elapsed.TotalSeconds:F1} s ({total / elapsed.TotalSeconds:N0} calls/s); live managed memory at each quarter {liveMb} MB, after the load (host still up) {liveAfter / 1024.0 / 1024.0:F1} MB; peak working set {peakWorkingSet / 1024 / 1024} MB; {report.Summary}"));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
