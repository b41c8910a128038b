using System.Net;
using GenesysCloud.Extensions.Simulator.Analytics;
using GenesysCloud.Extensions.Simulator.Catalog;
using GenesysCloud.Extensions.Simulator.Control;
using GenesysCloud.Extensions.Simulator.Faults;
using GenesysCloud.Extensions.Simulator.Hosting;
using GenesysCloud.Extensions.Simulator.Http;
using GenesysCloud.Extensions.Simulator.Logging;
using GenesysCloud.Extensions.Simulator.Notifications;
using GenesysCloud.Extensions.Simulator.OAuth;
using GenesysCloud.Extensions.Simulator.Organization;
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
/// Genesys Cloud organizations on loopback Kestrel (127.0.0.1 only): the login service's <c>/oauth/token</c> and the
/// <c>/api/v2</c> API, with Genesys's rate limits, scripted faults and inspection for tests. One default organization on one
/// port unless <see cref="GenesysCloudSimulatorOptions.Organizations"/> adds more, each optionally on a host of its own.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await GenesysCloudSimulator.StartAsync();
/// // point any Genesys client at sim.LoginBaseAddress / sim.ApiBaseAddress with sim.ClientId / sim.ClientSecret
/// </code>
/// </example>
public sealed class GenesysCloudSimulator : IAsyncDisposable
{
    private readonly IReadOnlyList<WebApplication> _apps;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private GenesysCloudSimulator(IReadOnlyList<WebApplication> apps, CancellationTokenSource stopping, IReadOnlyList<SimulatorOrganization> organizations, SimulatorFaults faults, SimulatorInspector inspector)
    {
        _apps = apps;
        _stopping = stopping;
        Organizations = organizations;
        Faults = faults;
        Inspector = inspector;
    }

    /// <summary>Gets the base address of the default organization's API (<c>/api/v2/...</c>), e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri ApiBaseAddress => DefaultOrganization.ApiBaseAddress;

    /// <summary>Gets the base address of the default organization's login service (<c>/oauth/token</c>); the same as <see cref="ApiBaseAddress"/>.</summary>
    public Uri LoginBaseAddress => DefaultOrganization.LoginBaseAddress;

    /// <summary>Gets the client id the token endpoint accepts for the default organization.</summary>
    public string ClientId => DefaultOrganization.ClientId;

    /// <summary>Gets the client secret the token endpoint accepts for the default organization.</summary>
    public string ClientSecret => DefaultOrganization.ClientSecret;

    /// <summary>Gets the default organization (configured by <see cref="GenesysCloudSimulatorOptions"/> itself).</summary>
    public SimulatorOrganization DefaultOrganization => Organizations[0];

    /// <summary>Gets every organization, the default one first, then those of <see cref="GenesysCloudSimulatorOptions.Organizations"/> in order.</summary>
    public IReadOnlyList<SimulatorOrganization> Organizations { get; }

    /// <summary>Gets the faults control: add, remove or clear scripted and probabilistic faults while running.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>Gets what the simulator has seen, across every organization: requests, counts, tokens, concurrency and 429s.</summary>
    public SimulatorInspector Inspector { get; }

    /// <summary>Gets the default organization's Notifications service: drive events and socket faults, inspect channels and deliveries.</summary>
    /// <remarks>Every organization has its own: <see cref="SimulatorOrganization.Notifications"/>.</remarks>
    public SimulatorNotifications Notifications => DefaultOrganization.Notifications;

    /// <summary>Gets the organization named <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">The organization's short name.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="KeyNotFoundException">No organization has that name.</exception>
    public SimulatorOrganization GetOrganization(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Organizations.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"The simulator has no organization named '{name}'; it serves {string.Join(", ", Organizations.Select(static o => $"'{o.Name}'"))}.");
    }

    /// <summary>Makes an access token of any organization expire now, on the simulator's clock: it then gets 401.</summary>
    /// <param name="tokenId">The token's <see cref="SimulatorToken.Id"/>.</param>
    /// <returns><see langword="true"/> when the token was live.</returns>
    public bool ExpireToken(string tokenId) => Organizations.Any(o => o.ExpireToken(tokenId));

    /// <summary>Revokes an access token of any organization: it then gets 401.</summary>
    /// <param name="tokenId">The token's <see cref="SimulatorToken.Id"/>.</param>
    /// <returns><see langword="true"/> when the token was live.</returns>
    public bool RevokeToken(string tokenId) => Organizations.Any(o => o.RevokeToken(tokenId));

    /// <summary>Starts a simulator and returns once every host listens.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop.</returns>
    public static async Task<GenesysCloudSimulator> StartAsync(GenesysCloudSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenesysCloudSimulatorOptions();
        Validate(options);

        var timeProvider = options.TimeProvider;
        var logger = options.LoggerFactory?.CreateLogger("GenesysCloud.Extensions.Simulator") ?? NullLogger.Instance;
        var faults = new SimulatorFaults(timeProvider, options.Seed);
        foreach (var fault in options.Faults)
        {
            faults.Add(fault);
        }

        var stopping = new CancellationTokenSource();
        var organizations = new List<SimulatorOrganization>();
        var inspector = new SimulatorInspector(options.MaxRecordedRequests, timeProvider, organizations);
        organizations.Add(new SimulatorOrganization(options, isDefault: true, timeProvider, options.MaxRecordedRequests, inspector, faults, options.Notifications, stopping.Token));
        organizations.AddRange(options.Organizations.Select(o => new SimulatorOrganization(o, isDefault: false, timeProvider, options.MaxRecordedRequests, inspector, faults, options.Notifications, stopping.Token)));
        var hosts = PlanHosts(options, organizations);

        var routes = new RouteTable();
        TokensMeEndpoints.Map(routes);
        OrganizationEndpoints.Map(routes);
        AnalyticsJobEndpoints.Map(routes);
        NotificationEndpoints.Map(routes);
        var catalog = options.Catalog ?? SimulatorCatalog.Embedded;

        var pipeline = new SimulatorPipeline(
            routes,
            catalog is null ? null : new CatalogResponder(catalog),
            new TokenEndpoint(logger),
            new AuthorizeEndpoint(logger),
            faults,
            new FaultResponder(timeProvider, inspector),
            new LatencySimulator(options.MinLatency, options.MaxLatency, options.Seed, timeProvider, inspector),
            new ControlApi(faults, inspector, organizations),
            inspector,
            timeProvider,
            stopping.Token,
            logger);

        var apps = new List<WebApplication>(hosts.Count);
        try
        {
            foreach (var host in hosts)
            {
                apps.Add(await StartHostAsync(host, pipeline, new NotificationControlApi(host, organizations), options.LoggerFactory, cancellationToken).ConfigureAwait(false));
                Log.Started(logger, host.BaseAddress);
            }
        }
        catch
        {
            foreach (var app in apps)
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }

            organizations.ForEach(static o => o.Notifications.Stop());
            stopping.Dispose();
            throw;
        }

        return new GenesysCloudSimulator(apps, stopping, organizations, faults, inspector);
    }

    /// <summary>Stops every host, cancelling stalled and delayed requests.</summary>
    /// <returns>A task that completes when the servers have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var organization in Organizations)
        {
            organization.Notifications.Stop();
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_apps.Select(static app => app.StopAsync())).ConfigureAwait(false);
        foreach (var app in _apps)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var organization in Organizations)
        {
            organization.ReleaseResources();
        }

        _stopping.Dispose();
    }

    /// <summary>The default host serves the default organization and every one without a port; each other organization gets a host of its own.</summary>
    private static List<SimulatorHost> PlanHosts(GenesysCloudSimulatorOptions options, List<SimulatorOrganization> organizations)
    {
        var shared = new List<SimulatorOrganization> { organizations[0] };
        var hosts = new List<SimulatorHost> { new(options.Port, shared) };
        for (var i = 0; i < options.Organizations.Count; i++)
        {
            if (options.Organizations[i].Port is { } port)
            {
                hosts.Add(new SimulatorHost(port, [organizations[i + 1]]));
            }
            else
            {
                shared.Add(organizations[i + 1]);
            }
        }

        foreach (var host in hosts)
        {
            foreach (var organization in host.Organizations)
            {
                organization.Host = host;
            }
        }

        return hosts;
    }

    private static async Task<WebApplication> StartHostAsync(SimulatorHost host, SimulatorPipeline pipeline, NotificationControlApi notifications, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(GenesysCloudSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.Configure<HostOptions>(static o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;

            // Loopback only, always: the simulator accepts any client and must never be reachable from elsewhere.
            kestrel.Listen(IPAddress.Loopback, host.Port);
        });

        var app = builder.Build();
        app.UseWebSockets();
        app.Use(notifications.InvokeAsync);
        app.Run(context => pipeline.InvokeAsync(context, host));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return app;
    }

    private static void Validate(GenesysCloudSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ThrowIfBadPort(options.Port, nameof(options.Port));
        Validate(options, "the default organization");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { options.Name };
        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateClients(options, "the default organization", clients);
        var ports = new HashSet<int>();
        if (options.Port != 0)
        {
            ports.Add(options.Port);
        }

        foreach (var organization in options.Organizations)
        {
            ArgumentNullException.ThrowIfNull(organization, nameof(options));
            var label = $"organization '{organization.Name}'";
            Validate(organization, label);
            if (!names.Add(organization.Name))
            {
                throw new ArgumentException($"Two organizations are named '{organization.Name}'; names must be unique (case-insensitive).", nameof(options));
            }

            ValidateClients(organization, label, clients);

            if (organization.Port is { } port)
            {
                ThrowIfBadPort(port, $"Organizations['{organization.Name}'].Port");
                if (port != 0 && !ports.Add(port))
                {
                    throw new ArgumentException($"The port {port} of {label} is already taken by another host of the simulator.", nameof(options));
                }
            }
        }
    }

    private static void Validate(SimulatorOrganizationSettings settings, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Name, $"Name of {label}");
        ArgumentException.ThrowIfNullOrEmpty(settings.ClientId, $"ClientId of {label}");
        ArgumentException.ThrowIfNullOrEmpty(settings.ClientSecret, $"ClientSecret of {label}");
        ThrowIfNotPositive(settings.TokenLifetime, nameof(settings.TokenLifetime), label);
        ThrowIfNotPositive(settings.RateWindow, nameof(settings.RateWindow), label);
        ThrowIfNotPositive(settings.TokenRateWindow, nameof(settings.TokenRateWindow), label);
        ThrowIfNegative(settings.QueueCount, nameof(settings.QueueCount), label);
        ThrowIfNegative(settings.MaxMembersPerQueue, nameof(settings.MaxMembersPerQueue), label);
        ThrowIfNegative(settings.UserCount, nameof(settings.UserCount), label);
        ThrowIfNegative(settings.WrapupCodeCount, nameof(settings.WrapupCodeCount), label);
        ThrowIfNegative(settings.RateLimit ?? 0, nameof(settings.RateLimit), label);
        ThrowIfNegative(settings.TokenRateLimit ?? 0, nameof(settings.TokenRateLimit), label);
    }

    private static void ValidateClients(SimulatorOrganizationSettings settings, string label, Dictionary<string, string> clients)
    {
        ThrowIfNotPositive(settings.AuthorizationCodeLifetime, nameof(settings.AuthorizationCodeLifetime), label);
        ThrowIfNotPositive(settings.RefreshTokenLifetime, nameof(settings.RefreshTokenLifetime), label);
        ThrowIfNotPositive(settings.AnalyticsJobDuration, nameof(settings.AnalyticsJobDuration), label);
        ThrowIfNotPositive(settings.AnalyticsJobResultLifetime, nameof(settings.AnalyticsJobResultLifetime), label);
        ThrowIfNegative(settings.AnalyticsConversationsPerHour, nameof(settings.AnalyticsConversationsPerHour), label);
        foreach (var id in settings.OAuthClients.Select(static c => c?.ClientId).Prepend(settings.ClientId))
        {
            ArgumentNullException.ThrowIfNull(id, $"OAuthClients of {label}");
            if (!clients.TryAdd(id, label))
            {
                throw new ArgumentException($"The client id '{id}' of {label} is already a client of {clients[id]}; client ids are unique across organizations.", nameof(settings));
            }
        }

        foreach (var client in settings.OAuthClients)
        {
            if (!client.IsPublic && string.IsNullOrEmpty(client.ClientSecret))
            {
                throw new ArgumentException($"The OAuth client '{client.ClientId}' of {label} needs a ClientSecret (only PKCE clients have none).", nameof(settings));
            }

            if (client.Grant is SimulatorOAuthGrant.AuthorizationCode or SimulatorOAuthGrant.AuthorizationCodePkce
                && (client.RedirectUris.Count == 0 || client.RedirectUris.Any(static u => !Uri.IsWellFormedUriString(u, UriKind.Absolute))))
            {
                throw new ArgumentException($"The OAuth client '{client.ClientId}' of {label} needs at least one absolute redirect URI.", nameof(settings));
            }
        }
    }

    private static void ThrowIfBadPort(int port, string name)
    {
        if (port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(name, port, $"{name} must be between 0 and {IPEndPoint.MaxPort}.");
        }
    }

    private static void ThrowIfNegative(int value, string name, string label)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} of {label} must not be negative.");
        }
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name, string label)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} of {label} must be positive.");
        }
    }
}
