using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GenesysCloud.Extensions;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Simulator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

// dotnet run -c Release --project eng/benchmarks/GenesysCloud.Extensions.Redis.Benchmarks -- [--calls 300] [--budget 50] [--window 2] [--latency 20-40] [--runs 3]
// The same bulk workload (calls at once, on one OAuth client whose token allows budget per window) run by one replica
// alone and by a fleet of three replicas through Redis (a third of the calls each). Needs redis-server in PATH.
var calls = Int("--calls", 300);
var budget = Int("--budget", 50);
var window = TimeSpan.FromSeconds(Int("--window", 2));
var runs = Int("--runs", 3);
var latency = (Option("--latency") ?? "20-40").Split('-').Select(v => TimeSpan.FromMilliseconds(int.Parse(v, CultureInfo.InvariantCulture))).ToArray();

var port = FreePort();
using var redis = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no") { RedirectStandardOutput = true })!;
try
{
    var configuration = $"127.0.0.1:{port},connectRetry=20";
    using (await ConnectionMultiplexer.ConnectAsync(configuration))
    {
        // connected: the server is up
    }

    Console.WriteLine($"{calls} calls, budget {budget} per {window.TotalSeconds} s window, latency {latency[0].TotalMilliseconds}-{latency[^1].TotalMilliseconds} ms, {runs} run(s) each");
    Console.WriteLine("| run | setup | wall time (s) | 429s | tokens issued | windows |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
    List<(double Single, double Fleet)> times = [];
    for (var run = 1; run <= runs; run++)
    {
        var single = await RunAsync(run, replicas: 1, redisConfiguration: null);
        var fleet = await RunAsync(run, replicas: 3, redisConfiguration: configuration);
        times.Add((single, fleet));
    }

    var ratio = times.Select(t => t.Fleet / t.Single).Order().ToList()[times.Count / 2];
    Console.WriteLine($"median fleet/single wall-time ratio: {ratio.ToString("F3", CultureInfo.InvariantCulture)}");
    return 0;

    async Task<double> RunAsync(int run, int replicas, string? redisConfiguration)
    {
        var options = new GenesysCloudSimulatorOptions { RateLimit = budget, RateWindow = window, MinLatency = latency[0], MaxLatency = latency[^1] };
        await using var sim = await GenesysCloudSimulator.StartAsync(options);
        var keys = Directory.CreateTempSubdirectory("genesyscloud-bench-keys-");
        var hosts = Enumerable.Range(0, replicas).Select(_ => BuildReplica(sim, redisConfiguration, keys)).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(h => h.StartAsync()));
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(hosts.SelectMany((h, i) => Enumerable.Range(0, calls / replicas + (i < calls % replicas ? 1 : 0))
                .Select(_ => h.Services.GetRequiredService<IGenesysCloudClient>().SendAsync(new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/wrapupcodes") { Category = "Routing", Operation = "getRoutingWrapupcodes" }))));
            var elapsed = clock.Elapsed.TotalSeconds;
            var windows = (int)Math.Ceiling((calls + replicas) / (double)budget);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {(replicas == 1 ? "1 replica, local" : $"{replicas} replicas, Redis")} | {elapsed:F2} | {sim.Inspector.TooManyRequestsSent} | {sim.Inspector.TokensIssued} | ≥ {windows} |"));
            if (Environment.GetEnvironmentVariable("GC_BENCH_TRACE") == "1" && sim.Inspector.TooManyRequestsSent > 0)
            {
                var requests = sim.Inspector.Requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).OrderBy(r => r.Timestamp).ToList();
                var t0 = requests[0].Timestamp;
                foreach (var r in requests)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(r.Timestamp - t0).TotalMilliseconds,8:F1} {r.StatusCode} {r.TokenId}"));
                }
            }

            foreach (var host in hosts)
            {
                await host.StopAsync();
            }

            return elapsed;
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
            keys.Delete(recursive: true);
        }
    }
}
finally
{
    redis.Kill();
    await redis.WaitForExitAsync();
}

static IHost BuildReplica(GenesysCloudSimulator sim, string? redisConfiguration, DirectoryInfo keys)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Services.AddDataProtection().PersistKeysToFileSystem(keys).SetApplicationName("genesyscloud-bench");
    var client = GenesysCloudCoreRegistration.AddGenesysCloudCore(builder.Services, string.Empty, configuration: null, o =>
    {
        o.ClientId = sim.ClientId;
        o.ClientSecret = sim.ClientSecret;
        o.ApiBaseAddress = sim.ApiBaseAddress;
        o.LoginBaseAddress = sim.LoginBaseAddress;
    });
    if (redisConfiguration is not null)
    {
        client.UseRedis(redisConfiguration);
    }

    return builder.Build();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

int Int(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
