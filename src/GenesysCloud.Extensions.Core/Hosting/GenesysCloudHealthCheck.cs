using GenesysCloud.Extensions.Coordination;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Reports one client's state — Idle and Running are healthy, Created and Connecting degraded, Closing, Closed and
/// Failed unhealthy — with the queue sizes, the rate budget and any 429 suspension in the data; or, for the entry of
/// the clients added at run time, the worst of theirs. A client of a fleet that fell back to local mode is degraded, with
/// the reason.
/// </summary>
internal sealed class GenesysCloudHealthCheck : IHealthCheck
{
    private readonly GenesysCloudClientRegistry _registry;
    private readonly string? _name;

    /// <summary>Initializes the check of the client <paramref name="name"/>, or of every run-time client when it is <see langword="null"/>.</summary>
    public GenesysCloudHealthCheck(GenesysCloudClientRegistry registry, string? name)
    {
        _registry = registry;
        _name = name;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_name is null ? CheckRuntimeClients() : Check(_registry.Get(_name).Client));

    private static HealthCheckResult Check(GenesysCloudClient client)
    {
        var state = client.State;
        var scheduler = client.Scheduler;
        var data = new Dictionary<string, object>
        {
            ["state"] = state.ToString(),
            ["backlog"] = scheduler.BacklogCount,
            ["inFlight"] = scheduler.InFlightCount,
        };
        if (scheduler.SuspendedUntil is { } until)
        {
            data["rateLimitSuspendedUntil"] = until;
        }

        if (scheduler.Budget is { } budget)
        {
            data["rateLimitAllowed"] = budget.Allowed;
            data["rateLimitRemaining"] = budget.Remaining;
        }

        var description = client.Name.Length == 0 ? $"Genesys Cloud client is {state}." : $"Genesys Cloud client '{client.Name}' is {state}.";
        var status = StatusOf(state);
        var coordination = client.Coordinator.Status;
        if (coordination.Mode != GenesysCloudCoordinationMode.Local)
        {
            data["coordination"] = coordination.Mode.ToString();
            data["coordinationFallbacks"] = coordination.Fallbacks;
        }

        if (coordination.Mode == GenesysCloudCoordinationMode.Fallback)
        {
            description += $" Fleet coordination is unavailable, running in local mode: {coordination.Reason}";
            status = status == HealthStatus.Healthy ? HealthStatus.Degraded : status;
        }

        return new HealthCheckResult(status, description, data: data);
    }

    private static HealthStatus StatusOf(GenesysCloudClientState state) => state switch
    {
        GenesysCloudClientState.Idle or GenesysCloudClientState.Running => HealthStatus.Healthy,
        GenesysCloudClientState.Created or GenesysCloudClientState.Connecting => HealthStatus.Degraded,
        _ => HealthStatus.Unhealthy,
    };

    private HealthCheckResult CheckRuntimeClients()
    {
        var clients = _registry.Added.Select(c => c.Client).ToList();
        var data = clients.ToDictionary(c => c.Name, c => (object)c.State.ToString(), StringComparer.Ordinal);
        var worst = clients.Count == 0 ? HealthStatus.Healthy : clients.Min(c => StatusOf(c.State));
        var notHealthy = clients.Where(c => StatusOf(c.State) != HealthStatus.Healthy).Select(c => $"'{c.Name}' is {c.State}").ToList();
        var description = clients.Count == 0
            ? "No Genesys Cloud client was added at run time."
            : notHealthy.Count == 0 ? $"{clients.Count} Genesys Cloud client(s) added at run time are connected." : string.Join("; ", notHealthy) + ".";
        return new HealthCheckResult(worst, description, data: data);
    }
}
