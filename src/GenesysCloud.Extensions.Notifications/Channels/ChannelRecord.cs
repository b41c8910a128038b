namespace GenesysCloud.Extensions.Notifications.Channels;

/// <summary>
/// A Genesys Cloud channel the client created. It exists until it expires (24 hours) or the token that created it stops,
/// whether in use or not: Genesys offers no way to delete a channel, so an unused one still counts toward the 20.
/// </summary>
internal sealed class ChannelRecord(string id, Uri connectUri, DateTimeOffset createdAt, DateTimeOffset expires)
{
    public string Id { get; } = id;

    public Uri ConnectUri { get; } = connectUri;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset Expires { get; } = expires;

    /// <summary>Gets or sets a value indicating whether the token that created it was replaced: it stops with that token (guarded by the registry).</summary>
    public bool Stale { get; set; }

    /// <summary>Gets or sets a value indicating whether a channel group uses it (guarded by the registry).</summary>
    public bool InUse { get; set; }

    /// <summary>Gets or sets a value indicating whether, unused, it may carry topics again (it was left only because its socket was closing).</summary>
    public bool Reusable { get; set; }

    /// <summary>When the channel group should hand over to a new channel: before expiry, by at most half the lifetime.</summary>
    public DateTimeOffset RenewAt(TimeSpan renewBeforeExpiry)
    {
        var lifetime = Expires - CreatedAt;
        var margin = renewBeforeExpiry < lifetime / 2 ? renewBeforeExpiry : lifetime / 2;
        return Expires - margin;
    }

    /// <summary>Gets what is logged of the connect URI: its host only, never its query (where a token could travel).</summary>
    public string Host => ConnectUri.Host;
}
