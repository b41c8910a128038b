using System.Diagnostics;

namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>Samples managed memory, working set and thread counts every 20 ms on a dedicated thread, keeping the peaks.</summary>
internal sealed class ResourceSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;

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
        _stop = true;
        _thread.Join();
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Run()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop)
        {
            process.Refresh();
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
            PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, process.WorkingSet64);
            PeakThreadPoolThreads = Math.Max(PeakThreadPoolThreads, ThreadPool.ThreadCount);
            PeakProcessThreads = Math.Max(PeakProcessThreads, process.Threads.Count);
            Thread.Sleep(20);
        }
    }
}
