using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Notifications.Telemetry;

/// <summary>
/// Every log message of the notifications client, source-generated. None takes a token: channels are named by id, and a
/// connect URI only by its host (its query, where a token could travel, is never logged).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Notification channel {ChannelId} created ({Reason}); it expires at {Expires:o}.")]
    public static partial void ChannelCreated(ILogger logger, string channelId, string reason, DateTimeOffset expires);

    [LoggerMessage(2, LogLevel.Information, "Notification channel {ChannelId} reused ({Reason}).")]
    public static partial void ChannelReused(ILogger logger, string channelId, string reason);

    [LoggerMessage(3, LogLevel.Debug, "Notification socket of channel {ChannelId} connected to {Host}.")]
    public static partial void SocketConnected(ILogger logger, string channelId, string host);

    [LoggerMessage(4, LogLevel.Warning, "Notification socket of channel {ChannelId} ended ({Reason}): {Detail}")]
    public static partial void SocketEnded(ILogger logger, string channelId, string reason, string detail);

    [LoggerMessage(5, LogLevel.Warning, "Notification channel group {Group} failed to connect (attempt {Attempt}); retrying in {Delay}: {Error}")]
    public static partial void Reconnecting(ILogger logger, int group, int attempt, TimeSpan delay, string error);

    [LoggerMessage(6, LogLevel.Information, "Notification channel {OldChannelId} hands over to {NewChannelId} ({Reason}, {TopicCount} topics).")]
    public static partial void HandoverStarted(ILogger logger, string oldChannelId, string newChannelId, string reason, int topicCount);

    [LoggerMessage(7, LogLevel.Information, "Notification channel {OldChannelId} retired; {Duplicates} duplicate events discarded so far.")]
    public static partial void HandoverCompleted(ILogger logger, string oldChannelId, long duplicates);

    [LoggerMessage(8, LogLevel.Debug, "Notification channel {ChannelId} subscribed {TopicCount} topics.")]
    public static partial void TopicsApplied(ILogger logger, string channelId, int topicCount);

    [LoggerMessage(9, LogLevel.Error, "Genesys Cloud rejected the notification topic {Topic}: {Reason}")]
    public static partial void TopicRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(10, LogLevel.Error, "Notification handler {Handler} failed on an event of {TopicPattern}; the next event is handled as usual.")]
    public static partial void HandlerFailed(ILogger logger, string handler, string topicPattern, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "The buffer of {Handler} is full ({Capacity} events): the oldest waiting event was dropped; more drops are counted, not logged, until it drains.")]
    public static partial void BufferOverflow(ILogger logger, string handler, int capacity);

    [LoggerMessage(12, LogLevel.Error, "An event of {TopicPattern} could not be read as {EventType}; it is counted in genesyscloud.notifications.events.unreadable.")]
    public static partial void UnreadableEvent(ILogger logger, string topicPattern, string eventType, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Notification socket of channel {ChannelId} was silent for {Quiet}; sent a ping.")]
    public static partial void PingSent(ILogger logger, string channelId, TimeSpan quiet);

    [LoggerMessage(14, LogLevel.Information, "Genesys Cloud will close the socket of channel {ChannelId} (socket closing warning); handing over to a new channel.")]
    public static partial void ClosingWarning(ILogger logger, string channelId);

    [LoggerMessage(15, LogLevel.Warning, "All {MaxChannels} notification channels exist; waiting for one to expire before creating another.")]
    public static partial void WaitingForChannel(ILogger logger, int maxChannels);

    [LoggerMessage(16, LogLevel.Warning, "Removing the subscriptions of notification channel {ChannelId} failed: {Error}")]
    public static partial void UnsubscribeFailed(ILogger logger, string channelId, string error);

    [LoggerMessage(17, LogLevel.Debug, "Ignored a notification message on channel {ChannelId}: {Reason}")]
    public static partial void MessageIgnored(ILogger logger, string channelId, string reason);

    [LoggerMessage(18, LogLevel.Information, "The access token was refreshed; renewing {Count} notification channels created with the previous one.")]
    public static partial void TokenRefreshed(ILogger logger, int count);

    [LoggerMessage(19, LogLevel.Warning, "Notification channel {ChannelId} no longer exists; creating another.")]
    public static partial void ChannelGone(ILogger logger, string channelId);

    [LoggerMessage(20, LogLevel.Warning, "Checking notification channel {ChannelId} failed: {Error}")]
    public static partial void ProbeFailed(ILogger logger, string channelId, string error);

    [LoggerMessage(21, LogLevel.Information, "Notifications stopped: subscriptions of {Count} channels removed, sockets closed.")]
    public static partial void Stopped(ILogger logger, int count);

    [LoggerMessage(22, LogLevel.Warning, "Renewing notification channel {ChannelId} ({Reason}) failed; retrying: {Error}")]
    public static partial void HandoverFailed(ILogger logger, string channelId, string reason, string error);
}
