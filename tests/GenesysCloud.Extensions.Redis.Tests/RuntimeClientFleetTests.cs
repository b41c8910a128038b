using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GenesysCloud.Extensions.Redis.Tests;

/// <summary>Fleet mode for clients added at run time (<c>ConfigureGenesysCloudRuntimeClients(r =&gt; r.UseRedis(...))</c>).</summary>
public sealed class RuntimeClientFleetTests
{
    private const int Budget = 20;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Replicas_that_add_the_same_tenant_at_run_time_share_its_token_and_budget_and_the_last_one_out_deletes_it()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { RateLimit = Budget, RateWindow = Window });
        await using var fleet = new Fleet(sim, redis);
        var replicas = new[] { fleet.AddWithRuntimeClients(), fleet.AddWithRuntimeClients() };
        await Task.WhenAll(replicas.Select(h => h.StartAsync()));

        // The tenant is onboarded on one replica, then on the other, without a restart: the second takes the first's token.
        // (Both at the same instant once got two tokens in CI: see the open finding in docs/fleet.md.)
        var tenants = new List<IGenesysCloudClient>();
        foreach (var replica in replicas)
        {
            tenants.Add(await replica.Services.GetRequiredService<IGenesysCloudClientFactory>().AddClientAsync("tenant-1", Use(sim)));
        }

        Assert.Equal(1, sim.Inspector.TokensIssued);

        // Two windows' budget of demand from each replica: the replicas keep to the one budget between them.
        var responses = await Task.WhenAll(tenants.SelectMany(client => Enumerable.Range(0, Budget).Select(_ => client.SendAsync(Fleet.WrapupCodes()))));
        Assert.All(responses, r => Assert.Equal(200, (int)r.StatusCode));
        var token = Assert.Single(sim.Inspector.Tokens);
        Assert.All(sim.Inspector.Requests, r => Assert.Equal(token.Id, r.TokenId ?? token.Id));
        Assert.True(sim.Inspector.TooManyRequestsSent <= 1, $"{sim.Inspector.TooManyRequestsSent} × 429: the replicas did not share the budget");
        var first = sim.Inspector.Requests.Where(r => r.TokenId == token.Id).Min(r => r.Timestamp);
        var last = sim.Inspector.Requests.Where(r => r.TokenId == token.Id).Max(r => r.Timestamp);
        Assert.True(last - first >= Window - TimeSpan.FromMilliseconds(100), $"{2 * Budget} calls within {last - first}: more than one window's budget ran in one window");

        // One replica lets the tenant go: the other still holds the token. The last one out deletes it.
        await replicas[0].Services.GetRequiredService<IGenesysCloudClientFactory>().RemoveClientAsync("tenant-1");
        Assert.Equal(0, sim.Inspector.TokensDeleted);
        Assert.Equal(200, (int)(await tenants[1].SendAsync(Fleet.WrapupCodes())).StatusCode);
        await replicas[1].StopAsync();
        Assert.Equal(1, sim.Inspector.TokensDeleted);
        Assert.Equal(1, sim.Inspector.TokensIssued);
        await replicas[0].StopAsync();
    }

    [Fact]
    public void Runtime_clients_use_Redis_once_and_a_bad_configuration_string_is_refused_without_quoting_it()
    {
        var services = new ServiceCollection();
        services.ConfigureGenesysCloudRuntimeClients(r => r.UseRedis("127.0.0.1:1"));

        var twice = Assert.Throws<ArgumentException>(() => services.ConfigureGenesysCloudRuntimeClients(r => r.UseRedis("127.0.0.1:1")));
        var invalid = Assert.Throws<ArgumentException>(() => new ServiceCollection().ConfigureGenesysCloudRuntimeClients(r => r.UseRedis("127.0.0.1:1,password=s3cret,ssl=maybe")));

        Assert.StartsWith("The set of Genesys Cloud clients added at run time already uses Redis; call UseRedis once.", twice.Message, StringComparison.Ordinal);
        Assert.StartsWith("The set of Genesys Cloud clients added at run time: the Redis configuration string is not valid.", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", invalid.Message, StringComparison.Ordinal);
    }

    private static Action<GenesysCloudOptions> Use(GenesysCloudSimulator sim) => o =>
    {
        o.ClientId = sim.ClientId;
        o.ClientSecret = sim.ClientSecret;
        o.ApiBaseAddress = sim.ApiBaseAddress;
        o.LoginBaseAddress = sim.LoginBaseAddress;
    };
}
