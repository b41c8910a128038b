using System.Collections.Concurrent;
using System.Net;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Tests.Hosting;

public sealed class GenesysCloudClientLifecycleTests
{
    private static GenesysCloudRequest Get(string id = "q1") =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/routing/queues/{queueId}").WithPathParameter("queueId", id);

    [Fact]
    public async Task Start_connects_and_calls_move_the_state_between_idle_and_running()
    {
        await using var harness = ClientHarness.Create();
        var transitions = new ConcurrentQueue<(GenesysCloudClientState, GenesysCloudClientState)>();
        harness.Client.StateChanged += (_, e) => transitions.Enqueue((e.PreviousState, e.NewState));
        Assert.Equal(GenesysCloudClientState.Created, harness.Client.State);

        await harness.StartAsync();
        Assert.Equal(GenesysCloudClientState.Idle, harness.Client.State);
        Assert.Equal(1, harness.Server.TokenRequests);

        var response = await harness.Client.SendAsync(Get());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.CorrelationId);
        Assert.Equal("Queue 1", response.ReadAs<System.Text.Json.JsonElement>().GetProperty("name").GetString());

        await Eventually.TrueAsync(() => transitions.Count >= 4, "four transitions were observed");
        Assert.Equal(
            [
                (GenesysCloudClientState.Created, GenesysCloudClientState.Connecting),
                (GenesysCloudClientState.Connecting, GenesysCloudClientState.Idle),
                (GenesysCloudClientState.Idle, GenesysCloudClientState.Running),
                (GenesysCloudClientState.Running, GenesysCloudClientState.Idle),
            ],
            transitions.ToArray());
    }

    [Fact]
    public async Task Stop_deletes_the_token_closes_and_then_rejects_calls()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        await harness.Client.SendAsync(Get());

        await harness.Host.StopAsync();

        Assert.Equal(GenesysCloudClientState.Closed, harness.Client.State);
        Assert.Equal(1, harness.Server.TokenDeletions);
        var ex = await Assert.ThrowsAsync<GenesysCloudClientStateException>(() => harness.Client.SendAsync(Get()));
        Assert.Equal(GenesysCloudErrorCodes.ApiCallingUnavailable, ex.ErrorCode);
        Assert.Equal(GenesysCloudClientState.Closed, ex.State);
    }

    [Fact]
    public async Task Calls_before_the_host_starts_fail_with_a_typed_error_naming_the_state()
    {
        await using var harness = ClientHarness.Create();
        var ex = await Assert.ThrowsAsync<GenesysCloudClientStateException>(() => harness.Client.SendAsync(Get()));
        Assert.Equal(GenesysCloudClientState.Created, ex.State);
        Assert.Contains("Created", ex.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Server.ApiRequests);
    }

    [Theory]
    [InlineData("authentication failed", GenesysCloudErrorCodes.AuthenticationFailure)]
    [InlineData("client not found", GenesysCloudErrorCodes.ClientIdNotFound)]
    public async Task A_connect_failure_fails_the_host_start_and_leaves_the_client_failed(string description, string code)
    {
        await using var harness = ClientHarness.Create(server: s => s.EnqueueToken(_ =>
            FakeGenesysCloud.Json(HttpStatusCode.BadRequest, $$"""{"error":"invalid_client","description":"{{description}}"}""")));

        var ex = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => harness.Host.StartAsync());

        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(GenesysCloudClientState.Failed, harness.Client.State);
        Assert.Equal(GenesysCloudErrorCodes.ApiCallingUnavailable, (await Assert.ThrowsAsync<GenesysCloudClientStateException>(() => harness.Client.SendAsync(Get()))).ErrorCode);
    }

    [Fact]
    public async Task An_unexpected_status_from_the_token_endpoint_maps_to_a_typed_error()
    {
        await using var harness = ClientHarness.Create(server: s => s.EnqueueToken(_ => FakeGenesysCloud.Json(HttpStatusCode.Forbidden, "{}")));
        var ex = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => harness.Host.StartAsync());
        Assert.Equal(GenesysCloudErrorCodes.UnexpectedStatusCode, ex.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Fact]
    public async Task A_failed_token_deletion_leaves_the_client_failed()
    {
        await using var harness = await ClientHarness.Create(o => o.MaxRetries = 0).StartAsync();
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Json(HttpStatusCode.OK, "{}"));
        var server = harness.Server;

        // The deletion bypasses the API script; make it fail by answering 403 to DELETE via a revoked + scripted host.
        server.DeleteStatus = HttpStatusCode.Forbidden;
        await harness.Host.StopAsync();

        Assert.Equal(GenesysCloudClientState.Failed, harness.Client.State);
    }

    [Fact]
    public async Task Api_errors_carry_status_genesys_error_body_correlation_id_and_attempts()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.NotFound, "not.found", "The queue was not found."));

        var ex = await Assert.ThrowsAsync<GenesysCloudApiException>(() => harness.Client.SendAsync(Get("missing")));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("not.found", ex.Error?.Code);
        Assert.Equal("The queue was not found.", ex.Error?.Message);
        Assert.Equal(404, ex.Error?.Status);
        Assert.Equal("ctx-1", ex.Error?.ContextId);
        Assert.Equal("v", ex.Error?.MessageParams?["p"]);
        Assert.NotNull(ex.CorrelationId);
        Assert.Contains(ex.CorrelationId!, ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(GenesysCloudErrorCodes.HttpStatusCodeError, ex.ErrorCode);
    }

    [Fact]
    public async Task Response_scope_captures_status_and_headers_of_typed_calls()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        using var scope = GenesysCloudResponseScope.Begin();

        await GenesysCloud.Extensions.Api.GenesysCloudApiInvoker.SendAsync(
            harness.Client,
            Get(),
            GenesysCloud.Extensions.Serialization.GenesysCloudJsonTypeInfo.Create(System.Text.Json.Serialization.Metadata.JsonMetadataServices.JsonElementConverter),
            CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, scope.LastResponse?.StatusCode);
        Assert.Equal("300", scope.LastResponse?.GetHeader("inin-ratelimit-allowed"));
    }

    [Fact]
    public async Task Subscribers_that_throw_never_affect_calls_or_state()
    {
        await using var harness = ClientHarness.Create();
        var events = harness.Host.Services.GetRequiredService<GenesysCloudClientEvents>();
        var called = 0;
        events.BacklogChanged += (_, _) => throw new InvalidOperationException("subscriber bug");
        events.InFlightChanged += (_, _) => throw new InvalidOperationException("subscriber bug");
        events.CallEnded += (_, _) => Interlocked.Increment(ref called);
        harness.Client.StateChanged += (_, _) => throw new InvalidOperationException("subscriber bug");
        await harness.StartAsync();

        var response = await harness.Client.SendAsync(Get());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => Volatile.Read(ref called) == 1, "the call-ended subscriber ran");
        Assert.Equal(GenesysCloudClientState.Idle, harness.Client.State);
        Assert.Contains(harness.Logs.Entries, e => e.Contains("subscriber", StringComparison.OrdinalIgnoreCase));
    }
}
