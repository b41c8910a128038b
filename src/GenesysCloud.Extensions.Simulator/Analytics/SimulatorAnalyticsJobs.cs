using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Analytics;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// One organization's asynchronous analytics details jobs (<c>/api/v2/analytics/conversations/details/jobs</c> and
/// <c>/api/v2/analytics/users/details/jobs</c>), and the controls tests use on them: fail or expire a job, or make the next one
/// fail. Thread-safe.
/// </summary>
public sealed class SimulatorAnalyticsJobs
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AnalyticsJob> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AnalyticsJob> _order = [];
    private readonly string _organizationId;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _duration;
    private readonly TimeSpan _resultLifetime;
    private string? _failNext;
    private int _submitted;

    internal SimulatorAnalyticsJobs(string organizationId, AnalyticsDataGenerator generator, TimeProvider timeProvider, TimeSpan duration, TimeSpan resultLifetime)
    {
        _organizationId = organizationId;
        Generator = generator;
        _timeProvider = timeProvider;
        _duration = duration;
        _resultLifetime = resultLifetime;
    }

    /// <summary>Gets a snapshot of the jobs, oldest first.</summary>
    public IReadOnlyList<SimulatorAnalyticsJob> Jobs
    {
        get
        {
            var now = _timeProvider.GetUtcNow();
            lock (_gate)
            {
                return [.. _order.Select(j => new SimulatorAnalyticsJob(j.Id, j.Kind, j.Status(now).State, j.SubmittedAt, (string)j.Query["interval"]!))];
            }
        }
    }

    internal AnalyticsDataGenerator Generator { get; }

    /// <summary>Fails a job now: its status becomes <c>FAILED</c> with <paramref name="errorMessage"/>.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="errorMessage">The <c>errorMessage</c> its status reports.</param>
    /// <returns><see langword="true"/> when the job had not ended yet (fulfilled jobs can still be failed).</returns>
    public bool Fail(string jobId, string errorMessage = "The simulator was told to fail this job.")
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return Find(jobId) is { } job && job.End("FAILED", _timeProvider.GetUtcNow(), errorMessage);
    }

    /// <summary>Expires a job now: its status becomes <c>EXPIRED</c> and its results are gone.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <returns><see langword="true"/> when the job had not ended yet.</returns>
    public bool Expire(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return Find(jobId) is { } job && job.End("EXPIRED", _timeProvider.GetUtcNow());
    }

    /// <summary>Makes the next job submitted to this organization fail when it would have completed, for tests that do not know its id in advance.</summary>
    /// <param name="errorMessage">The <c>errorMessage</c> its status will report.</param>
    public void FailNext(string errorMessage = "The simulator was told to fail this job.")
    {
        ArgumentException.ThrowIfNullOrEmpty(errorMessage);
        Volatile.Write(ref _failNext, errorMessage);
    }

    internal AnalyticsJob Submit(string kind, AnalyticsInterval interval, JsonObject query)
    {
        lock (_gate)
        {
            // Job ids are UUID-shaped, reproducible (organization and sequence number) and unique across organizations.
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_organizationId}/analytics-job/{++_submitted}"));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            var id = new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
            var job = new AnalyticsJob(id, kind, interval, query, _timeProvider.GetUtcNow(), _duration, _resultLifetime, Interlocked.Exchange(ref _failNext, null));
            _jobs[id] = job;
            _order.Add(job);
            return job;
        }
    }

    internal AnalyticsJob? Find(string jobId)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(jobId);
        }
    }
}
