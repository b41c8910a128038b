using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_organization_and_another_seed_a_different_one()
    {
        var first = await SnapshotAsync(seed: 7);
        var second = await SnapshotAsync(seed: 7);
        var other = await SnapshotAsync(seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Default_organization_has_40_queues_with_0_to_250_members()
    {
        await using var sim = await GenesysCloudSimulator.StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/routing/queues?pageSize=100");
        var queues = (await ReadObjectAsync(response))["entities"]!.AsArray();

        Assert.Equal(40, queues.Count);
        Assert.All(queues, q => Assert.InRange((int)q!["memberCount"]!, 0, 250));
        Assert.Contains(queues, q => (int)q!["memberCount"]! > 100);
    }

    private static async Task<string> SnapshotAsync(int seed)
    {
        await using var sim = await GenesysCloudSimulator.StartAsync(new GenesysCloudSimulatorOptions { Seed = seed });
        using var client = await CreateAuthorizedClientAsync(sim);
        using var queues = await client.GetAsync("api/v2/routing/queues?pageSize=100");
        var queuesJson = await queues.Content.ReadAsStringAsync();
        var firstQueue = (await ReadObjectAsync(queues))["entities"]![0]!["id"];
        using var members = await client.GetAsync($"api/v2/routing/queues/{firstQueue}/members?pageSize=500");
        using var users = await client.GetAsync("api/v2/users?pageSize=500");
        using var codes = await client.GetAsync("api/v2/routing/wrapupcodes?pageSize=100");
        return string.Join("\n", queuesJson, await members.Content.ReadAsStringAsync(), await users.Content.ReadAsStringAsync(), await codes.Content.ReadAsStringAsync());
    }
}
