using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebApiSample.Simulator;

namespace WebApiSample.Tests;

/// <summary>The embedded simulator outlives the client: it is stopped only after the client has closed.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Client_closes_against_the_simulator_then_the_simulator_stops()
    {
        var factory = new SampleFactory();
        using var http = factory.CreateClient();
        await http.GetFromJsonAsync<JsonElement>("/api/token");
        var embedded = factory.Services.GetRequiredService<EmbeddedSimulator>();
        var simulator = embedded.Simulator!;

        await factory.DisposeAsync();

        // Both clients (the sample's own and the simulated customer org's) deleted their token while the simulator was
        // still there ...
        Assert.Equal(1, simulator.DefaultOrganization.Inspector.TokensDeleted);
        Assert.Equal(1, simulator.GetOrganization("fabrikam").Inspector.TokensDeleted);

        // ... and then the simulator is stopped (and never started again): the container disposes it when Program's
        // RunAsync disposes the host, just after the factory has stopped it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!IsDisposed(embedded) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Throws<ObjectDisposedException>(() => embedded.Simulator);
    }

    private static bool IsDisposed(EmbeddedSimulator embedded)
    {
        try
        {
            _ = embedded.Simulator;
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }
}
