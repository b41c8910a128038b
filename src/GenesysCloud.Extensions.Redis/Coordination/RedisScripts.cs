namespace GenesysCloud.Extensions.Redis.Coordination;

/// <summary>
/// The Lua scripts of fleet mode: each runs atomically in Redis, so replicas never race on a budget, a suspension or a
/// lease. Times are Unix milliseconds.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// Reserves starts in the fleet's window. KEYS: budget, suspension. ARGV: wanted, allowed, now, window length. A window
    /// whose reset passed rolls to one ending no earlier than now plus the window (the server starts its next window with
    /// the first request after the reset). Returns { granted, window end, suspended until (0 when not) }.
    /// </summary>
    public const string Reserve = """
        local now = tonumber(ARGV[3])
        local suspended = tonumber(redis.call('GET', KEYS[2]) or '0')
        local reset = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
        if suspended > now then
          return { 0, reset, suspended }
        end
        local used = tonumber(redis.call('HGET', KEYS[1], 'used') or '0')
        if now >= reset then
          redis.call('HSET', KEYS[1], 'prev', reset, 'confirmed', 0)
          reset = now + tonumber(ARGV[4])
          used = 0
        end
        local granted = math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - used)
        if granted < 0 then granted = 0 end
        redis.call('HSET', KEYS[1], 'used', used + granted, 'reset', reset, 'allowed', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], reset - now + 60000)
        return { granted, reset, 0 }
        """;

    /// <summary>
    /// Learns from an answer's budget headers. KEYS: budget. ARGV: allowed, count, reset not before, reset at, now,
    /// unreserved starts. An answer sent after the fleet's window ended starts the server's window the fleet had not rolled
    /// into; one of the current window adds the replica's unreserved starts (which no reservation counted) and raises the
    /// count to the server's, replaces a rolled (guessed) reset, and otherwise keeps the earliest certain reset; one of an
    /// ended window is ignored.
    /// </summary>
    public const string Observe = """
        local count = tonumber(ARGV[2])
        local lower = tonumber(ARGV[3])
        local upper = tonumber(ARGV[4])
        local reset = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
        local prev = tonumber(redis.call('HGET', KEYS[1], 'prev') or '0')
        if lower > reset then
          redis.call('HSET', KEYS[1], 'prev', reset, 'reset', upper, 'used', count, 'confirmed', 1, 'allowed', ARGV[1])
        elseif lower > prev then
          local used = tonumber(redis.call('HGET', KEYS[1], 'used') or '0') + tonumber(ARGV[6])
          redis.call('HSET', KEYS[1], 'used', math.max(used, count))
          if redis.call('HGET', KEYS[1], 'confirmed') ~= '1' then
            redis.call('HSET', KEYS[1], 'reset', upper, 'confirmed', 1)
          elseif upper < reset then
            redis.call('HSET', KEYS[1], 'reset', upper)
          end
        else
          return 0
        end
        redis.call('PEXPIRE', KEYS[1], math.max(upper - tonumber(ARGV[5]), 0) + 60000)
        return 1
        """;

    /// <summary>
    /// Suspends a slot fleet-wide. KEYS: suspension. ARGV: until, now, channel, message. Extends a running suspension,
    /// never shortens it, and publishes the wake-up. Returns 1 when this starts the fleet's episode.
    /// </summary>
    public const string Suspend = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local untilMs = tonumber(ARGV[1])
        if current >= untilMs then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', untilMs - tonumber(ARGV[2]))
        redis.call('PUBLISH', ARGV[3], ARGV[4])
        if current > tonumber(ARGV[2]) then return 0 end
        return 1
        """;

    /// <summary>Releases a lock only if this replica still owns it. KEYS: lock. ARGV: owner.</summary>
    public const string Unlock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>
    /// Ends a replica's lease on a token. KEYS: leases, token. ARGV: replica, now. Expired leases (crashed replicas) are
    /// dropped; when no live lease remains the shared token is removed. Returns 1 when the caller should delete the token.
    /// </summary>
    public const string Release = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
        if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
        redis.call('DEL', KEYS[2])
        return 1
        """;
}
