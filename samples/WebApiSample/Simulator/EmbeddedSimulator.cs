using System.Security.Cryptography;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using Microsoft.Extensions.Options;
using WebApiSample.SignIn;

namespace WebApiSample.Simulator;

/// <summary>
/// The loopback Genesys Cloud simulator the sample talks to when no <c>GenesysCloud:ClientId</c> is configured,
/// so <c>dotnet run</c> works on a fresh clone. A singleton: the container disposes it after the host has
/// stopped, that is after the Genesys Cloud client has closed (and deleted its token against it).
/// </summary>
public sealed class EmbeddedSimulator : IAsyncDisposable
{
    // Where Kestrel listens when no URL is configured.
    private const string KestrelDefaultAddress = "http://localhost:5000";

    private readonly EmbeddedSimulatorSettings _settings;
    private readonly ILogger<EmbeddedSimulator> _logger;
    private readonly Lock _startLock = new();
    private readonly SimulatorOAuthClient _signInClient;
    private GenesysCloudSimulator? _simulator;
    private bool _disposed;

    public EmbeddedSimulator(IConfiguration configuration, ILogger<EmbeddedSimulator> logger)
    {
        IsEnabled = IsEnabledFor(configuration);
        _settings = configuration.GetSection(EmbeddedSimulatorSettings.SectionName).Get<EmbeddedSimulatorSettings>() ?? new();
        _logger = logger;

        // The sample's authorization-code client for sign-in (SignIn/), with a secret of this run's. Its first redirect
        // URI is on Kestrel's default address (the simulator needs one to start); the addresses the server really binds
        // are added once it has started (SignInRedirectRegistration), since a port may only be known then.
        _signInClient = SimulatorOAuthClient.AuthorizationCode(
            "webapisample-signin",
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            SignInSchemes.RedirectUri(KestrelDefaultAddress));
        _signInClient.Name = "WebApiSample sign-in";
    }

    /// <summary>Gets a value indicating whether the sample runs against the embedded simulator (no ClientId configured).</summary>
    public bool IsEnabled { get; }

    /// <summary>Gets a value indicating whether <paramref name="configuration"/> runs the sample against the embedded simulator.</summary>
    public static bool IsEnabledFor(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["GenesysCloud:ClientId"]);

    /// <summary>Gets the settings of the simulator.</summary>
    public EmbeddedSimulatorSettings Settings => _settings;

    /// <summary>Gets the default organization's authorization-code client the sample signs users in with.</summary>
    public SimulatorOAuthClient SignInClient => _signInClient;

    /// <summary>Gets the running simulator, starting it on first use; null when a real org is configured.</summary>
    public GenesysCloudSimulator? Simulator
    {
        get
        {
            if (!IsEnabled)
            {
                return null;
            }

            lock (_startLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);

                // Options are resolved (and validated) synchronously before any hosted service starts, and they
                // need the simulator's address: so it starts here, once, on the host's start-up path.
                return _simulator ??= Start();
            }
        }
    }

    /// <summary>Points a client at one of the simulator's organizations (an options post-configuration).</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="organization">The simulated organization; <see langword="null"/> for the default one.</param>
    public void Apply(GenesysCloudOptions options, string? organization = null)
    {
        if (Simulator is not { } simulator)
        {
            return;
        }

        var org = organization is null ? simulator.DefaultOrganization : simulator.GetOrganization(organization);
        options.ClientId = org.ClientId;
        options.ClientSecret = org.ClientSecret;
        options.ApiBaseAddress = org.ApiBaseAddress;
        options.LoginBaseAddress = org.LoginBaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        GenesysCloudSimulator? simulator;
        lock (_startLock)
        {
            simulator = _simulator;
            _simulator = null;
            _disposed = true;
        }

        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }

    private GenesysCloudSimulator Start()
    {
        var options = new GenesysCloudSimulatorOptions
        {
            RateLimit = _settings.RateLimit,
            RateWindow = _settings.RateWindow,
            MinLatency = _settings.MinLatency,
            MaxLatency = _settings.MaxLatency,
            TokenLifetime = _settings.TokenLifetime,
        };
        options.Notifications.ActivityInterval = _settings.NotificationActivityInterval;
        options.OAuthClients.Add(_signInClient);

        // A second, smaller org for the multi-org endpoints (api/orgs/fabrikam/queues), with a budget of its own.
        options.Organizations.Add(new SimulatorOrganizationOptions(Organizations.SampleOrganizations.EmbeddedOrganization) { QueueCount = 7 });
        var simulator = GenesysCloudSimulator.StartAsync(options).GetAwaiter().GetResult();
        Log.UsingEmbeddedSimulator(_logger, simulator.ApiBaseAddress, _settings.RateLimit, _settings.RateWindow.TotalSeconds);
        return simulator;
    }
}

/// <summary>Registers the embedded simulator and points the Genesys Cloud options at it when it is enabled.</summary>
internal static class EmbeddedSimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddedGenesysCloudSimulator(this IServiceCollection services)
    {
        services.AddSingleton<EmbeddedSimulator>();
        services.AddOptions<GenesysCloudOptions>().PostConfigure<EmbeddedSimulator>(static (options, simulator) => simulator.Apply(options));
        return services;
    }
}
