namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>What wakes a channel group's loop.</summary>
internal enum LaneSignalKind
{
    /// <summary>Topics were added or removed.</summary>
    TopicsChanged,

    /// <summary>A socket ended.</summary>
    SocketEnded,

    /// <summary>The channel should hand over to a new one (expiring, token refreshed, socket closing warning).</summary>
    Renew,

    /// <summary>The channel no longer exists.</summary>
    ChannelGone,
}

/// <summary>One wake-up of a channel group's loop, with the socket or channel it concerns (stale ones are ignored).</summary>
internal sealed record LaneSignal(LaneSignalKind Kind, string? Reason = null, ChannelSocket? Socket = null, ChannelRecord? Channel = null);
