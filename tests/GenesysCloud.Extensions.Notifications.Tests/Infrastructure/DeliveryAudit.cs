namespace GenesysCloud.Extensions.Notifications.Tests.Infrastructure;

/// <summary>
/// Compares what the simulator published and delivered (it numbers every event) with what a consumer received: no
/// duplicate, nothing the simulator wrote to a socket missing, and (for handovers, which overlap channels) nothing published
/// missing at all.
/// </summary>
internal static class DeliveryAudit
{
    public static long Sequence<T>(GenesysCloudNotification<T> notification) => notification.Metadata.ExtensionData!["sequence"].GetInt64();

    /// <summary>Every event written to one of the client's sockets arrived, exactly once.</summary>
    public static void NothingSentLostNorDuplicated<T>(NotificationHarness harness, IEnumerable<GenesysCloudNotification<T>> received)
    {
        var sequences = received.Select(Sequence).ToList();
        var duplicates = sequences.GroupBy(static s => s).Where(static g => g.Count() > 1).Select(static g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Events received more than once: {string.Join(", ", duplicates.Take(20))}");
        var delivered = harness.Sim.Deliveries.Where(static d => d.Delivered).Select(static d => d.Sequence).ToHashSet();
        var missing = delivered.Except(sequences).Order().ToList();
        Assert.True(missing.Count == 0, $"Events the simulator sent that never arrived: {string.Join(", ", missing.Take(20))}. {harness.Describe()}");
    }

    /// <summary>Every event published (on the consumer's topics) arrived, exactly once: no gap at all.</summary>
    public static void NothingPublishedLostNorDuplicated<T>(NotificationHarness harness, IEnumerable<GenesysCloudNotification<T>> received, Func<string, bool>? topics = null)
    {
        NothingSentLostNorDuplicated(harness, received);
        var published = harness.Sim.Published.Where(p => topics?.Invoke(p.Topic) ?? true).Select(static p => p.Sequence).ToHashSet();
        var missing = published.Except(received.Select(Sequence)).Order().ToList();
        Assert.True(missing.Count == 0, $"Published events that never arrived: {string.Join(", ", missing.Take(20))}. {harness.Describe()}");
    }
}
