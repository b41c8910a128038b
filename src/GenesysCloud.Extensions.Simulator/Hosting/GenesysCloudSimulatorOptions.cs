using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// Configures a <see cref="GenesysCloudSimulator"/>: the default organization (credentials, rate limits, seeded data; see
/// <see cref="SimulatorOrganizationSettings"/>), any additional <see cref="Organizations"/>, and what the server does for all
/// of them: port, latency, faults, catalog, recording, clock and logging.
/// </summary>
public sealed class GenesysCloudSimulatorOptions : SimulatorOrganizationSettings
{
    /// <summary>The client id used when none is configured.</summary>
    public const string DefaultClientId = "5b0c5a3e-9d57-4f5e-8a8b-3f7d2c1e6a90";

    /// <summary>The client secret used when none is configured.</summary>
    public const string DefaultClientSecret = "simulator-secret";

    /// <summary>The name of the default organization when none is configured.</summary>
    public const string DefaultOrganizationName = "default";

    /// <summary>The seed of the default organization when none is configured.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Creates the options with the defaults: the organization <see cref="DefaultOrganizationName"/>, client
    /// <see cref="DefaultClientId"/> with <see cref="DefaultClientSecret"/>, seed <see cref="DefaultSeed"/>.</summary>
    public GenesysCloudSimulatorOptions()
        : base(DefaultOrganizationName, DefaultClientId, DefaultClientSecret, DefaultSeed)
    {
    }

    /// <summary>Gets or sets the loopback port of the default host (the default organization and those without a port of their own); 0 picks a free port.</summary>
    /// <remarks>Defaults to 0. The simulator only ever binds 127.0.0.1.</remarks>
    public int Port { get; set; }

    /// <summary>Gets or sets the smallest latency added before each request is answered.</summary>
    /// <remarks>Defaults to zero. With <see cref="MaxLatency"/> it forms a uniform range drawn with the seeded generator.</remarks>
    public TimeSpan MinLatency { get; set; }

    /// <summary>Gets or sets the largest latency added before each request is answered; values below <see cref="MinLatency"/> mean a fixed <see cref="MinLatency"/>.</summary>
    /// <remarks>Defaults to zero.</remarks>
    public TimeSpan MaxLatency { get; set; }

    /// <summary>
    /// Gets the organizations served next to the default one, each with its own OAuth client, data, rate budgets and token
    /// throttle, on the default host or on one of its own.
    /// </summary>
    /// <remarks>Defaults to none: one organization, as before.</remarks>
    public IList<SimulatorOrganizationOptions> Organizations { get; } = [];

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
