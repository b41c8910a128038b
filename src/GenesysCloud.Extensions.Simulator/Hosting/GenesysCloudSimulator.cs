using System.Net;
using GenesysCloud.Extensions.Simulator.Catalog;
using GenesysCloud.Extensions.Simulator.Control;
using GenesysCloud.Extensions.Simulator.Faults;
using GenesysCloud.Extensions.Simulator.Hosting;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Logging;
using GenesysCloud.Extensions.Simulator.Notifications;
using GenesysCloud.Extensions.Simulator.OAuth;
using GenesysCloud.Extensions.Simulator.Organization;
using GenesysCloud.Extensions.Simulator.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// A Genesys Cloud organization on loopback Kestrel (127.0.0.1 only): the login service's <c>/oauth/token</c> and the
/// <c>/api/v2</c> API on one port, with Genesys's rate limits, scripted faults and inspection for tests.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await GenesysCloudSimulator.StartAsync();
/// // point any Genesys client at sim.LoginBaseAddress / sim.ApiBaseAddress with sim.ClientId / sim.ClientSecret
/// </code>
/// </example>
public sealed class GenesysCloudSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private GenesysCloudSimulator(WebApplication app, CancellationTokenSource stopping, Uri address, GenesysCloudSimulatorOptions options, SimulatorFaults faults, SimulatorInspector inspector, SimulatorNotifications notifications)
    {
        Notifications = notifications;
        _app = app;
        _stopping = stopping;
        ApiBaseAddress = address;
        LoginBaseAddress = address;
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        Faults = faults;
        Inspector = inspector;
    }

    /// <summary>Gets the base address of the API (<c>/api/v2/...</c>), e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>Gets the base address of the login service (<c>/oauth/token</c>); the same as <see cref="ApiBaseAddress"/>.</summary>
    public Uri LoginBaseAddress { get; }

    /// <summary>Gets the client id the token endpoint accepts.</summary>
    public string ClientId { get; }

    /// <summary>Gets the client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; }

    /// <summary>Gets the faults control: add, remove or clear scripted and probabilistic faults while running.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>Gets what the simulator has seen: requests, counts, tokens, concurrency and 429s.</summary>
    public SimulatorInspector Inspector { get; }

    /// <summary>Gets the Notifications service: drive events and socket faults, inspect channels and deliveries.</summary>
    public SimulatorNotifications Notifications { get; }

    /// <summary>Starts a simulator and returns once it listens.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop.</returns>
    public static async Task<GenesysCloudSimulator> StartAsync(GenesysCloudSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenesysCloudSimulatorOptions();
        Validate(options);

        var timeProvider = options.TimeProvider;
        var logger = options.LoggerFactory?.CreateLogger("GenesysCloud.Extensions.Simulator") ?? NullLogger.Instance;
        var apiLimiter = new FixedWindowRateLimiter(options.RateLimit, options.RateWindow, timeProvider);
        var tokenLimiter = new FixedWindowRateLimiter(options.TokenRateLimit, options.TokenRateWindow, timeProvider);
        var inspector = new SimulatorInspector(options.MaxRecordedRequests, apiLimiter);
        var faults = new SimulatorFaults(timeProvider, options.Seed);
        foreach (var fault in options.Faults)
        {
            faults.Add(fault);
        }

        var tokens = new TokenStore(options.TokenLifetime, timeProvider);
        var organization = OrganizationGenerator.Generate(options, timeProvider);
        var routes = new RouteTable();
        TokenEndpoint.MapTokensMe(routes, tokens, inspector, organization.OrganizationId, organization.OrganizationName);
        OrganizationEndpoints.Map(routes, organization);
        var catalog = options.Catalog ?? SimulatorCatalog.Embedded;

        var stopping = new CancellationTokenSource();
        var notifications = new SimulatorNotifications(options.Notifications, tokens, organization, timeProvider, options.Seed, stopping.Token);
        NotificationEndpoints.Map(routes, notifications);
        var pipeline = new SimulatorPipeline(
            routes,
            catalog is null ? null : new CatalogResponder(catalog),
            new TokenEndpoint(options.ClientId, options.ClientSecret, options.TokenThrottleResponse, tokenLimiter, tokens, inspector, logger),
            tokens,
            apiLimiter,
            faults,
            new FaultResponder(timeProvider, inspector),
            new LatencySimulator(options.MinLatency, options.MaxLatency, options.Seed, timeProvider, inspector),
            new ControlApi(faults, inspector),
            inspector,
            timeProvider,
            stopping.Token,
            logger);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(GenesysCloudSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.Configure<HostOptions>(static o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;

            // Loopback only, always: the simulator accepts any client and must never be reachable from elsewhere.
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        app.UseWebSockets();
        app.Use(new NotificationControlApi(notifications).InvokeAsync);
        app.Run(pipeline.InvokeAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        Log.Started(logger, baseAddress);
        return new GenesysCloudSimulator(app, stopping, baseAddress, options, faults, inspector, notifications);
    }

    /// <summary>Stops the server, cancelling stalled and delayed requests.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Notifications.Stop();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static void Validate(GenesysCloudSimulatorOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.ClientId, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.ClientSecret, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options));
        ThrowIfNotPositive(options.TokenLifetime, nameof(options.TokenLifetime));
        ThrowIfNotPositive(options.RateWindow, nameof(options.RateWindow));
        ThrowIfNotPositive(options.TokenRateWindow, nameof(options.TokenRateWindow));
        ArgumentOutOfRangeException.ThrowIfNegative(options.QueueCount, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxMembersPerQueue, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.UserCount, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.WrapupCodeCount, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RateLimit ?? 0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.TokenRateLimit ?? 0, nameof(options));
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
