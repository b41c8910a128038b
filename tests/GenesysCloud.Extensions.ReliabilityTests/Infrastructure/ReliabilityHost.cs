using System.Diagnostics;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GenesysCloud.Extensions.ReliabilityTests.Infrastructure;

/// <summary>
/// The simulator and a generic host with the client registered the way users register it
/// (<c>Host.CreateApplicationBuilder</c> + <c>AddGenesysCloud</c>), sharing one <see cref="FakeTimeProvider"/>
/// when time matters. Captures every log line and every <c>genesyscloud.client.call.duration</c> measurement.
/// </summary>
internal sealed class ReliabilityHost : IAsyncDisposable
{
    public const string CallDurationInstrument = "genesyscloud.client.call.duration";

    /// <summary>The name of the client's token-endpoint <see cref="HttpClient"/>.</summary>
    public const string OAuthClientName = "GenesysCloud.OAuth";

    private ReliabilityHost(GenesysCloudSimulator sim, IHost host, FakeTimeProvider? clock, CapturingLoggerProvider logs, MetricCollector<double> calls, NetworkGauge gauge)
    {
        Sim = sim;
        Host = host;
        Clock = clock;
        Logs = logs;
        CallDurations = calls;
        _client = host.Services.GetRequiredService<IGenesysCloudClient>();
        _gauge = gauge;
    }

    private readonly NetworkGauge _gauge;

    private readonly IGenesysCloudClient _client;

    public GenesysCloudSimulator Sim { get; }

    public IHost Host { get; }

    public FakeTimeProvider? Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>One measurement per call that entered the pipeline (the client's "call ended" signal).</summary>
    public MetricCollector<double> CallDurations { get; }

    public IGenesysCloudClient Client => _client;

    public GenesysCloudClientEvents Events => Host.Services.GetRequiredService<GenesysCloudClientEvents>();

    /// <summary>
    /// Starts a simulator and a host, runs <paramref name="scenario"/>, then stops and disposes both. Nothing outside
    /// keeps a reference to them afterwards, so a leak probe finished after this measures the client, not the test.
    /// </summary>
    public static async Task RunAsync(
        Func<ReliabilityHost, Task> scenario,
        Action<GenesysCloudSimulatorOptions>? simulator = null,
        Action<GenesysCloudOptions>? client = null,
        bool fakeClock = true,
        LogLevel logLevel = LogLevel.Trace)
    {
        await using var host = await StartAsync(simulator, client, fakeClock, logLevel: logLevel);
        await scenario(host);
    }

    public static async Task<ReliabilityHost> StartAsync(
        Action<GenesysCloudSimulatorOptions>? simulator = null,
        Action<GenesysCloudOptions>? client = null,
        bool fakeClock = true,
        Action<HostApplicationBuilder>? host = null,
        bool start = true,
        LogLevel logLevel = LogLevel.Trace)
    {
        var clock = fakeClock ? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) : null;
        var simOptions = new GenesysCloudSimulatorOptions
        {
            ClientSecret = "sim-secret-" + Guid.NewGuid().ToString("N"),
            RateLimit = null,
            MaxRecordedRequests = 25_000,
            TimeProvider = (TimeProvider?)clock ?? TimeProvider.System,
        };
        simulator?.Invoke(simOptions);
        var sim = await GenesysCloudSimulator.StartAsync(simOptions);

        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddProvider(logs);
        if (clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        var gauge = new NetworkGauge();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = sim.ClientId;
            o.ClientSecret = sim.ClientSecret;
            o.ApiBaseAddress = sim.ApiBaseAddress;
            o.LoginBaseAddress = sim.LoginBaseAddress;
            client?.Invoke(o);
        }).HttpClientBuilder.AddHttpMessageHandler(gauge.CreateHandler);
        builder.Services.AddHttpClient(OAuthClientName).AddHttpMessageHandler(gauge.CreateHandler);
        host?.Invoke(builder);
        var app = builder.Build();
        var calls = new MetricCollector<double>(
            app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "GenesysCloud.Extensions", CallDurationInstrument);
        var result = new ReliabilityHost(sim, app, clock, logs, calls, gauge);
        if (start)
        {
            if (clock is null)
            {
                await app.StartAsync();
            }
            else
            {
                // The token request may wait on simulated latency: keep the clock moving until the host has started.
                await result.DriveAsync(app.StartAsync(), TimeSpan.FromSeconds(1));
            }
        }

        return result;
    }

    /// <summary>
    /// Advances the fake clock by <paramref name="step"/> until <paramref name="until"/> completes. Before each tick it
    /// waits until every request in flight is parked on the fake clock (simulated latency or a stall), so that a tick
    /// never overtakes a request that is still travelling in real time (which would fire its SocketTimeout). After the
    /// tick it wakes on the next request the simulator sees, or the end, or else after a short real-time tick (a timer
    /// registered just after an advance needs the next one).
    /// </summary>
    public async Task DriveAsync(Task until, TimeSpan step, TimeSpan? timeout = null)
    {
        var clock = Clock ?? throw new InvalidOperationException("This host runs on the system clock.");
        var limit = Stopwatch.StartNew();
        var budget = timeout ?? TimeSpan.FromSeconds(60);
        while (!until.IsCompleted)
        {
            if (limit.Elapsed > budget)
            {
                throw new TimeoutException($"Not completed after {limit.Elapsed} real time (fake clock at {clock.GetUtcNow():O}).");
            }

            await QuiesceAsync(until).ConfigureAwait(false);
            if (until.IsCompleted)
            {
                break;
            }

            var seen = Sim.Inspector.TotalRequests;
            clock.Advance(step);
            using var tick = new CancellationTokenSource(TimeSpan.FromMilliseconds(5));
            var progress = Sim.Inspector.WaitUntilAsync(i => i.TotalRequests > seen, tick.Token);
            await Task.WhenAny(until, progress).ConfigureAwait(false);
        }

        await until.ConfigureAwait(false);
    }

    // The requests on the wire are not signalled, so this polls it (1 ms); it gives up after 5 s and lets the clock
    // move, so a request that really hangs still meets its timeout.
    private async Task QuiesceAsync(Task until)
    {
        var waited = Stopwatch.StartNew();
        while (!until.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            var inspector = Sim.Inspector;
            var parked = inspector.DelayedRequests;
            if (inspector.ConcurrentRequests == parked && _gauge.OnTheWire <= parked)
            {
                return;
            }

            await Task.WhenAny(until, Task.Delay(1)).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the host (drain or clear per the options) and waits, driving the fake clock when there is one.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var stop = Host.StopAsync(cancellationToken);
        if (Clock is null)
        {
            await stop.WaitAsync(TimeSpan.FromSeconds(90));
        }
        else
        {
            await DriveAsync(stop, TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client.State is GenesysCloudClientState.Idle or GenesysCloudClientState.Running or GenesysCloudClientState.Connecting)
        {
            await StopAsync();
        }

        Host.Dispose();
        CallDurations.Dispose();
        await Sim.DisposeAsync();
    }
}
