using System.Diagnostics.Metrics;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Telemetry;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static GenesysCloud.Extensions.Tests.MultiOrg.MultiOrgSimulator;

namespace GenesysCloud.Extensions.Tests.MultiOrg;

/// <summary>
/// Calls on behalf of signed-in users and SAML2 identities against the simulator's OAuth service: tokens the server ends,
/// refresh tokens it refuses, assertions it exchanges — each call ends once, with a typed error naming the client.
/// </summary>
public sealed class UserIdentityTests
{
    private const string UsersMe = "/api/v2/users/me";

    [Fact]
    public async Task A_user_token_the_server_expires_is_refreshed_once_and_the_call_ends_with_the_rotated_tokens_reported()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var user = contoso.Users[5];
        var tokens = await SignInAsync(sim, user.Email!);
        var signedInRefreshToken = tokens.RefreshToken;
        var reported = new List<string?>();
        tokens.Refreshed = t => reported.Add(t.RefreshToken);
        using var host = BuildHost(sim, _ => { });
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");
        var alice = GenesysCloudIdentity.User(user.Id!, tokens);

        Assert.Equal(user.Id, (await As(alice, () => users.GetUsersMeAsync())).Id);
        var signedIn = contoso.Inspector.Tokens.Single(t => t.GrantType == "authorization_code" && t.UserId == user.Id);
        Assert.True(contoso.ExpireToken(signedIn.Id));

        // Three calls at once after the server ended the token: one refresh, each call answered once.
        var calls = Enumerable.Range(0, 3).Select(_ => As(alice, () => users.GetUsersMeAsync())).ToArray();
        Assert.All(await Task.WhenAll(calls), me => Assert.Equal(user.Id, me.Id));

        var refresh = Assert.Single(contoso.Inspector.Tokens, t => t.GrantType == "refresh_token");
        Assert.Equal(user.Id, refresh.UserId);
        Assert.Single(reported);
        Assert.NotEqual(signedInRefreshToken, reported[0]); // Genesys rotates refresh tokens; the application is told
        Assert.Equal(reported[0], tokens.RefreshToken);
        var usersMe = contoso.Inspector.Requests.Where(r => r.Path == UsersMe).ToList();
        Assert.All(usersMe.Where(r => r.StatusCode == 401), r => Assert.Equal(signedIn.Id, r.TokenId));
        Assert.Equal(3, usersMe.Count(r => r.StatusCode == 200 && r.TokenId == refresh.Id));
        Assert.DoesNotContain(usersMe, r => contoso.Inspector.Tokens.Single(t => t.Id == r.TokenId).GrantType == "client_credentials");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_user_whose_refresh_token_was_revoked_fails_with_a_typed_error_naming_the_client_and_nobody_else_waits()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var user = contoso.Users[5];
        var tokens = await SignInAsync(sim, user.Email!);
        var secrets = new[] { tokens.AccessToken!, tokens.RefreshToken!, "web-secret" };
        tokens.AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1); // expired here: the first call refreshes
        var signedIn = contoso.Inspector.Tokens.Single(t => t.GrantType == "authorization_code" && t.UserId == user.Id);
        Assert.True(contoso.RevokeToken(signedIn.RefreshTokenId!));
        using var host = BuildHost(sim, _ => { });
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");
        var routing = host.Services.GetRequiredKeyedService<IRoutingApi>("contoso");
        var alice = GenesysCloudIdentity.User(user.Id!, tokens);

        var calls = Enumerable.Range(0, 3).Select(_ => As(alice, () => users.GetUsersMeAsync())).ToArray();
        var appCalls = Enumerable.Range(0, 5).Select(_ => routing.GetRoutingWrapupcodesAsync()).ToArray();

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => call);
            Assert.Equal(GenesysCloudErrorCodes.TokenGrantInvalid, error.ErrorCode);
            Assert.Equal("invalid_grant", error.OAuthError);
            Assert.Contains("user identity of client 'contoso'", error.Message, StringComparison.Ordinal);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal));
        }

        await Task.WhenAll(appCalls);
        Assert.DoesNotContain(contoso.Inspector.Requests, r => r.Path == UsersMe); // no call ran without a token

        // Signed in again, the same user (same key, new tokens) calls again.
        var again = GenesysCloudIdentity.User(user.Id!, await SignInAsync(sim, user.Email!));
        Assert.Equal(user.Id, (await As(again, () => users.GetUsersMeAsync())).Id);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_user_token_that_expired_without_a_refresh_token_is_a_typed_error_naming_the_client_and_asks_nobody()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var tokens = await SignInAsync(sim, contoso.Users[5].Email!);
        tokens.RefreshToken = null;
        tokens.AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var host = BuildHost(sim, _ => { });
        await host.StartAsync();
        var tokenRequests = contoso.Inspector.Requests.Count(r => r.Path == "/oauth/token");
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("fabrikam");

        var error = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(
            () => As(GenesysCloudIdentity.User(contoso.Users[5].Id!, tokens), () => users.GetUsersMeAsync()));

        Assert.Equal(GenesysCloudErrorCodes.TokenGrantInvalid, error.ErrorCode);
        Assert.Contains("client 'fabrikam'", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
        Assert.Equal(tokenRequests, contoso.Inspector.Requests.Count(r => r.Path == "/oauth/token"));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_saml2_identity_exchanges_an_assertion_with_its_own_oauth_client_and_a_new_one_when_the_token_ends()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var user = contoso.Users[3];
        var assertions = 0;
        var identity = GenesysCloudIdentity.Saml2Bearer(user.Id!, contoso.Name, SamlClientId, SamlClientSecret, _ =>
        {
            Interlocked.Increment(ref assertions);
            return ValueTask.FromResult(contoso.CreateSamlAssertion(user.Email!));
        });
        using var host = BuildHost(sim, _ => { });
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");

        Assert.Equal(user.Id, (await As(identity, () => users.GetUsersMeAsync())).Id);
        var first = Assert.Single(contoso.Inspector.Tokens, t => t.GrantType == "urn:ietf:params:oauth:grant-type:saml2-bearer");
        Assert.Equal((SamlClientId, user.Id), (first.ClientId, first.UserId));
        Assert.Equal(1, assertions);

        Assert.True(contoso.ExpireToken(first.Id));
        Assert.Equal(user.Id, (await As(identity, () => users.GetUsersMeAsync())).Id);
        Assert.Equal(2, assertions);
        Assert.Equal(2, contoso.Inspector.Tokens.Count(t => t.GrantType == "urn:ietf:params:oauth:grant-type:saml2-bearer"));

        // An assertion the login service refuses (here: for another org) is a typed error naming the client.
        var stranger = GenesysCloudIdentity.Saml2Bearer("stranger", "no-such-org", SamlClientId, SamlClientSecret, _ => ValueTask.FromResult(contoso.CreateSamlAssertion(user.Email!)));
        var error = await Assert.ThrowsAsync<GenesysCloudAuthenticationException>(() => As(stranger, () => users.GetUsersMeAsync()));
        Assert.Equal(GenesysCloudErrorCodes.TokenGrantInvalid, error.ErrorCode);
        Assert.Contains("saml2 identity of client 'contoso'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SamlClientSecret, error.ToString(), StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Identities_are_kept_up_to_MaxIdentities_the_least_recently_used_leaving_first()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var exchanges = new List<string>();
        var identities = new[] { 0, 1, 2 }.ToDictionary(i => "abc"[i], i => Saml(contoso, contoso.Users[i], exchanges));
        using var host = BuildHost(sim, services => services.Configure<GenesysCloudOptions>("contoso", o => o.MaxIdentities = 2));
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");

        // a, b, c: c pushes a out; a again pushes b out; c is still kept; b comes back with a new token.
        foreach (var who in "abcacb")
        {
            Assert.Equal(identities[who].Key, (await As(identities[who], () => users.GetUsersMeAsync())).Id);
        }

        Assert.Equal("abcab".Select(who => identities[who].Key), exchanges);
        Assert.Equal(5, contoso.Inspector.Tokens.Count(t => t.ClientId == SamlClientId));
        await host.StopAsync();
    }

    [Fact]
    public async Task An_identity_suspended_by_a_429_is_not_forgotten_even_when_it_has_no_call_left()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var exchanges = new List<string>();
        var (alice, bob) = (Saml(contoso, contoso.Users[0], exchanges), Saml(contoso, contoso.Users[1], exchanges));
        using var host = BuildHost(sim, services => services.Configure<GenesysCloudOptions>("contoso", o => o.MaxIdentities = 1));
        using var suspensions = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), GenesysCloudTelemetryNames.SourceName, GenesysCloudTelemetryNames.RateLimitSuspensions);
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");

        // Alice's call is answered 429 (Retry-After 3 s) and she gives up on it while her lane is suspended.
        var retryAfter = TimeSpan.FromSeconds(3);
        sim.Faults.Add(new SimulatorFault { StatusCode = 429, Path = UsersMe, Count = 1, RetryAfter = retryAfter });
        using var giveUp = new CancellationTokenSource();
        var abandoned = As(alice, () => users.GetUsersMeAsync(cancellationToken: giveUp.Token));
        await Eventually.TrueAsync(() => suspensions.GetMeasurementSnapshot().Count == 1, "alice's lane is suspended");
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        // Bob comes and goes; Alice's next call still waits for her suspension to end, with the same token.
        Assert.Equal(bob.Key, (await As(bob, () => users.GetUsersMeAsync())).Id);
        Assert.Equal(alice.Key, (await As(alice, () => users.GetUsersMeAsync())).Id);

        var limited = contoso.Inspector.Requests.Single(r => r.StatusCode == 429);
        var after = contoso.Inspector.Requests.Single(r => r.TokenId == limited.TokenId && r.StatusCode == 200);
        Assert.True(after.Timestamp >= limited.Timestamp + retryAfter - TimeSpan.FromMilliseconds(50), $"alice's call started {after.Timestamp - limited.Timestamp} after her 429");
        Assert.Equal(["alice", "bob"], exchanges.Select(e => e == alice.Key ? "alice" : "bob").ToArray());
        await host.StopAsync();
    }

    [Fact]
    public async Task An_identity_whose_call_waits_to_be_retried_is_not_forgotten_and_keeps_one_token()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var exchanges = new List<string>();
        var (alice, bob) = (Saml(contoso, contoso.Users[0], exchanges), Saml(contoso, contoso.Users[1], exchanges));
        using var host = BuildHost(sim, services => services.Configure<GenesysCloudOptions>("contoso", o => o.MaxIdentities = 1));
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");

        // Alice's call is answered 503 (Retry-After 3 s): between its two attempts it is neither queued nor in flight.
        sim.Faults.Add(new SimulatorFault { StatusCode = 503, Path = UsersMe, Count = 1, RetryAfter = TimeSpan.FromSeconds(3) });
        var retried = As(alice, () => users.GetUsersMeAsync());
        await Eventually.TrueAsync(() => contoso.Inspector.Requests.Any(r => r.StatusCode == 503), "alice's first attempt is answered 503");

        // Bob, over the bound of one identity, cannot push out Alice's lanes while her call holds them; her next call
        // shares them (and her token) with the one waiting to be retried.
        Assert.Equal(bob.Key, (await As(bob, () => users.GetUsersMeAsync())).Id);
        Assert.Equal(alice.Key, (await As(alice, () => users.GetUsersMeAsync())).Id);
        Assert.False(retried.IsCompleted, "the retry waits for its Retry-After");
        Assert.Equal(alice.Key, (await retried).Id);

        Assert.Equal(["alice", "bob"], exchanges.Select(e => e == alice.Key ? "alice" : "bob").ToArray());
        var aliceTokens = contoso.Inspector.Requests.Where(r => r.Path == UsersMe && r.StatusCode is 200 or 503).GroupBy(r => r.TokenId).Count();
        Assert.Equal(2, aliceTokens); // alice's one token and bob's
        await host.StopAsync();
    }

    private static GenesysCloudIdentity Saml(SimulatorOrganization org, SimulatorUser user, List<string> exchanges) =>
        GenesysCloudIdentity.Saml2Bearer(user.Id!, org.Name, SamlClientId, SamlClientSecret, _ =>
        {
            lock (exchanges)
            {
                exchanges.Add(user.Id!);
            }

            return ValueTask.FromResult(org.CreateSamlAssertion(user.Email!));
        });

    internal static async Task<T> As<T>(GenesysCloudIdentity identity, Func<Task<T>> call)
    {
        using (GenesysCloudIdentityScope.Begin(identity))
        {
            return await call();
        }
    }
}
