using GenesysCloud.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebApiSample.Dashboard;

/// <summary>
/// Reads the client's state, queues and rate budget. The state and the queue sizes come from
/// <see cref="IGenesysCloudClient"/>; the rate budget and the 429 suspension are not on a public type yet, so they
/// come from the GenesysCloud health check's data (the same figures the <c>/readyz</c> response carries).
/// </summary>
public sealed class ClientStatusReader(IGenesysCloudClient client, HealthCheckService health)
{
    public const string HealthCheckName = "genesyscloud";

    public async Task<ClientStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(static registration => registration.Name == HealthCheckName, cancellationToken);
        var data = report.Entries.TryGetValue(HealthCheckName, out var entry) ? entry.Data : null;
        return new ClientStatus(
            State: client.State.ToString(),
            Health: report.Status.ToString(),
            Backlog: client.BacklogCount,
            InFlight: client.InFlightCount,
            RateLimitAllowed: Get<int>(data, "rateLimitAllowed"),
            RateLimitRemaining: Get<int>(data, "rateLimitRemaining"),
            RateLimitSuspendedUntil: Get<DateTimeOffset>(data, "rateLimitSuspendedUntil"));
    }

    private static T? Get<T>(IReadOnlyDictionary<string, object>? data, string key)
        where T : struct =>
        data is not null && data.TryGetValue(key, out var value) && value is T typed ? typed : null;
}

/// <summary>The client's state, queue sizes and rate budget.</summary>
/// <param name="State">The lifecycle state (<c>Idle</c>, <c>Running</c>, …).</param>
/// <param name="Health">The health check's status.</param>
/// <param name="Backlog">Calls waiting in the backlog.</param>
/// <param name="InFlight">Calls whose request is in flight.</param>
/// <param name="RateLimitAllowed">The budget of the current window (<c>inin-ratelimit-allowed</c>), once known.</param>
/// <param name="RateLimitRemaining">What is left of it, once known.</param>
/// <param name="RateLimitSuspendedUntil">The end of the current 429 suspension, if any.</param>
public sealed record ClientStatus(
    string State,
    string Health,
    int Backlog,
    int InFlight,
    int? RateLimitAllowed,
    int? RateLimitRemaining,
    DateTimeOffset? RateLimitSuspendedUntil);
