using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Redis.Tests;

/// <summary>The fleet's token refresh and the fleet options' validation.</summary>
public sealed class FleetTokenTests
{
    [Fact]
    public async Task Three_replicas_refresh_the_shared_token_with_one_request_to_the_login_service()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { TokenLifetime = TimeSpan.FromSeconds(8) });
        await using var fleet = new Fleet(sim, redis);
        var replicas = await fleet.StartAsync(3);
        Assert.Equal(1, sim.Inspector.TokensIssued);

        // Each replica refreshes half-way through the token's life; one of them obtains the new token, the others take it.
        await Eventually.WaitAsync(() => sim.Inspector.TokensIssued >= 2, TimeSpan.FromSeconds(10), "the token was refreshed");
        var first = sim.Inspector.Tokens[0];
        await Eventually.WaitAsync(
            async () =>
            {
                var responses = await Task.WhenAll(replicas.Select(h => Fleet.Client(h).SendAsync(Fleet.WrapupCodes())));
                var last = sim.Inspector.Requests.TakeLast(3).Select(r => r.TokenId).Distinct().ToList();
                return last.Count == 1 && last[0] != first.Id;
            },
            TimeSpan.FromSeconds(10),
            "every replica calls with the new token");
        Assert.Equal(2, sim.Inspector.TokensIssued);

        foreach (var host in replicas)
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Invalid_fleet_options_fail_at_start_naming_the_key()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync();
        await using var fleet = new Fleet(sim, redis);
        var host = fleet.Add(o => o.LeaseDuration = TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("GenesysCloud:Redis:LeaseDuration", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Inspector.TokensIssued);
    }

    [Fact]
    public void An_invalid_configuration_string_is_refused_without_quoting_it()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var builder = DependencyInjection.GenesysCloudCoreRegistration.AddGenesysCloudCore(services, "contoso", configuration: null, o => { });

        var error = Assert.Throws<ArgumentException>(() => DependencyInjection.GenesysCloudRedisBuilderExtensions.UseRedis(builder, "localhost,password=hunter2,nonsense=1"));
        Assert.Contains("'contoso'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
