using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// Configures a <see cref="GenesysCloudSimulator"/>: the credentials it accepts, its rate limits, latency, faults
/// and the seeded organization.
/// </summary>
public sealed class GenesysCloudSimulatorOptions
{
    /// <summary>The client id used when none is configured.</summary>
    public const string DefaultClientId = "5b0c5a3e-9d57-4f5e-8a8b-3f7d2c1e6a90";

    /// <summary>The client secret used when none is configured.</summary>
    public const string DefaultClientSecret = "simulator-secret";

    /// <summary>Gets or sets the OAuth client id the token endpoint accepts.</summary>
    /// <remarks>Defaults to <see cref="DefaultClientId"/>.</remarks>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>Gets or sets the OAuth client secret the token endpoint accepts.</summary>
    /// <remarks>Defaults to <see cref="DefaultClientSecret"/>.</remarks>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>Gets or sets the loopback port to listen on; 0 picks a free port.</summary>
    /// <remarks>Defaults to 0. The simulator only ever binds 127.0.0.1.</remarks>
    public int Port { get; set; }

    /// <summary>Gets or sets how long an issued access token stays valid (<c>expires_in</c>).</summary>
    /// <remarks>Defaults to 86,400 seconds, as Genesys Cloud does.</remarks>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(86_400);

    /// <summary>Gets or sets the number of API requests each token may make per <see cref="RateWindow"/>; <see langword="null"/> or 0 means unlimited.</summary>
    /// <remarks>Defaults to 300, Genesys Cloud's per-token budget.</remarks>
    public int? RateLimit { get; set; } = 300;

    /// <summary>Gets or sets the length of the fixed rate-limit window for API requests.</summary>
    /// <remarks>Defaults to 60 seconds. Benchmarks shrink it to scale time.</remarks>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the number of token requests each client id may make per <see cref="TokenRateWindow"/>; <see langword="null"/> or 0 means unlimited.</summary>
    /// <remarks>Defaults to 300. The token endpoint has its own budget, separate from the API's.</remarks>
    public int? TokenRateLimit { get; set; } = 300;

    /// <summary>Gets or sets the length of the fixed rate-limit window for the token endpoint.</summary>
    /// <remarks>Defaults to 60 seconds.</remarks>
    public TimeSpan TokenRateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how the token endpoint answers when its budget is spent.</summary>
    /// <remarks>Defaults to <see cref="TokenThrottleResponse.GenesysBadRequest"/>, the login service's HTTP 400 <c>invalid_request</c>.</remarks>
    public TokenThrottleResponse TokenThrottleResponse { get; set; } = TokenThrottleResponse.GenesysBadRequest;

    /// <summary>Gets or sets the smallest latency added before each request is answered.</summary>
    /// <remarks>Defaults to zero. With <see cref="MaxLatency"/> it forms a uniform range drawn with the seeded generator.</remarks>
    public TimeSpan MinLatency { get; set; }

    /// <summary>Gets or sets the largest latency added before each request is answered; values below <see cref="MinLatency"/> mean a fixed <see cref="MinLatency"/>.</summary>
    /// <remarks>Defaults to zero.</remarks>
    public TimeSpan MaxLatency { get; set; }

    /// <summary>Gets or sets the seed of the organization, the latency draws and the probabilistic faults.</summary>
    /// <remarks>Defaults to 42. The same seed always produces the same organization.</remarks>
    public int Seed { get; set; } = 42;

    /// <summary>Gets or sets the number of routing queues in the seeded organization.</summary>
    /// <remarks>Defaults to 40.</remarks>
    public int QueueCount { get; set; } = 40;

    /// <summary>Gets or sets the largest number of members a seeded queue gets (each has 0 to this many).</summary>
    /// <remarks>Defaults to 250.</remarks>
    public int MaxMembersPerQueue { get; set; } = 250;

    /// <summary>Gets or sets the number of users in the seeded organization.</summary>
    /// <remarks>Defaults to 500; raised to <see cref="MaxMembersPerQueue"/> when smaller.</remarks>
    public int UserCount { get; set; } = 500;

    /// <summary>Gets or sets the number of wrap-up codes in the seeded organization.</summary>
    /// <remarks>Defaults to 25.</remarks>
    public int WrapupCodeCount { get; set; } = 25;

    /// <summary>Gets or sets the catalog that answers operations the seeded organization does not implement.</summary>
    /// <remarks>Defaults to <see langword="null"/>: the catalog embedded in the simulator assembly when it was built with the generator's files, otherwise none.</remarks>
    public SimulatorCatalog? Catalog { get; set; }

    /// <summary>Gets the faults active from the start; more can be added at run time through <see cref="GenesysCloudSimulator.Faults"/>.</summary>
    public IList<SimulatorFault> Faults { get; } = [];

    /// <summary>Gets or sets the number of requests the inspector keeps; counters are unbounded.</summary>
    /// <remarks>Defaults to 10,000.</remarks>
    public int MaxRecordedRequests { get; set; } = 10_000;

    /// <summary>Gets or sets the clock for token expiry, rate-limit windows, latency and stalls.</summary>
    /// <remarks>Defaults to <see cref="TimeProvider.System"/>; tests pass a fake clock.</remarks>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets the Notifications service's limits, timings and automatic activity.</summary>
    public SimulatorNotificationOptions Notifications { get; } = new();

    /// <summary>Gets or sets the logger factory; <see langword="null"/> disables logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
