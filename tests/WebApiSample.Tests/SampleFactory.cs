using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebApiSample.Tests;

/// <summary>
/// The sample against its embedded simulator, in memory, with the simulator's latency off so tests are fast.
/// Each factory starts its own simulator (the sample's default: no ClientId configured).
/// </summary>
public class SampleFactory : WebApplicationFactory<Program>
{
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Simulator:MinLatency"] = "00:00:00",
        ["Simulator:MaxLatency"] = "00:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The sample configured for a real org that cannot be reached: the client keeps connecting in the background.</summary>
public sealed class RealOrgSampleFactory : SampleFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["GenesysCloud:ClientId"] = "f6eb9da0-4590-4bb7-82a0-f85afbfa1070",
        ["GenesysCloud:ClientSecret"] = "not-a-secret",
        // The discard port: nothing listens, the connection is refused at once.
        ["GenesysCloud:ApiBaseAddress"] = "http://127.0.0.1:9/",
        ["GenesysCloud:LoginBaseAddress"] = "http://127.0.0.1:9/",
        ["GenesysCloud:StartupBehavior"] = "RetryInBackground",
        ["Logging:LogLevel:Default"] = "None",
    };
}
