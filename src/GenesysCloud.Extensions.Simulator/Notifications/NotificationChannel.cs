namespace GenesysCloud.Extensions.Simulator.Notifications;

/// <summary>A channel's state in the simulator (guarded by the hub's lock).</summary>
internal sealed class NotificationChannel(string id, string clientId, string token, DateTimeOffset createdAt, DateTimeOffset expires)
{
    public string Id { get; } = id;

    public string ClientId { get; } = clientId;

    /// <summary>Gets the access token that created it: the channel stops when that token expires or is revoked.</summary>
    public string Token { get; } = token;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset Expires { get; } = expires;

    public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

    public NotificationSocketSession? Socket { get; set; }

    public DateTimeOffset LastUsed { get; set; } = createdAt;

    public ITimer? ExpiryTimer { get; set; }

    public SimulatedChannel Describe() => new(Id, ClientId, [.. Topics.Order(StringComparer.Ordinal)], Socket is { IsOpen: true }, CreatedAt, Expires);
}
