using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Benchmarks.Workloads;

/// <summary>A fresh simulator (its own budget) and a fresh <c>AddGenesysCloud</c> host, on real time.</summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private ClientSession(GenesysCloudSimulator simulator, IHost host)
    {
        Simulator = simulator;
        Host = host;
        Routing = host.Services.GetRequiredService<IRoutingApi>();
        Users = host.Services.GetRequiredService<IUsersApi>();
    }

    public GenesysCloudSimulator Simulator { get; }

    public IHost Host { get; }

    public IRoutingApi Routing { get; }

    public IUsersApi Users { get; }

    public static async Task<ClientSession> StartAsync(Action<GenesysCloudSimulatorOptions> simulator, Action<GenesysCloudOptions> client)
    {
        var simulatorOptions = new GenesysCloudSimulatorOptions { MaxRecordedRequests = 2_000 };
        simulator(simulatorOptions);
        var sim = await GenesysCloudSimulator.StartAsync(simulatorOptions);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = sim.ApiBaseAddress;
            o.LoginBaseAddress = sim.LoginBaseAddress;
            client(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClientSession(sim, host);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
        await Simulator.DisposeAsync();
    }
}
