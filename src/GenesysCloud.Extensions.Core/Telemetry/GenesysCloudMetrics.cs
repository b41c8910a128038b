using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// The instruments of the <c>GenesysCloud.Extensions</c> meter, shared by every client of the container; each
/// client's <see cref="GenesysCloudDiagnostics"/> records into them with its <c>genesyscloud.client.name</c>. The
/// observable gauges read the clients registered here.
/// </summary>
internal sealed class GenesysCloudMetrics
{
    private readonly ConcurrentDictionary<string, GenesysCloudDiagnostics> _clients = new(StringComparer.Ordinal);

    public GenesysCloudMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(GenesysCloudTelemetryNames.SourceName)
        {
            Version = typeof(GenesysCloudMetrics).Assembly.GetName().Version?.ToString(),
        });

        Backlog = meter.CreateUpDownCounter<int>(GenesysCloudTelemetryNames.BacklogSize, "{call}", "Calls waiting in the backlog.");
        InFlight = meter.CreateUpDownCounter<int>(GenesysCloudTelemetryNames.CallsInFlight, "{call}", "Calls whose HTTP request is in flight.");
        CallDuration = meter.CreateHistogram(GenesysCloudTelemetryNames.CallDuration, "s", "Duration of API calls as the caller sees them (backlog wait and every attempt).", advice: DurationAdvice);
        BacklogWait = meter.CreateHistogram(GenesysCloudTelemetryNames.BacklogWaitTime, "s", "Time calls waited in the backlog before an attempt started.", advice: DurationAdvice);
        TokenRefreshes = meter.CreateCounter<long>(GenesysCloudTelemetryNames.TokenRefreshes, "{request}", "Access token requests, by outcome.");
        TokenRefreshDuration = meter.CreateHistogram(GenesysCloudTelemetryNames.TokenRefreshDuration, "s", "Duration of access token requests.", advice: DurationAdvice);
        TokenDeletions = meter.CreateCounter<long>(GenesysCloudTelemetryNames.TokenDeletions, "{request}", "Access token deletions, by outcome.");
        TokenDeleteDuration = meter.CreateHistogram(GenesysCloudTelemetryNames.TokenDeleteDuration, "s", "Duration of access token deletions.", advice: DurationAdvice);
        Suspensions = meter.CreateCounter<long>(GenesysCloudTelemetryNames.RateLimitSuspensions, "{suspension}", "Rate-limit suspensions of a token's calls (a 429 during a suspension extends it and is not counted again).");
        SuspendedTime = meter.CreateHistogram(GenesysCloudTelemetryNames.RateLimitSuspendedTime, "s", "Length of each rate-limit suspension, extensions included, recorded when it ends.", advice: DurationAdvice);
        Retries = meter.CreateCounter<long>(GenesysCloudTelemetryNames.Retries, "{retry}", "Retried attempts, by reason.");
        meter.CreateObservableGauge(GenesysCloudTelemetryNames.ClientState, ObserveState, "{state}", "The client state: 1 for the current state, 0 for the others.");
        meter.CreateObservableGauge(GenesysCloudTelemetryNames.RateLimitRemaining, ObserveRemaining, "{request}", "Requests left in the current rate-limit window of the client's own token(s) (from the inin-ratelimit-* headers).");
    }

    public UpDownCounter<int> Backlog { get; }

    public UpDownCounter<int> InFlight { get; }

    public Histogram<double> CallDuration { get; }

    public Histogram<double> BacklogWait { get; }

    public Counter<long> TokenRefreshes { get; }

    public Histogram<double> TokenRefreshDuration { get; }

    public Counter<long> TokenDeletions { get; }

    public Histogram<double> TokenDeleteDuration { get; }

    public Counter<long> Suspensions { get; }

    public Histogram<double> SuspendedTime { get; }

    public Counter<long> Retries { get; }

    private static InstrumentAdvice<double> DurationAdvice { get; } = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120],
    };

    public void Register(GenesysCloudDiagnostics client) => _clients[client.ClientName] = client;

    public void Unregister(GenesysCloudDiagnostics client) => _clients.TryRemove(new KeyValuePair<string, GenesysCloudDiagnostics>(client.ClientName, client));

    private IEnumerable<Measurement<int>> ObserveState() => _clients.Values.SelectMany(static c => c.ObserveState());

    private IEnumerable<Measurement<int>> ObserveRemaining() => _clients.Values.SelectMany(static c => c.ObserveRemaining());
}
