using System.Collections.Concurrent;
using System.Diagnostics;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Tests.Fakes;

/// <summary>
/// Records every stopped activity of this library's and HttpClient's sources. Listeners are process-wide, so
/// tests pick their own spans by a unique attribute.
/// </summary>
internal sealed class ActivityCollector : IDisposable
{
    private readonly ActivityListener _listener;

    public ActivityCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GenesysCloudTelemetryNames.SourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    public void Dispose() => _listener.Dispose();
}
