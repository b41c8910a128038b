
namespace GenesysCloud.Extensions.Simulator.Faults;

/// <summary>Delays each request by a fixed time or a uniform draw from a range, on the simulator's clock and seeded generator.</summary>
internal sealed class LatencySimulator
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly SimulatorInspector _inspector;

    public LatencySimulator(TimeSpan min, TimeSpan max, int seed, TimeProvider timeProvider, SimulatorInspector inspector)
    {
        _inspector = inspector;
        _min = min < TimeSpan.Zero ? TimeSpan.Zero : min;
        _max = max < _min ? _min : max;
        _timeProvider = timeProvider;
        _random = new Random(unchecked(seed * 31 + 7));
    }

    public TimeSpan Next()
    {
        if (_max == _min)
        {
            return _min;
        }

        double sample;
        lock (_random)
        {
            sample = _random.NextDouble();
        }

        return _min + ((_max - _min) * sample);
    }

    public Task DelayAsync(CancellationToken cancellationToken)
    {
        var delay = Next();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : ClockDelay.WaitAsync(delay, _timeProvider, _inspector, cancellationToken);
    }
}
