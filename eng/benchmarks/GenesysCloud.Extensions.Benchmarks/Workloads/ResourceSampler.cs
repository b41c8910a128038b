using System.Diagnostics;

namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>Samples managed memory, working set and thread counts every 20 ms on a dedicated thread, keeping the peaks.</summary>
/// <remarks>
/// A dedicated thread rather than a timer: a thread-pool callback would be starved exactly when the pool is busiest
/// and would itself add to the thread-pool counts being measured. It waits on the stop signal between samples.
/// </remarks>
internal sealed class ResourceSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();

    public ResourceSampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "benchmark resource sampler" };
        _thread.Start();
    }

    public long PeakManagedBytes { get; private set; }

    public long PeakWorkingSetBytes { get; private set; }

    public int PeakThreadPoolThreads { get; private set; }

    public int PeakProcessThreads { get; private set; }

    public void Stop()
    {
        _stop.Set();
        _thread.Join();
    }

    public void Dispose()
    {
        if (!_stop.IsSet)
        {
            Stop();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        using var process = Process.GetCurrentProcess();
        do
        {
            process.Refresh();
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
            PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, process.WorkingSet64);
            PeakThreadPoolThreads = Math.Max(PeakThreadPoolThreads, ThreadPool.ThreadCount);
            PeakProcessThreads = Math.Max(PeakProcessThreads, process.Threads.Count);
        }
        while (!_stop.Wait(20));
    }
}
