using System.Net.Http.Json;
using System.Net.Sockets;
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
        var simulator = factory.Services.GetRequiredService<EmbeddedSimulator>().Simulator!;
        var address = simulator.ApiBaseAddress;

        await factory.DisposeAsync();

        // The client deleted its token while the simulator was still there ...
        Assert.Equal(1, simulator.Inspector.TokensDeleted);

        // ... and the simulator no longer listens.
        using var tcp = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync(address.Host, address.Port));
    }
}
