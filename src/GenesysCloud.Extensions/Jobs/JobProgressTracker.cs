namespace GenesysCloud.Extensions.Jobs;

/// <summary>
/// Counts a job's status checks, measures the time since its submission on the host's clock, and turns both into the
/// <see cref="GenesysCloudJobProgress"/> snapshots the caller's <see cref="IProgress{T}"/> receives.
/// </summary>
internal sealed class JobProgressTracker(string jobId, TimeProvider time, long startedAt, IProgress<GenesysCloudJobProgress>? progress)
{
    private int _statusChecks;

    public string JobId { get; } = jobId;

    public GenesysCloudJobState State { get; private set; } = GenesysCloudJobState.Queued;

    public TimeSpan Elapsed => time.GetElapsedTime(startedAt);

    public void StatusChecked(GenesysCloudJobState state)
    {
        State = state;
        Interlocked.Increment(ref _statusChecks);
        Report(0, 0);
    }

    public void PageRead(int pagesRead, long itemsRead) => Report(pagesRead, itemsRead);

    private void Report(int pagesRead, long itemsRead) =>
        progress?.Report(new GenesysCloudJobProgress(JobId, State, Elapsed, Volatile.Read(ref _statusChecks), pagesRead, itemsRead));
}
