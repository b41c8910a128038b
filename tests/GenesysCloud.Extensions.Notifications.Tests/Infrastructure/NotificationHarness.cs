using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.Notifications.Tests.Infrastructure;

/// <summary>
/// The real client with notifications (as <c>AddGenesysCloud(...).AddNotifications(...)</c> registers them) against the real
/// simulator on loopback, both on one <see cref="FakeTimeProvider"/>: heartbeats, pings, channel lifetimes, token expiry
/// and backoff all run in simulated time.
/// </summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private bool _stopped;

    private NotificationHarness(GenesysCloudSimulator simulator, IHost host, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        Simulator = simulator;
        Host = host;
        Time = time;
        Logs = logs;
    }

    public GenesysCloudSimulator Simulator { get; }

    public SimulatorNotifications Sim => Simulator.Notifications;

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IGenesysCloudNotifications Notifications => Host.Services.GetRequiredService<IGenesysCloudNotifications>();

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<NotificationHarness> StartAsync(
        Action<GenesysCloudNotificationsBuilder>? notifications = null,
        Action<GenesysCloudSimulatorOptions>? simulator = null,
        Action<GenesysCloudOptions>? client = null,
        Action<IServiceCollection>? services = null,
        bool start = true)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var simulatorOptions = new GenesysCloudSimulatorOptions { TimeProvider = time, RateLimit = null };
        simulator?.Invoke(simulatorOptions);
        var sim = await GenesysCloudSimulator.StartAsync(simulatorOptions);

        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = sim.ApiBaseAddress;
            o.LoginBaseAddress = sim.LoginBaseAddress;
            client?.Invoke(o);
        }).AddNotifications(notifications);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        var harness = new NotificationHarness(sim, host, time, logs);
        if (start)
        {
            try
            {
                await host.StartAsync();
            }
            catch
            {
                host.Dispose();
                await sim.DisposeAsync();
                throw;
            }
        }

        return harness;
    }

    /// <summary>Starts the host (for a harness created with <c>start: false</c>).</summary>
    public Task StartHostAsync() => Host.StartAsync();

    /// <summary>Waits until every topic is delivered to a connected channel.</summary>
    public async Task WaitUntilActiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Notifications.WaitUntilActiveAsync(timeout.Token);
    }

    public async Task StopAsync()
    {
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(timeout.Token);
    }

    public string Describe()
    {
        var status = Notifications.GetStatus();
        return $"Client: {status.State}, {status.TopicCount} topics, channels [{string.Join("; ", status.Channels.Select(c => $"{c.ChannelId} {c.State} active={c.Active} topics={c.TopicCount} reconnects={c.Reconnects} error={c.LastError}"))}]. " +
            $"Simulator: published {Sim.PublishedCount}, delivered {Sim.DeliveredCount}, undelivered {Sim.UndeliveredCount}, channels [{string.Join("; ", Sim.Channels.Select(c => $"{c.Id} topics={c.Topics.Count} connected={c.Connected}"))}]. " +
            $"Last logs: {string.Join(" | ", Logs.Entries.TakeLast(8))}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }
        }

        Host.Dispose();
        await Simulator.DisposeAsync();
    }
}
