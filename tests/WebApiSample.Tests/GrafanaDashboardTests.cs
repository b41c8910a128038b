using System.Reflection;
using System.Text.Json;
using GenesysCloud.Extensions.Telemetry;

namespace WebApiSample.Tests;

/// <summary>The Grafana dashboard keeps up with the library: a panel query for every instrument.</summary>
public sealed class GrafanaDashboardTests
{
    [Fact]
    public void Dashboard_queries_every_instrument_of_the_meter()
    {
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(FindRepositoryRoot(), "samples", "WebApiSample", "dashboards", "genesyscloud-client.json")));
        var expressions = string.Join('\n', dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(static panel => panel.GetProperty("targets").EnumerateArray())
            .Select(static target => target.GetProperty("expr").GetString()));

        var instruments = typeof(GenesysCloudTelemetryNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field.IsLiteral && !field.Name.EndsWith("Attribute", StringComparison.Ordinal) && field.Name != nameof(GenesysCloudTelemetryNames.SourceName))
            .Select(static field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(13, instruments.Count);
        Assert.All(instruments, instrument =>
        {
            // Prometheus: dots become underscores, then the unit suffix (_seconds) or _total for counters.
            var prometheus = instrument.Replace('.', '_');
            Assert.Matches($"{prometheus}(_seconds_bucket|_total|\\{{|\\b)", expressions);
        });
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GenesysCloud.Extensions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GenesysCloud.Extensions.sln not found above " + AppContext.BaseDirectory);
    }
}
