using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.Telemetry;

namespace GenesysCloud.Extensions.Redis.Telemetry;

/// <summary>The instruments of fleet mode, on the library's meter (<see cref="GenesysCloudTelemetryNames.SourceName"/>).</summary>
internal sealed class RedisMetrics
{
    public RedisMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(GenesysCloudTelemetryNames.SourceName));
        Fallbacks = meter.CreateCounter<long>("genesyscloud.fleet.fallbacks", "{fallback}", "Times a client fell back from fleet coordination (Redis) to local mode.");
        TokensShared = meter.CreateCounter<long>("genesyscloud.fleet.tokens.shared", "{token}", "Tokens a replica took from the fleet instead of requesting its own.");
    }

    public Counter<long> Fallbacks { get; }

    public Counter<long> TokensShared { get; }

    public static TagList Tags(string clientName) => new() { { GenesysCloudTelemetryNames.ClientNameAttribute, clientName.Length == 0 ? "default" : clientName } };
}
