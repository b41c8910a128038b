using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Tests.Integration;

/// <summary>
/// The real client (as <c>AddGenesysCloud</c> registers it) against the real simulator on loopback, optionally
/// sharing one <see cref="FakeTimeProvider"/> so windows, expiry and backoff run in simulated time.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(GenesysCloudSimulator simulator, IHost host, FakeTimeProvider? time, CapturingLoggerProvider logs)
    {
        Simulator = simulator;
        Host = host;
        Time = time;
        Logs = logs;
    }

    public GenesysCloudSimulator Simulator { get; }

    public IHost Host { get; }

    public FakeTimeProvider? Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IGenesysCloudClient Client => Host.Services.GetRequiredService<IGenesysCloudClient>();

    public static async Task<SimulatorHarness> StartAsync(
        Action<GenesysCloudSimulatorOptions>? simulator = null,
        Action<GenesysCloudOptions>? client = null,
        bool fakeTime = false,
        Action<IServiceCollection>? services = null)
    {
        var time = fakeTime ? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) : null;
        var simulatorOptions = new GenesysCloudSimulatorOptions { TimeProvider = (TimeProvider?)time ?? TimeProvider.System };
        simulator?.Invoke(simulatorOptions);
        var sim = await GenesysCloudSimulator.StartAsync(simulatorOptions);

        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = sim.ApiBaseAddress;
            o.LoginBaseAddress = sim.LoginBaseAddress;
            client?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new SimulatorHarness(sim, host, time, logs);
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.State is GenesysCloudClientState.Idle or GenesysCloudClientState.Running)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
        await Simulator.DisposeAsync();
    }
}
