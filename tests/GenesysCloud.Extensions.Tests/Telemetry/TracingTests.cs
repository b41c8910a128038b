using System.Diagnostics;
using System.Net;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;

namespace GenesysCloud.Extensions.Tests.Telemetry;

public sealed class TracingTests
{
    [Fact]
    public async Task Each_call_is_one_client_span_with_queue_and_retry_events_and_no_parameter_values()
    {
        using var collector = new ActivityCollector();
        var activities = collector.Stopped;
        await using var harness = await ClientHarness.Create().StartAsync();
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.ServiceUnavailable, "unavailable", "later"));

        var request = new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}") { Category = "Users", Operation = "tracingProbe" }
            .WithPathParameter("userId", "private-id-42");
        var call = harness.Client.SendAsync(request);
        while (!call.IsCompleted)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        await call;
        // The listener is process-wide and other tests run in parallel: pick this test's span by its operation.
        var span = Assert.Single(activities, a => a.Source.Name == GenesysCloudTelemetryNames.SourceName && (string?)a.GetTagItem(GenesysCloudTelemetryNames.OperationAttribute) == "tracingProbe");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET /api/v2/users/{userId}", span.DisplayName);
        Assert.Equal("/api/v2/users/{userId}", span.GetTagItem("url.template"));
        Assert.Equal("Users", span.GetTagItem(GenesysCloudTelemetryNames.CategoryAttribute));
        
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(["queued", "dequeued", "retried", "dequeued"], span.Events.Select(e => e.Name).ToArray());
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("private-id-42", StringComparison.Ordinal) == true);

        // That HttpClient's own span is a child of this one is asserted against the simulator (real sockets):
        // the in-memory fake has no SocketsHttpHandler, so HttpClient creates no span of its own here.
    }
}
