using System.Collections.Concurrent;
using GenesysCloud.Extensions.Jobs;

namespace GenesysCloud.Extensions.Tests.Jobs;

/// <summary>
/// An <see cref="IProgress{T}"/> that records every report synchronously, in order (unlike <see cref="Progress{T}"/>,
/// which posts them), and can act on a report (fail, expire or cancel the job the moment it is seen).
/// </summary>
internal sealed class ProgressLog(Action<GenesysCloudJobProgress>? onReport = null) : IProgress<GenesysCloudJobProgress>
{
    private readonly ConcurrentQueue<GenesysCloudJobProgress> _reports = new();

    public IReadOnlyList<GenesysCloudJobProgress> Reports => [.. _reports];

    public void Report(GenesysCloudJobProgress value)
    {
        _reports.Enqueue(value);
        onReport?.Invoke(value);
    }
}
