using System.Net;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenesysCloud.Extensions.Tests.Hosting;

public sealed class StartupBehaviorTests
{
    [Fact]
    public async Task Retry_in_background_starts_the_host_stays_connecting_and_connects_when_the_login_service_recovers()
    {
        await using var harness = ClientHarness.Create(
            o =>
            {
                o.StartupBehavior = GenesysCloudStartupBehavior.RetryInBackground;
                o.MaxRetries = 0;
            },
            s =>
            {
                s.EnqueueToken(_ => FakeGenesysCloud.Json(HttpStatusCode.BadGateway, "{}"));
                s.EnqueueToken(_ => FakeGenesysCloud.Json(HttpStatusCode.BadGateway, "{}"));
            });
        var health = new GenesysCloud.Extensions.Hosting.GenesysCloudHealthCheck(harness.Registry, string.Empty);

        await harness.Host.StartAsync();
        await Eventually.TrueAsync(() => harness.Server.TokenRequests == 1, "the first connect attempt failed");
        Assert.Equal(GenesysCloudClientState.Connecting, harness.Client.State);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Contains(harness.Logs.Entries, e => e.Contains("retrying", StringComparison.OrdinalIgnoreCase));

        while (harness.Client.State == GenesysCloudClientState.Connecting)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }

        Assert.Equal(GenesysCloudClientState.Idle, harness.Client.State);
        Assert.Equal(3, harness.Server.TokenRequests);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        var response = await harness.Client.SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/me"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stopping_while_still_connecting_in_the_background_closes_without_a_token()
    {
        await using var harness = ClientHarness.Create(
            o =>
            {
                o.StartupBehavior = GenesysCloudStartupBehavior.RetryInBackground;
                o.MaxRetries = 0;
            },
            s => s.EnqueueToken(_ => FakeGenesysCloud.Json(HttpStatusCode.ServiceUnavailable, "{}")));

        await harness.Host.StartAsync();
        await Eventually.TrueAsync(() => harness.Server.TokenRequests == 1, "the first connect attempt failed");
        await harness.Host.StopAsync();

        Assert.Equal(GenesysCloudClientState.Closed, harness.Client.State);
        Assert.Equal(0, harness.Server.TokenDeletions);
    }
}
