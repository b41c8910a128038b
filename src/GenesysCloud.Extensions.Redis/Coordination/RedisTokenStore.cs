using System.Collections.Concurrent;
using System.Text.Json;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.Redis.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>
/// The fleet's tokens in Redis: one per slot, stored protected (Data Protection) with its expiry as the key's, obtained
/// by the one replica holding the slot's refresh lock (<c>SET NX PX</c>; a dead holder delays the others at most
/// <c>TokenLockDuration</c>) while the others wait for its wake-up message. Each replica renews a lease on the slots it
/// uses; the last one to release deletes the token. In local mode the replica obtains its own token, and deletes on stop
/// only a token it obtained itself.
/// </summary>
internal sealed class RedisTokenStore : IGenesysCloudTokenStore, IDisposable
{
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(200);
    private readonly RedisFleet _fleet;
    private readonly IDataProtector _protector;
    private readonly RedisMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ITimer _heartbeat;
    private readonly ConcurrentDictionary<int, bool> _shared = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _issued = new();

    public RedisTokenStore(RedisFleet fleet, IDataProtector protector, RedisMetrics metrics, ILogger logger)
    {
        _fleet = fleet;
        _protector = protector;
        _metrics = metrics;
        _logger = logger;
        var period = fleet.Options.LeaseDuration / 3;
        _heartbeat = fleet.Time.CreateTimer(static s => _ = ((RedisTokenStore)s!).RenewLeasesAsync(), this, period, period);
        fleet.MessageReceived += OnMessage;
    }

    public async ValueTask<GenesysCloudToken> GetTokenAsync(int slot, string? replaced, Func<CancellationToken, ValueTask<GenesysCloudToken>> issue, CancellationToken cancellationToken)
    {
        var keys = _fleet.Keys;
        var deadline = _fleet.Time.GetUtcNow() + _fleet.Options.TokenLockDuration + _fleet.Options.OperationTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var signal = _issued.GetOrAdd(slot, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var (ok, stored) = await _fleet.TryAsync(db => db.StringGetAsync(keys.Token(slot))).ConfigureAwait(false);
            if (!ok)
            {
                return await IssueLocallyAsync(slot, issue, cancellationToken).ConfigureAwait(false);
            }

            if (Read(slot, stored) is { } token && token.Value != replaced)
            {
                await RenewLeaseAsync(slot).ConfigureAwait(false);
                _shared[slot] = true;
                _metrics.TokensShared.Add(1, RedisMetrics.Tags(_fleet.ClientName));
                RedisLog.TokenShared(_logger, _fleet.ClientName, slot);
                return token;
            }

            var lockTime = _fleet.Options.TokenLockDuration;
            var (locked, acquired) = await _fleet.TryAsync(db => db.StringSetAsync(keys.TokenLock(slot), _fleet.ReplicaId, lockTime, When.NotExists)).ConfigureAwait(false);
            if (!locked)
            {
                return await IssueLocallyAsync(slot, issue, cancellationToken).ConfigureAwait(false);
            }

            if (acquired)
            {
                return await IssueForFleetAsync(slot, replaced, issue, cancellationToken).ConfigureAwait(false);
            }

            // Another replica is obtaining the token: wait for its wake-up (or a step, in case the message is lost), at
            // most the lock's life, after which its lock has expired and this replica may take it.
            if (_fleet.Time.GetUtcNow() > deadline)
            {
                return await IssueLocallyAsync(slot, issue, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await signal.Task.WaitAsync(WaitStep, _fleet.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // poll again
            }
        }
    }

    public async ValueTask<bool> ReleaseAsync(int slot, CancellationToken cancellationToken)
    {
        var shared = _shared.TryRemove(slot, out var wasShared) && wasShared;
        var keys = _fleet.Keys;
        if (!shared)
        {
            // A token this replica obtained for itself (in local mode): its own to delete; only its lease goes.
            await _fleet.TryAsync(db => db.SortedSetRemoveAsync(keys.Leases(slot), _fleet.ReplicaId)).ConfigureAwait(false);
            return true;
        }

        var (ok, result) = await _fleet.TryAsync(db => db.ScriptEvaluateAsync(
            RedisScripts.Release, [keys.Leases(slot), keys.Token(slot)], [_fleet.ReplicaId, _fleet.NowMs])).ConfigureAwait(false);
        if (!ok)
        {
            // Without Redis this replica cannot know who else uses the shared token: it is left to expire.
            return false;
        }

        var last = (long)result! == 1;
        if (!last)
        {
            RedisLog.TokenKept(_logger, _fleet.ClientName, slot);
        }

        return last;
    }

    public void Dispose()
    {
        _fleet.MessageReceived -= OnMessage;
        _heartbeat.Dispose();
    }

    private async Task<GenesysCloudToken> IssueForFleetAsync(int slot, string? replaced, Func<CancellationToken, ValueTask<GenesysCloudToken>> issue, CancellationToken cancellationToken)
    {
        var keys = _fleet.Keys;
        try
        {
            // Another replica may have stored a token between the read and the lock.
            var (ok, stored) = await _fleet.TryAsync(db => db.StringGetAsync(keys.Token(slot))).ConfigureAwait(false);
            if (ok && Read(slot, stored) is { } current && current.Value != replaced)
            {
                await RenewLeaseAsync(slot).ConfigureAwait(false);
                _shared[slot] = true;
                return current;
            }

            var token = await issue(cancellationToken).ConfigureAwait(false);
            var ttl = token.ExpiresAt - _fleet.Time.GetUtcNow();
            if (ttl > TimeSpan.Zero)
            {
                var payload = _protector.Protect(JsonSerializer.Serialize(new StoredToken(token.Value, token.ExpiresAt.ToUnixTimeMilliseconds())));
                var (stored2, _) = await _fleet.TryAsync(db => db.StringSetAsync(keys.Token(slot), payload, ttl)).ConfigureAwait(false);
                _shared[slot] = stored2;
                await _fleet.TryAsync(db => db.PublishAsync(keys.Events, "t|" + slot)).ConfigureAwait(false);
            }

            await RenewLeaseAsync(slot).ConfigureAwait(false);
            RedisLog.TokenIssued(_logger, _fleet.ClientName, slot);
            return token;
        }
        finally
        {
            await _fleet.TryAsync(db => db.ScriptEvaluateAsync(RedisScripts.Unlock, [keys.TokenLock(slot)], [_fleet.ReplicaId])).ConfigureAwait(false);
        }
    }

    private async Task<GenesysCloudToken> IssueLocallyAsync(int slot, Func<CancellationToken, ValueTask<GenesysCloudToken>> issue, CancellationToken cancellationToken)
    {
        var token = await issue(cancellationToken).ConfigureAwait(false);
        _shared[slot] = false;
        return token;
    }

    private GenesysCloudToken? Read(int slot, RedisValue stored)
    {
        if (stored.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            var token = JsonSerializer.Deserialize<StoredToken>(_protector.Unprotect(stored.ToString()));
            var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(token!.ExpiresAt);
            return expiresAt > _fleet.Time.GetUtcNow() + _fleet.Options.OperationTimeout && !string.IsNullOrEmpty(token.Value) ? new GenesysCloudToken(token.Value, expiresAt) : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            RedisLog.TokenUnreadable(_logger, _fleet.ClientName, slot, ex);
            return null;
        }
    }

    private Task RenewLeaseAsync(int slot)
    {
        var keys = _fleet.Keys;
        var lease = _fleet.Options.LeaseDuration;
        var expires = _fleet.NowMs + (long)lease.TotalMilliseconds;
        return _fleet.TryAsync(async db =>
        {
            var added = await db.SortedSetAddAsync(keys.Leases(slot), _fleet.ReplicaId, expires).ConfigureAwait(false);
            await db.KeyExpireAsync(keys.Leases(slot), lease * 2).ConfigureAwait(false);
            return added;
        });
    }

    private async Task RenewLeasesAsync()
    {
        foreach (var (slot, shared) in _shared)
        {
            if (shared)
            {
                await RenewLeaseAsync(slot).ConfigureAwait(false);
            }
        }
    }

    private void OnMessage(string message)
    {
        if (message.StartsWith("t|", StringComparison.Ordinal) && int.TryParse(message.AsSpan(2), out var slot) && _issued.TryRemove(slot, out var signal))
        {
            signal.TrySetResult();
        }
    }

    private sealed record StoredToken(string Value, long ExpiresAt);
}
