using GenesysCloud.Extensions.DependencyInjection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WebApiSample.Dashboard;
using WebApiSample.Errors;
using WebApiSample.Notifications;
using WebApiSample.Organizations;
using WebApiSample.SignIn;
using WebApiSample.Simulator;

var builder = WebApplication.CreateBuilder(args);

// The client: appsettings.json's GenesysCloud section, the secret from user-secrets or GenesysCloud__ClientSecret.
// With no ClientId configured, the embedded simulator stands in for Genesys Cloud.
// Notifications: every event goes to the dashboard's live feed; FeedSubscriber picks the topics once the org is known.
var genesysCloud = builder.Services.AddGenesysCloud(builder.Configuration.GetSection("GenesysCloud"))
    .AddNotifications(notifications => notifications.AddHandler<LiveEventFeed>(ServiceLifetime.Singleton));

// Fleet mode: with ConnectionStrings:redis set, the instances share the token, its budget and its suspensions through
// Redis; the token is protected with a Data Protection key ring all instances share (here a directory).
if (builder.Configuration.GetConnectionString("redis") is { Length: > 0 } redis)
{
    builder.Services.AddDataProtection()
        .SetApplicationName("WebApiSample")
        .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["Fleet:KeyRingPath"] ?? Path.Combine(Path.GetTempPath(), "webapisample-keys")));
    genesysCloud.UseRedis(redis);
}

builder.Services.AddHostedService<FeedSubscriber>();
builder.Services.AddEmbeddedGenesysCloudSimulator();

// Other customer orgs: one named client per child of the Orgs section, picked per request by IGenesysCloudClientFactory.
builder.Services.AddSampleOrganizations(builder.Configuration);

// Sign-in with Genesys Cloud (cookie + OAuth authorization code with PKCE) for calls on behalf of a user (api/me);
// offered with the embedded simulator, or for a real org with a SignIn:ClientId.
builder.Services.AddGenesysCloudSignIn(builder.Configuration);

// Genesys errors become RFC 7807 problem details with the correlation id.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GenesysCloudExceptionHandler>();
builder.Services.AddControllers();

// Health: /healthz is liveness (the process answers), /readyz is the client's state.
builder.Services.AddHealthChecks().AddGenesysCloud(name: ClientStatusReader.HealthCheckName, tags: ["ready"]);

// Metrics and traces: Prometheus scrapes /metrics; OTLP (Aspire dashboard, a collector) only when configured.
var openTelemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
    .WithMetrics(metrics => metrics
        .AddGenesysCloudInstrumentation()
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddPrometheusExporter())
    .WithTracing(tracing => tracing
        .AddGenesysCloudInstrumentation()
        .AddAspNetCoreInstrumentation(static o => o.Filter = static context => !IsTelemetryEndpoint(context.Request.Path))
        .AddHttpClientInstrumentation());
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    openTelemetry.WithLogging().UseOtlpExporter();
}

// The live dashboard page's figures and demo workload.
builder.Services.AddSingleton<CallStatistics>();
builder.Services.AddHostedService(static services => services.GetRequiredService<CallStatistics>());
builder.Services.AddSingleton<ClientStatusReader>();
builder.Services.AddSingleton<DemoWorkload>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = static _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions
{
    Predicate = static check => check.Tags.Contains("ready"),

    // Degraded is the client still connecting: not ready for traffic yet.
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
});

await app.RunAsync();

static bool IsTelemetryEndpoint(PathString path) =>
    path.StartsWithSegments("/metrics") || path.StartsWithSegments("/api/dashboard") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

/// <summary>The sample's entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
