using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Reports the client's state: Idle and Running are healthy, Created and Connecting degraded, Closing, Closed
/// and Failed unhealthy. The data carries the state, the queue sizes, the rate budget and any 429 suspension.
/// </summary>
internal sealed class GenesysCloudHealthCheck : IHealthCheck
{
    private readonly GenesysCloudClient _client;

    public GenesysCloudHealthCheck(GenesysCloudClient client) => _client = client;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = _client.State;
        var scheduler = _client.Scheduler;
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

        var result = state switch
        {
            GenesysCloudClientState.Idle or GenesysCloudClientState.Running => HealthCheckResult.Healthy($"Genesys Cloud client is {state}.", data),
            GenesysCloudClientState.Created or GenesysCloudClientState.Connecting => HealthCheckResult.Degraded($"Genesys Cloud client is {state}.", data: data),
            _ => HealthCheckResult.Unhealthy($"Genesys Cloud client is {state}.", data: data),
        };
        return Task.FromResult(result);
    }
}
