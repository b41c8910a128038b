using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace WebApiSample.Tests;

/// <summary>
/// The sample on real Kestrel, on a free loopback port, for a browser (TestServer lives in memory only).
/// A little simulator latency so the dashboard has something to show, a budget the demo does not exhaust, and a
/// short 429 storm.
/// </summary>
public sealed class KestrelSampleFactory : SampleFactory
{
    public KestrelSampleFactory() => UseKestrel(static kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Simulator:MinLatency"] = "00:00:00.020",
        ["Simulator:MaxLatency"] = "00:00:00.060",
        ["Simulator:RateLimitStormDuration"] = "00:00:02",

        // Room for the whole demo in one window: the test watches the backlog and the storm, not a 60 s wait.
        ["Simulator:RateLimit"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Starts the server and returns its address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri StartAndGetAddress()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
