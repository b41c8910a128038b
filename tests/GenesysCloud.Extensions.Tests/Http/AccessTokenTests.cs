using System.Net;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Tests.Fakes;

namespace GenesysCloud.Extensions.Tests.Http;

public sealed class AccessTokenTests
{
    private static GenesysCloudRequest Get(int i = 0) =>
        new GenesysCloudRequest(HttpMethod.Get, "/api/v2/users/{userId}").WithPathParameter("userId", $"u{i}");

    [Fact]
    public async Task The_token_is_refreshed_in_the_background_before_it_expires()
    {
        await using var harness = await ClientHarness.Create(
            o => o.TokenRefreshBeforeExpiry = TimeSpan.FromSeconds(60),
            s => s.TokenLifetime = TimeSpan.FromSeconds(600)).StartAsync();
        var first = harness.Server.IssuedTokens.Single();
        harness.Time.Advance(TimeSpan.FromSeconds(539));
        await harness.Client.SendAsync(Get());

        // At 540 s (60 s before expiry) the token is refreshed on its own timer, with no call running.
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => harness.Server.TokenRequests == 2, "a second token was requested before expiry");
        await harness.Client.SendAsync(Get(1));

        var authorizations = harness.Server.ApiRequests.Select(r => r.Authorization).ToArray();
        Assert.Equal(first, authorizations[0]);
        Assert.Equal(harness.Server.IssuedTokens[1], authorizations[^1]);
    }

    [Fact]
    public async Task An_expired_token_is_replaced_before_the_call_is_sent()
    {
        await using var harness = await ClientHarness.Create(
            o => o.TokenRefreshBeforeExpiry = TimeSpan.FromSeconds(60),
            s => s.TokenLifetime = TimeSpan.FromSeconds(600)).StartAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(601));
        await harness.Client.SendAsync(Get());

        Assert.Equal(2, harness.Server.TokenRequests);
        Assert.Equal(harness.Server.IssuedTokens[1], harness.Server.ApiRequests.Single().Authorization);
    }

    [Fact]
    public async Task A_401_refreshes_once_and_the_call_is_sent_again()
    {
        await using var harness = await ClientHarness.Create().StartAsync();
        harness.Server.RevokeAllTokens();

        var response = await harness.Client.SendAsync(Get());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, harness.Server.TokenRequests);
        Assert.Equal(2, harness.Server.ApiRequests.Count);
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_after_a_revocation_cause_one_refresh()
    {
        await using var harness = await ClientHarness.Create(
            o => o.RateLimiting.MaxConcurrentRequests = 200,
            s => s.RateLimit = 100_000).StartAsync();
        await harness.Client.SendAsync(Get());
        harness.Server.RevokeAllTokens();

        var calls = Enumerable.Range(0, 1000).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        await Task.WhenAll(calls);

        Assert.All(calls, c => Assert.Equal(HttpStatusCode.OK, c.Result.StatusCode));
        Assert.Equal(2, harness.Server.TokenRequests);
    }

    [Fact]
    public async Task A_failed_refresh_ends_every_waiting_call_with_the_typed_error_and_the_next_call_tries_again()
    {
        await using var harness = await ClientHarness.Create(o => o.MaxRetries = 0).StartAsync();
        await harness.Client.SendAsync(Get());
        harness.Server.RevokeAllTokens();
        harness.Server.TokenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.EnqueueToken(_ => FakeGenesysCloud.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","description":"authentication failed"}"""));

        var calls = Enumerable.Range(0, 20).Select(i => harness.Client.SendAsync(Get(i))).ToArray();
        // The first 401 invalidates the token; the other calls wait for the same refresh instead of sending a stale token.
        await Eventually.TrueAsync(() => harness.Server.TokenRequests == 2 && harness.Client.InFlightCount == 20, "every call is waiting on the one pending refresh");
        harness.Server.TokenGate.SetResult();
        harness.Server.TokenGate = null;
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => call);
            Assert.Equal(GenesysCloudErrorCodes.AuthenticationFailure, ex.ErrorCode);
        }

        Assert.Equal(0, harness.Client.BacklogCount);
        Assert.Equal(GenesysCloudClientState.Idle, harness.Client.State);
        var next = await harness.Client.SendAsync(Get());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Login_throttling_with_http_400_rate_limit_exceeded_waits_and_retries()
    {
        await using var harness = ClientHarness.Create(server: s => s.EnqueueToken(_ =>
            FakeGenesysCloud.Json(HttpStatusCode.BadRequest, """{"error":"invalid_request","description":"rate limit exceeded"}""")));

        var start = harness.Host.StartAsync();
        await Eventually.TrueAsync(() => harness.Server.TokenRequests == 1, "the first token request was answered");
        Assert.False(start.IsCompleted);
        while (!start.IsCompleted)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
        }

        await start;
        Assert.Equal(GenesysCloudClientState.Idle, harness.Client.State);
        Assert.Equal(2, harness.Server.TokenRequests);
    }

    [Fact]
    public async Task Login_throttling_with_429_waits_for_retry_after()
    {
        await using var harness = ClientHarness.Create(server: s => s.EnqueueToken(_ =>
        {
            var response = FakeGenesysCloud.Json(HttpStatusCode.TooManyRequests, """{"message":"Rate limit exceeded"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        }));

        var start = harness.Host.StartAsync();
        await Eventually.TrueAsync(() => harness.Server.TokenRequests == 1, "the first token request was answered");
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Yield();
        Assert.Equal(1, harness.Server.TokenRequests);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await start;
        Assert.Equal(2, harness.Server.TokenRequests);
    }

    [Fact]
    public async Task Neither_the_secret_nor_any_token_appears_in_logs_or_errors()
    {
        await using var harness = await ClientHarness.Create(o => o.MaxRetries = 1).StartAsync();
        harness.Server.RevokeAllTokens();
        await harness.Client.SendAsync(Get());
        harness.Server.EnqueueApi(_ => FakeGenesysCloud.Error(HttpStatusCode.BadRequest, "bad.request", "bad"));
        var apiError = await Assert.ThrowsAsync<GenesysCloudApiException>(() => harness.Client.SendAsync(Get()));
        harness.Server.RevokeAllTokens();
        harness.Server.EnqueueToken(_ => FakeGenesysCloud.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","description":"authentication failed"}"""));
        var authError = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => harness.Client.SendAsync(Get()));
        await harness.Host.StopAsync();

        var secrets = harness.Server.IssuedTokens.Append(FakeGenesysCloud.ClientSecret).ToArray();
        Assert.True(secrets.Length >= 3);
        Assert.NotEmpty(harness.Logs.Entries);
        foreach (var text in harness.Logs.Entries.Append(apiError.ToString()).Append(authError.ToString()))
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
