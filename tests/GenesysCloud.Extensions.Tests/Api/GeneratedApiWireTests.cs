using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Api;

/// <summary>
/// What the generated methods put on the wire and read back, against the simulator: non-JSON answers, string bodies,
/// 64-bit query values, free-form JSON bodies.
/// </summary>
public sealed class GeneratedApiWireTests
{
    [Fact]
    public async Task A_text_plain_operation_accepts_text_plain_and_returns_the_text()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var integrations = harness.Host.Services.GetRequiredService<IIntegrationsApi>();

        var published = await integrations.GetIntegrationsActionTemplateAsync("action-1", "successTemplate.vm");
        var draft = await integrations.GetIntegrationsActionDraftTemplateAsync("action-1", "requestTemplate.vm");

        Assert.Equal("Simulated text/plain response of getIntegrationsActionTemplate.\n", published);
        Assert.Equal("Simulated text/plain response of getIntegrationsActionDraftTemplate.\n", draft);
        Assert.Equal("text/plain", (await RecordedAsync(harness, "getIntegrationsActionTemplate")).Headers["Accept"]);
    }

    [Fact]
    public async Task A_text_calendar_operation_returns_the_calendar()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var wfm = harness.Host.Services.GetRequiredService<IWorkforceManagementApi>();

        var calendar = await wfm.GetWorkforcemanagementCalendarDataIcsAsync("calendar-1");

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.Equal("text/calendar", (await RecordedAsync(harness, "getWorkforcemanagementCalendarDataIcs")).Headers["Accept"]);
    }

    [Fact]
    public async Task String_bodies_are_sent_as_given_not_json_quoted()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var automation = harness.Host.Services.GetRequiredService<IProcessAutomationApi>();
        var integrations = harness.Host.Services.GetRequiredService<IIntegrationsApi>();
        const string EventBody = "{\"id\":\"user-1\",\"presence\":{\"systemPresence\":\"AVAILABLE\"}}";

        await automation.PostProcessautomationTriggerTestAsync("trigger-1", EventBody);
        await automation.PostProcessautomationTriggersTopicTestAsync("v2.users.{id}.presence", EventBody);
        await integrations.PostIntegrationsSpeechNuanceNuanceIntegrationIdBotJobsAsync("nuance-1", "bot-1", body: "IVR");

        var trigger = await RecordedAsync(harness, "postProcessautomationTriggerTest");
        Assert.Equal(EventBody, trigger.Body);
        Assert.Equal("application/json; charset=utf-8", trigger.Headers["Content-Type"]);
        Assert.Equal(EventBody, (await RecordedAsync(harness, "postProcessautomationTriggersTopicTest")).Body);
        Assert.Equal("IVR", (await RecordedAsync(harness, "postIntegrationsSpeechNuanceNuanceIntegrationIdBotJobs")).Body);
    }

    [Fact]
    public async Task Integer_query_parameters_carry_epoch_milliseconds_without_overflow()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var organization = harness.Host.Services.GetRequiredService<IOrganizationApi>();
        var journey = harness.Host.Services.GetRequiredService<IJourneyApi>();
        const long After = 1_767_225_600_000; // 2026-01-01T00:00:00Z in epoch milliseconds, beyond int.MaxValue
        const long Before = 1_767_312_000_000;

        await organization.GetOrganizationsLimitsChangerequestsAsync(after: After, before: Before);
        await journey.GetJourneyDeploymentCustomerPingAsync("deployment-1", "cookie-1", sinceLastBeaconMilliseconds: 5_000_000_000);

        var limits = await RecordedAsync(harness, "getOrganizationsLimitsChangerequests");
        Assert.Contains("after=1767225600000", limits.RawTarget, StringComparison.Ordinal);
        Assert.Contains("before=1767312000000", limits.RawTarget, StringComparison.Ordinal);
        Assert.Contains("sinceLastBeaconMilliseconds=5000000000", (await RecordedAsync(harness, "getJourneyDeploymentCustomerPing")).RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_free_form_body_that_is_undefined_or_null_is_refused_before_anything_is_sent()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var architect = harness.Host.Services.GetRequiredService<IArchitectApi>();
        using var jsonNull = JsonDocument.Parse("null");

        var undefined = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => architect.PostFlowVersionsAsync("flow-1", default(JsonElement)));
        var nullBody = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => architect.PostFlowVersionsAsync("flow-1", jsonNull.RootElement));

        Assert.Equal("body", undefined.ParamName);
        Assert.Equal("body", nullBody.ParamName);
        Assert.Equal(GenesysCloudErrorCodes.ApiCallRequestBodyInvalid, undefined.ErrorCode);
        Assert.DoesNotContain(harness.Simulator.Inspector.Requests, r => r.Operation == "postFlowVersions");
    }

    [Fact]
    public async Task A_free_form_body_can_be_a_typed_object_serialized_with_the_callers_type_info()
    {
        await using var harness = await SimulatorHarness.StartAsync(simulator: s => s.RateLimit = null);
        var architect = harness.Host.Services.GetRequiredService<IArchitectApi>();

        await architect.PostFlowVersionsAsync("flow-1", new FlowDefinition("Main", 3), WireTestJsonContext.Default.FlowDefinition);

        Assert.Equal("{\"name\":\"Main\",\"version\":3}", (await RecordedAsync(harness, "postFlowVersions")).Body);
        await Assert.ThrowsAsync<ArgumentNullException>(() => architect.PostFlowVersionsAsync("flow-1", (FlowDefinition)null!, WireTestJsonContext.Default.FlowDefinition));
    }

    private static async Task<RecordedRequest> RecordedAsync(SimulatorHarness harness, string operation)
    {
        // The simulator records a request once its response is written, which can be just after the client has it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await harness.Simulator.Inspector.WaitUntilAsync(i => i.Requests.Any(r => r.Operation == operation), timeout.Token);
        return harness.Simulator.Inspector.Requests.Single(r => r.Operation == operation);
    }
}

/// <summary>A caller's own body type.</summary>
internal sealed record FlowDefinition(string Name, int Version);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FlowDefinition))]
internal sealed partial class WireTestJsonContext : JsonSerializerContext;
