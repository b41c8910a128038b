namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>A channel's socket could not be opened because the channel no longer exists (expired, or stopped with its token).</summary>
internal sealed class ChannelGoneException(ChannelRecord channel, Exception innerException)
    : Exception($"The notification channel {channel.Id} no longer exists.", innerException)
{
    public ChannelRecord Channel { get; } = channel;
}
