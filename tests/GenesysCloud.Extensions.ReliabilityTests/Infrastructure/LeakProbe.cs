using System.Diagnostics;

namespace GenesysCloud.Extensions.ReliabilityTests.Infrastructure;

/// <summary>
/// Counts what a scenario could leak: unobserved task exceptions, threads, sockets (<c>/proc/self/fd</c> entries of
/// type socket) and managed memory, before and after. Take it before starting the simulator and the host; finish it
/// after disposing both.
/// </summary>
internal sealed class LeakProbe : IDisposable
{
    private readonly List<string> _unobserved = [];
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _peakMemory;

    private LeakProbe()
    {
        // The simulator parses its embedded operation catalog (the generated manifest and schemas, ≈50 MB of
        // JSON nodes) once per process and keeps it: load it before the baseline, so that a scenario run first
        // does not count the simulator's cache as the client's leak.
        _ = GenesysCloud.Extensions.Simulator.SimulatorCatalog.Embedded;
        Collect();
        MemoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        _peakMemory = MemoryBefore;
        ThreadsBefore = ProcessThreads();
        SocketsBefore = CountSockets();
        TaskScheduler.UnobservedTaskException += OnUnobserved;
    }

    public long MemoryBefore { get; }

    public int ThreadsBefore { get; }

    public int SocketsBefore { get; }

    public long PeakMemory => Interlocked.Read(ref _peakMemory);

    public TimeSpan Elapsed => _elapsed.Elapsed;

    public static LeakProbe Start() => new();

    /// <summary>Samples managed memory (call it at the busiest moments).</summary>
    public void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peakMemory)) && Interlocked.CompareExchange(ref _peakMemory, now, seen) != seen)
        {
        }
    }

    /// <summary>Collects garbage (finalizing abandoned tasks), then checks and returns the counts.</summary>
    public LeakReport Finish(int threadSlack = 40, long memorySlackBytes = 48L * 1024 * 1024)
    {
        var elapsed = _elapsed.Elapsed;
        Collect();
        TaskScheduler.UnobservedTaskException -= OnUnobserved;
        var report = new LeakReport(
            elapsed,
            MemoryBefore,
            PeakMemory,
            GC.GetTotalMemory(forceFullCollection: true),
            ThreadsBefore,
            ProcessThreads(),
            SocketsBefore,
            CountSockets(),
            [.. _unobserved]);

        Assert.True(report.Unobserved.Count == 0, "Unobserved task exceptions:\n" + string.Join("\n---\n", report.Unobserved));
        Assert.True(report.ThreadsAfter <= report.ThreadsBefore + threadSlack, $"Threads: {report.ThreadsBefore} before, {report.ThreadsAfter} after.");
        if (report.SocketsBefore >= 0)
        {
            Assert.True(report.SocketsAfter <= report.SocketsBefore, $"Sockets: {report.SocketsBefore} before, {report.SocketsAfter} after.");
        }

        Assert.True(report.MemoryAfter - report.MemoryBefore < memorySlackBytes, $"Memory: {report.MemoryBefore:N0} bytes before, {report.MemoryAfter:N0} after.");
        return report;
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    internal static int CountSockets()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked at it.
            }
        }

        return count;
    }

    private static int ProcessThreads()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }

    private static void Collect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        lock (_unobserved)
        {
            _unobserved.Add(e.Exception.ToString());
        }
    }
}

internal sealed record LeakReport(
    TimeSpan Elapsed,
    long MemoryBefore,
    long PeakMemory,
    long MemoryAfter,
    int ThreadsBefore,
    int ThreadsAfter,
    int SocketsBefore,
    int SocketsAfter,
    IReadOnlyList<string> Unobserved)
{
    public string Summary =>
        $"time {Elapsed.TotalSeconds:F2} s; managed memory {Mb(MemoryBefore)} → peak {Mb(PeakMemory)} → {Mb(MemoryAfter)} MB; " +
        $"threads {ThreadsBefore} → {ThreadsAfter}; sockets {SocketsBefore} → {SocketsAfter}; unobserved {Unobserved.Count}";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
