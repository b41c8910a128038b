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

    [Fact]
    public void Dashboard_queries_every_notifications_and_fleet_instrument_and_filters_client_panels_by_client()
    {
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(FindRepositoryRoot(), "samples", "WebApiSample", "dashboards", "genesyscloud-client.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(static panel => panel.GetProperty("targets").EnumerateArray())
            .Select(static target => target.GetProperty("expr").GetString()!)
            .ToList();
        var all = string.Join('\n', expressions);

        var notifications = typeof(GenesysCloud.Extensions.Notifications.GenesysCloudNotificationsTelemetryNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field.IsLiteral && !field.Name.EndsWith("Attribute", StringComparison.Ordinal) && !field.Name.EndsWith("Activity", StringComparison.Ordinal))
            .Select(static field => (string)field.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(11, notifications.Count);
        Assert.All(notifications.Concat(["genesyscloud.fleet.fallbacks", "genesyscloud.fleet.tokens.shared"]), instrument =>
            Assert.Matches($"{instrument.Replace('.', '_')}(_seconds_bucket|_total|\\{{)", all));

        // Many orgs: every query of a client instrument can be narrowed to the clients picked in the $client variable.
        var variables = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().Select(static v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["job", "client"], variables);
        Assert.All(expressions.Where(static e => e.Contains("genesyscloud_client_", StringComparison.Ordinal)), expression =>
            Assert.Contains("genesyscloud_client_name=~\"$client\"", expression, StringComparison.Ordinal));
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
