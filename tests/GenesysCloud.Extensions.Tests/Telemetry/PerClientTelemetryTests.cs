using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static GenesysCloud.Extensions.Tests.MultiOrg.MultiOrgSimulator;

namespace GenesysCloud.Extensions.Tests.Telemetry;

/// <summary>Every metric and span says which client made the call and as what kind of identity, never as whom.</summary>
public sealed class PerClientTelemetryTests
{
    [Fact]
    public async Task Metrics_and_spans_carry_the_client_name_and_the_identity_kind_but_never_the_identity_or_its_token()
    {
        using var spans = new ActivityCollector();
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var user = contoso.Users[5];
        var tokens = await SignInAsync(sim, user.Email!);
        var secrets = new[] { user.Id!, user.Email!, tokens.AccessToken!, tokens.RefreshToken! };
        using var host = BuildHost(sim, _ => { });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var durations = new MetricCollector<double>(meters, GenesysCloudTelemetryNames.SourceName, GenesysCloudTelemetryNames.CallDuration);
        using var refreshes = new MetricCollector<long>(meters, GenesysCloudTelemetryNames.SourceName, GenesysCloudTelemetryNames.TokenRefreshes);
        await host.StartAsync();

        // This test's spans, among those of tests running in parallel: the children of its own root.
        using var root = new Activity("per-client-telemetry").Start();
        await host.Services.GetRequiredKeyedService<IRoutingApi>("contoso").GetRoutingWrapupcodesAsync();
        await host.Services.GetRequiredKeyedService<IRoutingApi>("fabrikam").GetRoutingWrapupcodesAsync();
        using (GenesysCloudIdentityScope.Begin(GenesysCloudIdentity.User(user.Id!, tokens)))
        {
            await host.Services.GetRequiredKeyedService<IUsersApi>("contoso").GetUsersMeAsync();
        }

        root.Stop();
        var calls = durations.GetMeasurementSnapshot();
        Assert.Equal(
            ["contoso/app", "fabrikam/app", "contoso/user"],
            calls.Select(m => $"{m.Tags[GenesysCloudTelemetryNames.ClientNameAttribute]}/{m.Tags[GenesysCloudTelemetryNames.IdentityKindAttribute]}").ToArray());
        Assert.Equal(["contoso", "fabrikam"], refreshes.GetMeasurementSnapshot().Select(m => m.Tags[GenesysCloudTelemetryNames.ClientNameAttribute]?.ToString() ?? string.Empty).Order().ToArray());

        var ours = spans.Stopped.Where(a => a.Source.Name == GenesysCloudTelemetryNames.SourceName && a.TraceId == root.TraceId).ToList();
        Assert.Equal(3, ours.Count);
        Assert.Equal(
            ["contoso/app", "contoso/user", "fabrikam/app"],
            ours.Select(a => $"{a.GetTagItem(GenesysCloudTelemetryNames.ClientNameAttribute)}/{a.GetTagItem(GenesysCloudTelemetryNames.IdentityKindAttribute)}").Order().ToArray());

        var tagValues = calls.SelectMany(m => m.Tags.Values).Concat(ours.SelectMany(a => a.TagObjects.Select(t => t.Value)))
            .Concat(ours.SelectMany(a => a.Events.SelectMany(e => e.Tags.Select(t => t.Value))))
            .Select(v => v?.ToString() ?? string.Empty).ToList();
        Assert.All(secrets, secret => Assert.DoesNotContain(tagValues, v => v.Contains(secret, StringComparison.Ordinal)));
        await host.StopAsync();
    }
}
