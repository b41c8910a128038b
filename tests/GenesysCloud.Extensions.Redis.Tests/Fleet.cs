using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Redis.Options;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Redis.Tests;

/// <summary>
/// Replicas of one service in one test process: each its own host (service provider) with the unnamed client of the
/// simulator's one OAuth client, all coordinated through one Redis and sharing one Data Protection key ring, as replicas
/// of a real fleet share theirs.
/// </summary>
internal sealed class Fleet : IAsyncDisposable
{
    private readonly GenesysCloudSimulator _simulator;
    private readonly RedisServer _redis;
    private readonly DirectoryInfo _keyRing = Directory.CreateTempSubdirectory("genesyscloud-fleet-keys-");
    private readonly List<IHost> _hosts = [];
    private const string ApplicationName = "genesyscloud-fleet-tests";

    public Fleet(GenesysCloudSimulator simulator, RedisServer redis)
    {
        _simulator = simulator;
        _redis = redis;

        // The fleet's key ring exists before its replicas start, as a deployed fleet's does (replicas that create a
        // first key ring at the same instant would each make their own key).
        DataProtectionProvider.Create(_keyRing, b => b.SetApplicationName(ApplicationName)).CreateProtector("warm-up").Protect("key ring");
    }

    public IReadOnlyList<IHost> Hosts => _hosts;

    public static GenesysCloudRequest WrapupCodes() => new(HttpMethod.Get, "/api/v2/routing/wrapupcodes") { Category = "Routing", Operation = "getRoutingWrapupcodes" };

    public static GenesysCloudRequest Queues() => new(HttpMethod.Get, "/api/v2/routing/queues") { Category = "Routing", Operation = "getRoutingQueues" };

    public static IGenesysCloudClient Client(IHost host) => host.Services.GetRequiredService<IGenesysCloudClient>();

    public static async Task<HealthReportEntry> HealthAsync(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["genesyscloud"];

    /// <summary>Builds (not starts) a replica.</summary>
    public IHost Add(Action<GenesysCloudRedisOptions>? redis = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("GC_TEST_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Debug).AddFilter("System", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        }
        builder.Services.AddDataProtection().PersistKeysToFileSystem(_keyRing).SetApplicationName(ApplicationName);
        builder.Services.AddHealthChecks().AddGenesysCloud();
        GenesysCloudCoreRegistration.AddGenesysCloudCore(builder.Services, string.Empty, configuration: null, o =>
            {
                o.ClientId = _simulator.ClientId;
                o.ClientSecret = _simulator.ClientSecret;
                o.ApiBaseAddress = _simulator.ApiBaseAddress;
                o.LoginBaseAddress = _simulator.LoginBaseAddress;
            })
            .UseRedis(_redis.Configuration, o =>
            {
                // Generous on a shared CI machine: a spurious fallback would give a replica a token of its own.
                o.OperationTimeout = TimeSpan.FromSeconds(2);
                o.RejoinInterval = TimeSpan.FromMilliseconds(200);
                redis?.Invoke(o);
            });
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// Builds (not starts) a replica with no registered client: its tenants are added at run time through
    /// <see cref="IGenesysCloudClientFactory"/>, all coordinated through the fleet's Redis.
    /// </summary>
    public IHost AddWithRuntimeClients()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDataProtection().PersistKeysToFileSystem(_keyRing).SetApplicationName(ApplicationName);
        builder.Services.ConfigureGenesysCloudRuntimeClients(r => r.UseRedis(_redis.Configuration, o =>
        {
            o.OperationTimeout = TimeSpan.FromSeconds(2);
            o.RejoinInterval = TimeSpan.FromMilliseconds(200);
        }));
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    /// <summary>Builds and starts <paramref name="count"/> replicas at once.</summary>
    public async Task<IReadOnlyList<IHost>> StartAsync(int count, Action<GenesysCloudRedisOptions>? redis = null)
    {
        var hosts = Enumerable.Range(0, count).Select(_ => Add(redis)).ToList();
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        return hosts;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        await Task.Yield();
        _keyRing.Delete(recursive: true);
    }
}

/// <summary>Sums a counter of the library's meter over every host of the process.</summary>
internal sealed class CounterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterProbe(string instrument)
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == GenesysCloudTelemetryNames.SourceName && i.Name == instrument)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
