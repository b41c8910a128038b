using GenesysCloud.Extensions.Simulator.Organization;

namespace GenesysCloud.Extensions.Simulator.Analytics;

/// <summary>
/// The seeded organization as analytics sees it: queues with their members, users and wrap-up codes, captured when the
/// organization is generated so historical results depend on the seed alone, not on later writes.
/// </summary>
internal sealed record AnalyticsRoster(
    int Seed,
    string DivisionId,
    IReadOnlyList<(string Id, string Name, IReadOnlyList<string> MemberIds)> Queues,
    IReadOnlyList<(string Id, string Name)> Users,
    IReadOnlyList<string> WrapupCodeIds)
{
    public static AnalyticsRoster Capture(int seed, OrganizationStore store)
    {
        var users = store.ListUsers().Select(static u => ((string)u["id"]!, (string?)u["name"] ?? string.Empty)).ToArray();
        var queues = store.ListQueues()
            .Select(q => ((string)q["id"]!, (string?)q["name"] ?? string.Empty, (IReadOnlyList<string>)[.. (store.ListQueueMembers((string)q["id"]!) ?? []).Select(static m => (string)m["id"]!)]))
            .ToArray();
        return new AnalyticsRoster(seed, store.DivisionId, queues, users, [.. store.ListWrapupCodes().Select(static c => (string)c["id"]!)]);
    }
}
