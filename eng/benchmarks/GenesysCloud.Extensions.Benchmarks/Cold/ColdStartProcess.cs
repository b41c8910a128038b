using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GenesysCloud.Extensions.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Benchmarks.Cold;

/// <summary>
/// One fresh process of the cold mode: process start → host built and connected → the queue roster (cold) → the
/// same roster again (warm), each with its wall time and the methods JIT-compiled during it (<see cref="JitInfo"/>).
/// Prints one JSON line (<see cref="ColdStartSample"/>) on stdout.
/// </summary>
internal static class ColdStartProcess
{
    public static async Task<int> RunAsync(Uri baseAddress, string clientId, string clientSecret, int pageSize)
    {
        var startedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var main = DateTime.UtcNow - startedAt;
        var start = Jit.Now();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGenesysCloud(o =>
        {
            o.ClientId = clientId;
            o.ClientSecret = clientSecret;
            o.ApiBaseAddress = baseAddress;
            o.LoginBaseAddress = baseAddress;
        });
        using var host = builder.Build();
        await host.StartAsync();
        var connected = Jit.Now();

        var routing = host.Services.GetRequiredService<IRoutingApi>();
        RosterStarts();
        var (queues, members) = await RosterAsync(routing, pageSize);
        RosterEnds();
        var cold = Jit.Now();

        var (warmQueues, warmMembers) = await RosterAsync(routing, pageSize);
        var warm = Jit.Now();
        await host.StopAsync();

        if (warmQueues != queues || warmMembers != members)
        {
            await Console.Error.WriteLineAsync($"The warm roster read {warmQueues} queues and {warmMembers} members, the cold one {queues} and {members}.");
            return 1;
        }

        var sample = new ColdStartSample(
            main.TotalSeconds,
            Jit.Between(start, connected),
            Jit.Between(connected, cold),
            Jit.Between(cold, warm),
            queues,
            members);
        Console.WriteLine(JsonSerializer.Serialize(sample, ColdStartSample.JsonOptions));
        return 0;
    }

    // The queue roster of the issue: every queue (pages of pageSize), then the members of every queue concurrently.
    internal static async Task<(int Queues, int Members)> RosterAsync(IRoutingApi routing, int pageSize)
    {
        var queues = await routing.GetRoutingQueuesPageableAsync(pageSize: pageSize).ToListAsync();
        var members = await Task.WhenAll(queues.Select(q => routing.GetRoutingQueueMembersPageableAsync(q.Id!, pageSize: pageSize).ToListAsync()));
        return (queues.Count, members.Sum(m => m.Count));
    }

    // Markers in the JIT log (DOTNET_JitStdOutFile): the roster is what is compiled between them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void RosterStarts()
    {
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void RosterEnds()
    {
    }

    private readonly record struct Jit(long Ticks, long Methods, TimeSpan CompilationTime)
    {
        public static Jit Now() => new(Stopwatch.GetTimestamp(), JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

        public static ColdStartPhase Between(Jit from, Jit to) =>
            new(Stopwatch.GetElapsedTime(from.Ticks, to.Ticks).TotalSeconds, to.Methods - from.Methods, (to.CompilationTime - from.CompilationTime).TotalMilliseconds);
    }
}
