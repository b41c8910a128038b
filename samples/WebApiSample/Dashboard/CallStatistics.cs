using GenesysCloud.Extensions.Telemetry;

namespace WebApiSample.Dashboard;

/// <summary>
/// The live figures of the dashboard page, fed by the client's .NET events (<see cref="GenesysCloudClientEvents"/>):
/// call counts, the call rate and latency percentiles over a sliding window, 429 suspensions, token refreshes,
/// retries and the backlog's peak. The events belong to this application's container, so two applications in
/// one process (tests) never mix their figures, which a process-wide <c>MeterListener</c> would.
/// A hosted service only so that it subscribes before the client connects (and sees the first token request).
/// </summary>
public sealed class CallStatistics : IHostedService, IDisposable
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LatencyWindow = TimeSpan.FromSeconds(30);
    private const int MaxSamples = 20_000;

    private readonly GenesysCloudClientEvents _events;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Queue<(long Timestamp, double Milliseconds)> _samples = new();
    private long _completed;
    private long _failed;
    private long _suspensions;
    private double _suspendedSeconds;
    private double? _lastSuspensionSeconds;
    private long _tokenRefreshes;
    private long _tokenRefreshFailures;
    private long _retries;
    private int _peakBacklog;
    private int _peakInFlight;

    public CallStatistics(GenesysCloudClientEvents events, TimeProvider time)
    {
        _events = events;
        _time = time;
        _events.CallEnded += OnCallEnded;
        _events.RateLimited += OnRateLimited;
        _events.TokenRefreshed += OnTokenRefreshed;
        _events.Retried += OnRetried;
        _events.BacklogChanged += OnBacklogChanged;
        _events.InFlightChanged += OnInFlightChanged;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _events.CallEnded -= OnCallEnded;
        _events.RateLimited -= OnRateLimited;
        _events.TokenRefreshed -= OnTokenRefreshed;
        _events.Retried -= OnRetried;
        _events.BacklogChanged -= OnBacklogChanged;
        _events.InFlightChanged -= OnInFlightChanged;
    }

    public CallStatisticsSnapshot Snapshot()
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            Trim(now);
            var recent = 0;
            var latencies = new double[_samples.Count];
            var i = 0;
            foreach (var (timestamp, milliseconds) in _samples)
            {
                latencies[i++] = milliseconds;
                if (_time.GetElapsedTime(timestamp, now) <= RateWindow)
                {
                    recent++;
                }
            }

            Array.Sort(latencies);
            return new CallStatisticsSnapshot(
                Completed: _completed,
                Failed: _failed,
                CallsPerSecond: recent / RateWindow.TotalSeconds,
                P50Milliseconds: Percentile(latencies, 0.50),
                P95Milliseconds: Percentile(latencies, 0.95),
                P99Milliseconds: Percentile(latencies, 0.99),
                RateLimitSuspensions: _suspensions,
                RateLimitSuspendedSeconds: _suspendedSeconds,
                LastRateLimitSuspensionSeconds: _lastSuspensionSeconds,
                TokenRefreshes: _tokenRefreshes,
                TokenRefreshFailures: _tokenRefreshFailures,
                Retries: _retries,
                PeakBacklog: _peakBacklog,
                PeakInFlight: _peakInFlight);
        }
    }

    private static double? Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? null : Math.Round(sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1], 1);

    private void OnCallEnded(object? sender, GenesysCloudCallEventArgs e)
    {
        lock (_lock)
        {
            if (e.Reason is null)
            {
                _completed++;
            }
            else
            {
                _failed++;
            }

            var now = _time.GetTimestamp();
            _samples.Enqueue((now, e.Duration.TotalMilliseconds));
            Trim(now);
        }
    }

    private void OnRateLimited(object? sender, GenesysCloudTokenEventArgs e)
    {
        lock (_lock)
        {
            _suspensions++;
            _suspendedSeconds += e.Duration.TotalSeconds;
            _lastSuspensionSeconds = e.Duration.TotalSeconds;
        }
    }

    private void OnTokenRefreshed(object? sender, GenesysCloudTokenEventArgs e)
    {
        lock (_lock)
        {
            _tokenRefreshes++;
            if (e.Outcome != "success")
            {
                _tokenRefreshFailures++;
            }
        }
    }

    private void OnRetried(object? sender, GenesysCloudCallEventArgs e) => Interlocked.Increment(ref _retries);

    private void OnBacklogChanged(object? sender, GenesysCloudCallEventArgs e)
    {
        lock (_lock)
        {
            _peakBacklog = Math.Max(_peakBacklog, e.QueueSize);
        }
    }

    private void OnInFlightChanged(object? sender, GenesysCloudCallEventArgs e)
    {
        lock (_lock)
        {
            _peakInFlight = Math.Max(_peakInFlight, e.QueueSize);
        }
    }

    private void Trim(long now)
    {
        while (_samples.Count > 0 && (_samples.Count > MaxSamples || _time.GetElapsedTime(_samples.Peek().Timestamp, now) > LatencyWindow))
        {
            _samples.Dequeue();
        }
    }
}

/// <summary>The dashboard's call figures at one instant.</summary>
public sealed record CallStatisticsSnapshot(
    long Completed,
    long Failed,
    double CallsPerSecond,
    double? P50Milliseconds,
    double? P95Milliseconds,
    double? P99Milliseconds,
    long RateLimitSuspensions,
    double RateLimitSuspendedSeconds,
    double? LastRateLimitSuspensionSeconds,
    long TokenRefreshes,
    long TokenRefreshFailures,
    long Retries,
    int PeakBacklog,
    int PeakInFlight);
