using System.Globalization;
using GenesysCloud.Extensions.Simulator.Faults;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// The faults a running simulator applies, in the order they were added; the first active one matching a request wins.
/// Thread-safe; also reachable over HTTP under <c>/_simulator/faults</c>.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly object _gate = new();
    private readonly List<ActiveFault> _faults = [];
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private int _nextId;

    internal SimulatorFaults(TimeProvider timeProvider, int seed)
    {
        _timeProvider = timeProvider;

        // Seeded apart from the organization and latency so adding latency does not change which calls fail.
        _random = new Random(unchecked(seed * 31 + 17));
    }

    /// <summary>Gets the number of faults still active.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                RemoveExpired(_timeProvider.GetUtcNow());
                return _faults.Count;
            }
        }
    }

    /// <summary>Adds a fault and returns its id, for <see cref="Remove"/>.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The id of the fault.</returns>
    public string Add(SimulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Probability is < 0 or > 1 || double.IsNaN(fault.Probability))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Probability, "Probability must be between 0 and 1.");
        }

        if (fault.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Count, "Count must be positive or null.");
        }

        var path = FaultPathPattern.Parse(fault.Path);
        lock (_gate)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            _faults.Add(new ActiveFault(id, fault, path, _timeProvider.GetUtcNow() + fault.Duration));
            return id;
        }
    }

    /// <summary>Answers 429 to every request for <paramref name="duration"/>.</summary>
    /// <param name="duration">How long the storm lasts.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> to send; by default the time left in the storm.</param>
    /// <returns>The id of the fault.</returns>
    public string AddRateLimitStorm(TimeSpan duration, TimeSpan? retryAfter = null) =>
        Add(new SimulatorFault { StatusCode = 429, Count = null, Duration = duration, RetryAfter = retryAfter });

    /// <summary>Removes the fault with <paramref name="id"/>.</summary>
    /// <param name="id">The id <see cref="Add"/> returned.</param>
    /// <returns><see langword="true"/> when it was active.</returns>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _faults.RemoveAll(f => f.Id == id) > 0;
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    internal IReadOnlyList<ActiveFault> Snapshot()
    {
        lock (_gate)
        {
            RemoveExpired(_timeProvider.GetUtcNow());
            return [.. _faults];
        }
    }

    /// <summary>Finds the fault for a request and uses it up; <see langword="null"/> when the request is left alone.</summary>
    internal FaultMatch? Take(string method, string path, string? organization)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            RemoveExpired(now);
            foreach (var active in _faults)
            {
                var fault = active.Fault;
                if ((fault.Method is not null && !string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase))
                    || (fault.Organization is not null && !string.Equals(fault.Organization, organization, StringComparison.OrdinalIgnoreCase))
                    || !active.Path.IsMatch(path))
                {
                    continue;
                }

                if (fault.Probability < 1 && _random.NextDouble() >= fault.Probability)
                {
                    continue;
                }

                if (active.Remaining is { } remaining)
                {
                    active.Remaining = remaining - 1;
                    if (remaining == 1)
                    {
                        _faults.Remove(active);
                    }
                }

                var status = fault.StatusCodes is { Count: > 0 } statuses
                    ? statuses[_random.Next(statuses.Count)]
                    : fault.StatusCode ?? (fault.Kind == SimulatorFaultKind.Status ? 500 : 200);
                return new FaultMatch(fault, status, active.ExpiresAt - now);
            }

            return null;
        }
    }

    private void RemoveExpired(DateTimeOffset now) => _faults.RemoveAll(f => f.ExpiresAt <= now);
}
