using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GenesysCloud.Extensions.Tests.Hosting;

public sealed class GenesysCloudHealthCheckTests
{
    [Fact]
    public async Task Health_follows_the_client_state_and_reports_a_429_suspension()
    {
        await using var harness = ClientHarness.Create();
        var check = new GenesysCloud.Extensions.Hosting.GenesysCloudHealthCheck(harness.Registry, string.Empty);
        var context = new HealthCheckContext();

        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(context)).Status);
        await harness.StartAsync();
        var healthy = await check.CheckHealthAsync(context);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("Idle", healthy.Data["state"]);

        harness.Suspend(TimeSpan.FromSeconds(30));
        Assert.True((await check.CheckHealthAsync(context)).Data.ContainsKey("rateLimitSuspendedUntil"));

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.Host.StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context)).Status);
    }

    [Fact]
    public async Task The_health_check_is_registered_by_the_builder_extension()
    {
        var services = new ServiceCollection();
        services.AddGenesysCloud(o => { });
        services.AddHealthChecks().AddGenesysCloud(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value;
        var registration = Assert.Single(options.Registrations);
        Assert.Equal("genesyscloud", registration.Name);
        Assert.Contains("ready", registration.Tags);
    }
}
