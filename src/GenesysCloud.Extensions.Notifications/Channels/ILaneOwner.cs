namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>What a <see cref="ChannelLane"/> hands to the subscription table: events, and topics Genesys Cloud rejected.</summary>
internal interface ILaneOwner
{
    /// <summary>Routes an event (already de-duplicated) to its consumers.</summary>
    void Deliver(NotificationFrame frame);

    /// <summary>Genesys Cloud rejected these topics (topic → reason); they are no longer subscribed.</summary>
    void Rejected(ChannelLane lane, IReadOnlyDictionary<string, string> topics);
}
