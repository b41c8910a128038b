namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>
/// De-duplicates the events of a handover. While the old and the new channel both carry the topics, an event Genesys
/// publishes arrives on both: the second copy — same topic and correlation id (or body), another channel — is a
/// duplicate. A repeat on the same channel is a delivery of its own and passes. It keeps recognizing copies for
/// <c>DeduplicationWindow</c> after the old channel closed, then stops (and lets go of its keys).
/// </summary>
internal sealed class HandoverDeduplicator(TimeProvider time, int capacity = 100_000)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private long _endsAt = long.MaxValue;

    /// <summary>Gets a value indicating whether the window has passed: no more duplicates can arrive.</summary>
    public bool Expired => time.GetTimestamp() > Volatile.Read(ref _endsAt);

    /// <summary>Whether the event is the second copy of one already delivered from the other channel.</summary>
    public bool IsDuplicate(NotificationFrame frame)
    {
        if (Expired)
        {
            return false;
        }

        var key = frame.DeduplicationKey;
        lock (_gate)
        {
            if (_seen.TryGetValue(key, out var channelId))
            {
                if (!string.Equals(channelId, frame.ChannelId, StringComparison.Ordinal))
                {
                    // Each channel delivers an event once: no third copy will come.
                    _seen.Remove(key);
                    return true;
                }

                return false;
            }

            if (_order.Count >= capacity && _order.TryDequeue(out var oldest))
            {
                _seen.Remove(oldest);
            }

            _seen[key] = frame.ChannelId;
            _order.Enqueue(key);
            return false;
        }
    }

    /// <summary>The old channel closed: duplicates can still arrive on the new one for <paramref name="window"/>.</summary>
    public void End(TimeSpan window) => Volatile.Write(ref _endsAt, time.GetTimestamp() + (long)(window.TotalSeconds * time.TimestampFrequency));
}
