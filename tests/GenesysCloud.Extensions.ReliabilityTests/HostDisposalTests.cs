using GenesysCloud.Extensions.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace GenesysCloud.Extensions.ReliabilityTests;

/// <summary>Stopping and disposing the host releases what the client held: connections, threads, the token.</summary>
public sealed class HostDisposalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Disposing_the_host_closes_every_connection_the_client_opened()
    {
        var before = LeakProbe.CountSockets();
        var h = await ReliabilityHost.StartAsync(fakeClock: false);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => h.Client.SendAsync(CallLedger.Get(i))));
        var open = LeakProbe.CountSockets();
        await h.StopAsync();
        h.Host.Dispose();
        var afterHost = LeakProbe.CountSockets();
        await h.Sim.DisposeAsync();
        h.CallDurations.Dispose();
        var after = LeakProbe.CountSockets();

        Assert.True(open > before, "the calls opened connections");
        Assert.Equal(1, h.Sim.Inspector.TokensDeleted);
        if (before >= 0)
        {
            // The simulator's own sockets close with it; the client's must close with the host.
            Assert.True(after <= before, $"sockets: {before} before, {open} with the host running, {afterHost} after disposing the host, {after} after the simulator");
        }

        Figures.Record(output, "host disposal", $"40 concurrent calls; sockets {before} before, {open} open, {after} after disposing host and simulator");
    }
}
