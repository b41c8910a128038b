namespace GenesysCloud.Extensions.Simulator;

/// <summary>An event the simulator published: its number (in publication order, from 1), topic and correlation id.</summary>
/// <param name="Sequence">The event's number; also in its <c>metadata.sequence</c>.</param>
/// <param name="Topic">The topic.</param>
/// <param name="CorrelationId">Its <c>metadata.CorrelationId</c>, the same on every channel.</param>
/// <param name="PublishedAt">When it was published (the simulator's clock).</param>
public sealed record SimulatedNotification(long Sequence, string Topic, string CorrelationId, DateTimeOffset PublishedAt);

/// <summary>What became of an event for one channel subscribed to its topic.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="ChannelId">The channel.</param>
/// <param name="Delivered">Whether it was written to the channel's socket; otherwise <paramref name="Reason"/> says why not.</param>
/// <param name="Reason"><c>no socket</c>, <c>silenced</c>, <c>socket ended</c>, or <see langword="null"/> when delivered.</param>
public sealed record NotificationDelivery(long Sequence, string ChannelId, bool Delivered, string? Reason);

/// <summary>A channel as the simulator sees it.</summary>
/// <param name="Id">The channel id.</param>
/// <param name="ClientId">The OAuth client that created it.</param>
/// <param name="Topics">Its subscribed topics.</param>
/// <param name="Connected">Whether a socket is connected.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Expires">When it expires.</param>
public sealed record SimulatedChannel(string Id, string ClientId, IReadOnlyList<string> Topics, bool Connected, DateTimeOffset CreatedAt, DateTimeOffset Expires);
