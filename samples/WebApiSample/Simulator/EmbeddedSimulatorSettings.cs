namespace WebApiSample.Simulator;

/// <summary>
/// The <c>Simulator</c> section: how the embedded Genesys Cloud simulator behaves when no
/// <c>GenesysCloud:ClientId</c> is configured. The defaults are close to a real org.
/// </summary>
public sealed class EmbeddedSimulatorSettings
{
    public const string SectionName = "Simulator";

    /// <summary>API requests per token per window. Defaults to 300; 0 = unlimited.</summary>
    public int RateLimit { get; set; } = 300;

    /// <summary>The rate-limit window. Defaults to 60 seconds.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Smallest added latency per request. Defaults to 50 ms.</summary>
    public TimeSpan MinLatency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Largest added latency per request. Defaults to 150 ms.</summary>
    public TimeSpan MaxLatency { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Lifetime of issued tokens; short, so the dashboard shows refreshes. Defaults to 2 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the simulated org publishes a notification event on a subscribed topic (the live feed). Defaults to 1 second.</summary>
    public TimeSpan NotificationActivityInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the demo's 429 storm lasts. Defaults to 5 seconds.</summary>
    public TimeSpan RateLimitStormDuration { get; set; } = TimeSpan.FromSeconds(5);
}
