using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Coordination;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Pipeline;
using GenesysCloud.Extensions.Scheduling;
using GenesysCloud.Extensions.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Builds one client's object graph from its options — the composition root, and the only place that wires the
/// components to each other: each one gets what it needs passed in, and lower layers report upward through events
/// (a new token makes the scheduler forget the old token's budget; login throttling suspends the backlog). A client
/// registered with a fleet coordinator (a keyed <see cref="IGenesysCloudCoordinatorFactory"/>, under the client's name or,
/// for the clients added at run time, under <see cref="ClientRegistration.RuntimeName"/>) shares its own tokens, their
/// budgets and suspensions through it; other identities stay local.
/// </summary>
internal sealed class ClientComposition : IDisposable
{
    private ClientComposition(string name, GenesysCloudOptions options, GenesysCloudDiagnostics diagnostics, RequestScheduler scheduler, GenesysCloudClient client)
    {
        Name = name;
        Options = options;
        Diagnostics = diagnostics;
        Scheduler = scheduler;
        Client = client;
    }

    public string Name { get; }

    public GenesysCloudOptions Options { get; }

    public GenesysCloudDiagnostics Diagnostics { get; }

    public RequestScheduler Scheduler { get; }

    public GenesysCloudClient Client { get; }

    /// <summary>Builds the client <paramref name="registration"/> names (<see cref="string.Empty"/> for the unnamed one).</summary>
    public static ClientComposition Create(IServiceProvider services, ClientRegistration registration, GenesysCloudOptions options)
    {
        var name = registration.Name;
        var time = services.GetRequiredService<TimeProvider>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var httpClients = services.GetRequiredService<IHttpClientFactory>();
        var diagnostics = new GenesysCloudDiagnostics(
            services.GetRequiredService<GenesysCloudMetrics>(),
            services.GetRequiredService<GenesysCloudClientEvents>(),
            name.Length == 0 ? GenesysCloudDiagnostics.DefaultClientName : name);
        var attempt = new HttpAttempt(time, options.SocketTimeout, options.MaxResponseContentLength);
        var login = new LoginService(() => httpClients.CreateClient(registration.LoginHttpClientName), attempt, options, time, diagnostics, loggerFactory);

        // The client's own identity: one client-credentials token, or a pool of them, each with its own lane (budget), in a
        // fleet each the fleet's token of its slot.
        var coordinator = services.GetKeyedService<IGenesysCloudCoordinatorFactory>(registration.ServiceKey)?.Create(
            new GenesysCloudCoordinationContext(name, options.ClientId!, options.ResolvedApiBaseAddress, options.TokenPoolSize));
        var lanes = new RateLane[options.TokenPoolSize];
        for (var i = 0; i < lanes.Length; i++)
        {
            var tokens = new AccessTokenProvider(new ClientCredentialsTokenSource(login, time), login.DeleteTokenAsync, options, time, store: coordinator?.Tokens, slot: i);
            lanes[i] = new RateLane(tokens, GenesysCloudTelemetryNames.IdentityApp, i, options.RateLimiting, coordinator is null ? null : new FleetAllowance(coordinator.Rates, i));
        }

        diagnostics.SetTokenCount(lanes.Length);
        var scheduler = new RequestScheduler(time, options.RateLimiting, diagnostics, new LaneGroup(lanes, identityKey: null));
        foreach (var lane in lanes)
        {
            lane.Tokens.TokenIssued += (_, _) => scheduler.ForgetBudget(lane);
        }

        // Login throttling is per OAuth client: it holds back every lane of the client's own identity.
        login.Throttled += delay =>
        {
            foreach (var lane in lanes)
            {
                scheduler.Suspend(lane, delay, GenesysCloudTelemetryNames.RateLimitSourceToken);
            }
        };
        var identities = new IdentityLanes(login, options, time, scheduler.ForgetBudget);

        var abort = new CancellationTokenSource();
        var customizations = services.GetRequiredService<IOptionsMonitor<GenesysCloudRetryCustomization>>().Get(registration.ServiceKey).Actions;
        var pipeline = CallPipelineFactory.Create(options, customizations, diagnostics, time, loggerFactory, registration.ApiHttpClientName);
        var executor = new CallExecutor(
            scheduler,
            pipeline,
            () => httpClients.CreateClient(registration.ApiHttpClientName),
            attempt,
            diagnostics,
            new CallOutcomes(options.SocketTimeout, abort.Token),
            time,
            options.ResolvedApiBaseAddress,
            abort.Token);
        var client = new GenesysCloudClient(name, scheduler, identities, executor, diagnostics, options, time, abort, loggerFactory.CreateLogger<GenesysCloudClient>())
        {
            Coordinator = coordinator ?? LocalCoordinator.Instance,
        };
        return new ClientComposition(name, options, diagnostics, scheduler, client);
    }

    public void Dispose()
    {
        Client.Dispose();
        Diagnostics.Dispose();
    }
}
