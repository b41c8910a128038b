using GenesysCloud.Extensions.Authentication;
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
/// (a new token makes the scheduler forget the old token's budget; login throttling suspends the backlog).
/// </summary>
internal sealed class ClientComposition : IDisposable
{
    private ClientComposition(GenesysCloudOptions options, GenesysCloudDiagnostics diagnostics, RequestScheduler scheduler, AccessTokenProvider tokens, GenesysCloudClient client)
    {
        Options = options;
        Diagnostics = diagnostics;
        Scheduler = scheduler;
        Tokens = tokens;
        Client = client;
    }

    public GenesysCloudOptions Options { get; }

    public GenesysCloudDiagnostics Diagnostics { get; }

    public RequestScheduler Scheduler { get; }

    public AccessTokenProvider Tokens { get; }

    public GenesysCloudClient Client { get; }

    public static ClientComposition Create(IServiceProvider services, string name, string apiHttpClientName, string loginHttpClientName)
    {
        var options = services.GetRequiredService<IOptionsMonitor<GenesysCloudOptions>>().Get(name);
        var time = services.GetRequiredService<TimeProvider>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var httpClients = services.GetRequiredService<IHttpClientFactory>();
        var diagnostics = services.GetRequiredService<GenesysCloudDiagnostics>();
        var attempt = new HttpAttempt(time, options.SocketTimeout, options.MaxResponseContentLength);

        var scheduler = new RequestScheduler(time, options.RateLimiting, diagnostics);
        var login = new LoginService(() => httpClients.CreateClient(loginHttpClientName), attempt, options, time, diagnostics, loggerFactory);
        var tokens = new AccessTokenProvider(login, options, time);
        login.Throttled += delay => scheduler.Suspend(delay, GenesysCloudTelemetryNames.RateLimitSourceToken);
        tokens.TokenIssued += (_, _) => scheduler.ForgetBudget();

        var abort = new CancellationTokenSource();
        var customizations = services.GetRequiredService<IOptionsMonitor<GenesysCloudRetryCustomization>>().Get(name).Actions;
        var pipeline = CallPipelineFactory.Create(options, customizations, diagnostics, time, loggerFactory, apiHttpClientName);
        var executor = new CallExecutor(
            scheduler,
            pipeline,
            () => httpClients.CreateClient(apiHttpClientName),
            attempt,
            diagnostics,
            new CallOutcomes(options.SocketTimeout, abort.Token),
            time,
            options.ResolvedApiBaseAddress,
            abort.Token);
        var client = new GenesysCloudClient(tokens, scheduler, executor, diagnostics, options, time, abort, loggerFactory.CreateLogger<GenesysCloudClient>());
        return new ClientComposition(options, diagnostics, scheduler, tokens, client);
    }

    public void Dispose() => Client.Dispose();
}
