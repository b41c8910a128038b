using System.Globalization;
using GenesysCloud.Extensions.Coordination;
using StackExchange.Redis;

namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>
/// The fleet's budgets and suspensions in Redis: reservations and observations run as Lua scripts against one hash per
/// slot, a suspension is a key that expires when it ends plus a message that wakes every replica at once. While Redis is
/// unavailable <see cref="IsShared"/> is <see langword="false"/> and every answer is local.
/// </summary>
internal sealed class RedisRateCoordinator : IGenesysCloudRateCoordinator, IDisposable
{
    private readonly RedisFleet _fleet;

    public RedisRateCoordinator(RedisFleet fleet)
    {
        _fleet = fleet;
        fleet.ModeChanged += OnModeChanged;
        fleet.MessageReceived += OnMessage;
    }

    public event EventHandler? ModeChanged;

    public event EventHandler<GenesysCloudFleetSuspensionEventArgs>? SuspensionReceived;

    public bool IsShared => _fleet.IsAvailable;

    public async ValueTask<GenesysCloudRateGrant> ReserveAsync(int slot, int count, int allowed, TimeSpan window, CancellationToken cancellationToken)
    {
        var keys = _fleet.Keys;
        var (ok, result) = await _fleet.TryAsync(db => db.ScriptEvaluateAsync(
            RedisScripts.Reserve,
            [keys.Budget(slot), keys.Suspension(slot)],
            [count, allowed, _fleet.NowMs, (long)window.TotalMilliseconds])).ConfigureAwait(false);
        if (!ok)
        {
            return GenesysCloudRateGrant.Local;
        }

        var values = (RedisResult[])result!;
        var suspended = (long)values[2];
        return new GenesysCloudRateGrant(
            (int)(long)values[0],
            DateTimeOffset.FromUnixTimeMilliseconds((long)values[1]),
            suspended > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(suspended) : null);
    }

    public void Observe(int slot, GenesysCloudRateObservation observation)
    {
        var keys = _fleet.Keys;
        _ = _fleet.TryAsync(db => db.ScriptEvaluateAsync(
            RedisScripts.Observe,
            [keys.Budget(slot)],
            [observation.Allowed, observation.Count, observation.ResetNotBefore.ToUnixTimeMilliseconds(), observation.ResetAt.ToUnixTimeMilliseconds(), _fleet.NowMs, observation.UnreservedStarts]));
    }

    public async ValueTask<bool> SuspendAsync(int slot, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var keys = _fleet.Keys;
        var untilMs = until.ToUnixTimeMilliseconds();
        var now = _fleet.NowMs;
        if (untilMs <= now)
        {
            return false;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"s|{slot}|{untilMs}");
        var (ok, result) = await _fleet.TryAsync(db => db.ScriptEvaluateAsync(
            RedisScripts.Suspend, [keys.Suspension(slot)], [untilMs, now, (RedisValue)keys.Events.ToString(), message])).ConfigureAwait(false);

        // Without Redis the episode is this replica's own.
        return !ok || (long)result! == 1;
    }

    public void Dispose()
    {
        _fleet.ModeChanged -= OnModeChanged;
        _fleet.MessageReceived -= OnMessage;
    }

    private void OnModeChanged(object? sender, EventArgs e) => ModeChanged?.Invoke(this, EventArgs.Empty);

    private void OnMessage(string message)
    {
        var parts = message.Split('|');
        if (parts.Length == 3 && parts[0] == "s" &&
            int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var slot) &&
            long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var until))
        {
            SuspensionReceived?.Invoke(this, new GenesysCloudFleetSuspensionEventArgs(slot, DateTimeOffset.FromUnixTimeMilliseconds(until)));
        }
    }
}
