using System.Net;
using System.Text.Json;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Simulator;
using GenesysCloud.Extensions.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using static GenesysCloud.Extensions.Tests.MultiOrg.MultiOrgSimulator;

namespace GenesysCloud.Extensions.Tests.MultiOrg;

/// <summary>Named clients, keyed interfaces, run-time clients and user identities against a two-organization simulator.</summary>
public sealed class NamedClientTests
{
    [Fact]
    public async Task Two_named_clients_have_their_own_token_budget_and_keyed_interfaces_and_a_429_storm_on_one_leaves_the_other_running()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var fabrikam = sim.GetOrganization("fabrikam");
        using var host = BuildHost(sim, services => { });
        await host.StartAsync();

        var contosoRouting = host.Services.GetRequiredKeyedService<IRoutingApi>("contoso");
        var fabrikamRouting = host.Services.GetRequiredKeyedService<IRoutingApi>("fabrikam");
        Assert.NotSame(contosoRouting, fabrikamRouting);
        Assert.Same(fabrikamRouting, host.Services.GetRequiredService<IGenesysCloudClientFactory>().GetApi<IRoutingApi>("fabrikam"));
        Assert.Equal(40, (await contosoRouting.GetRoutingQueuesAsync(pageSize: 100)).Entities!.Count);
        Assert.Equal(7, (await fabrikamRouting.GetRoutingQueuesAsync(pageSize: 100)).Entities!.Count);
        Assert.Equal((1, 1), (contoso.Inspector.TokensIssued, fabrikam.Inspector.TokensIssued));

        // Contoso is rate limited for a while; fabrikam's calls all finish before contoso's first one does.
        contoso.AddRateLimitStorm(TimeSpan.FromSeconds(2), retryAfter: TimeSpan.FromSeconds(2));
        var limited = contosoRouting.GetRoutingWrapupcodesAsync();
        var fabrikamCalls = Enumerable.Range(0, 20).Select(_ => fabrikamRouting.GetRoutingWrapupcodesAsync()).ToArray();
        var done = await Task.WhenAny(limited, Task.WhenAll(fabrikamCalls));
        Assert.NotSame(limited, done);
        Assert.All(fabrikamCalls, c => Assert.True(c.IsCompletedSuccessfully));
        Assert.Equal(0, fabrikam.Inspector.TooManyRequestsSent);
        await limited; // and contoso's call ends once its suspension does
        Assert.True(contoso.Inspector.TooManyRequestsSent >= 1);

        await host.StopAsync();
        Assert.Equal((1, 1), (contoso.Inspector.TokensDeleted, fabrikam.Inspector.TokensDeleted));
    }

    [Fact]
    public async Task A_client_added_at_run_time_connects_works_and_is_drained_with_its_token_deleted()
    {
        await using var sim = await StartSimulatorAsync();
        var fabrikam = sim.GetOrganization("fabrikam");
        using var host = BuildHost(sim, services => services.AddHealthChecks().AddGenesysCloudRuntimeClients());
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGenesysCloudClientFactory>();

        var tenant = await factory.AddClientAsync("tenant-1", o => Use(o, fabrikam));
        Assert.Equal(GenesysCloudClientState.Idle, tenant.State);
        Assert.Equal("tenant-1", tenant.Name);
        Assert.Contains("tenant-1", factory.Names);
        Assert.Equal(7, (await factory.GetApi<IRoutingApi>("tenant-1").GetRoutingQueuesAsync(pageSize: 100)).Entities!.Count);
        Assert.Equal(2, fabrikam.Inspector.TokensIssued); // the registered fabrikam client's and the tenant's

        var health = await host.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();
        Assert.Equal("Idle", health.Entries["genesyscloud:runtime"].Data["tenant-1"]);

        var duplicate = await Assert.ThrowsAsync<GenesysCloudArgumentException>(() => factory.AddClientAsync("tenant-1", o => Use(o, fabrikam)));
        Assert.Equal(GenesysCloudErrorCodes.ClientNameDuplicate, duplicate.ErrorCode);
        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => factory.AddClientAsync("tenant-2", o => { Use(o, fabrikam); o.ClientId = "not-a-uuid"; }));
        Assert.Contains("GenesysCloud(tenant-2):ClientId", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant-2", factory.Names);

        await host.StopAsync();
        Assert.Equal(GenesysCloudClientState.Closed, tenant.State);
        Assert.Equal(2, fabrikam.Inspector.TokensDeleted);

        // Once the host stops, a client added would never be closed: it is refused, and nothing connects.
        var late = await Assert.ThrowsAsync<GenesysCloudClientStateException>(() => factory.AddClientAsync("tenant-3", o => Use(o, fabrikam)));
        Assert.Equal(GenesysCloudErrorCodes.ConnectUnavailable, late.ErrorCode);
        Assert.DoesNotContain("tenant-3", factory.Names);
        Assert.Equal(2, fabrikam.Inspector.TokensIssued);
    }

    [Fact]
    public async Task Clients_added_at_run_time_use_the_http_client_and_the_retry_strategy_configured_for_them()
    {
        await using var sim = await StartSimulatorAsync();
        var fabrikam = sim.GetOrganization("fabrikam");
        using var host = BuildHost(sim, services => services.ConfigureGenesysCloudRuntimeClients(runtime => runtime
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Tenant-Gateway", "eu-1"))
            .ConfigureRetry(retry => retry.ShouldHandle = _ => ValueTask.FromResult(false))));
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGenesysCloudClientFactory>();
        await factory.AddClientAsync("tenant-1", o => Use(o, fabrikam));
        var tenant = factory.GetApi<IRoutingApi>("tenant-1");
        var registered = host.Services.GetRequiredKeyedService<IRoutingApi>("fabrikam");
        const string WrapupCodes = "/api/v2/routing/wrapupcodes";

        await tenant.GetRoutingWrapupcodesAsync();
        await registered.GetRoutingWrapupcodesAsync();
        var (tenantToken, registeredToken) = (TokenOf(0), TokenOf(1));
        Assert.NotEqual(tenantToken, registeredToken);
        Assert.All(fabrikam.Inspector.Requests.Where(r => r.TokenId == tenantToken), r => Assert.Equal("eu-1", r.Headers["X-Tenant-Gateway"]));
        Assert.All(fabrikam.Inspector.Requests.Where(r => r.TokenId == registeredToken), r => Assert.False(r.Headers.ContainsKey("X-Tenant-Gateway")));

        // One 503 each: the run-time client, told not to retry, ends with it; the registered client retries past it.
        sim.Faults.Add(SimulatorFault.Status(503, "GET", WrapupCodes));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Assert.ThrowsAsync<GenesysCloudApiException>(() => tenant.GetRoutingWrapupcodesAsync())).StatusCode);
        sim.Faults.Add(SimulatorFault.Status(503, "GET", WrapupCodes));
        await registered.GetRoutingWrapupcodesAsync();
        Assert.Equal(2, fabrikam.Inspector.Requests.Count(r => r.StatusCode == 503));
        await host.StopAsync();

        string TokenOf(int call) => fabrikam.Inspector.Requests.Where(r => r.Path == WrapupCodes).ElementAt(call).TokenId!;
    }

    [Fact]
    public async Task Bad_names_and_options_are_typed_errors_naming_the_client()
    {
        var services = new ServiceCollection();
        Assert.Equal(GenesysCloudErrorCodes.ClientNameInvalid, Assert.Throws<GenesysCloudArgumentException>(() => services.AddGenesysCloud("con toso", o => { })).ErrorCode);
        Assert.Equal(GenesysCloudErrorCodes.ClientNameInvalid, Assert.Throws<GenesysCloudArgumentException>(() => services.AddGenesysCloud(string.Empty, o => { })).ErrorCode);
        services.AddGenesysCloud("contoso", o => { });
        Assert.Equal(GenesysCloudErrorCodes.ClientNameDuplicate, Assert.Throws<GenesysCloudArgumentException>(() => services.AddGenesysCloud("contoso", o => { })).ErrorCode);

        await using var sim = await StartSimulatorAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GenesysCloud:Defaults:MaxRetries"] = "2",
            ["GenesysCloud:Orgs:Contoso:ClientId"] = "not-a-uuid",
            ["GenesysCloud:Orgs:Contoso:ClientSecret"] = "secret",
            ["GenesysCloud:Orgs:Contoso:Region"] = "us-east-1",
        });
        builder.Services.ConfigureGenesysCloudDefaults(builder.Configuration.GetSection("GenesysCloud:Defaults"));
        builder.Services.AddGenesysCloud("contoso", builder.Configuration.GetSection("GenesysCloud:Orgs:Contoso"));
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("GenesysCloud:Orgs:Contoso:ClientId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);

        var factory = host.Services.GetRequiredService<IGenesysCloudClientFactory>();
        Assert.Equal(GenesysCloudErrorCodes.ClientNameUnknown, Assert.Throws<GenesysCloudArgumentException>(() => factory.GetClient("nobody")).ErrorCode);
    }

    [Fact]
    public async Task A_signed_in_user_calls_with_its_own_token_which_is_refreshed_when_it_expires()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var user = contoso.Users[5];
        var tokens = await SignInAsync(sim, user.Email!);
        tokens.AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1); // expired: the first call refreshes it
        var refreshed = 0;
        tokens.Refreshed = _ => refreshed++;
        using var host = BuildHost(sim, services => { });
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");

        using (GenesysCloudIdentityScope.Begin(GenesysCloudIdentity.User(user.Id!, tokens)))
        {
            Assert.Equal(user.Id, (await users.GetUsersMeAsync()).Id);
        }

        Assert.Equal(1, refreshed);
        Assert.Contains(contoso.Inspector.Requests, r => r.Operation == "postOAuthToken" && r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal));
        // Outside the scope the call runs as the client itself, which has no user context.
        Assert.Equal(HttpStatusCode.BadRequest, (await Assert.ThrowsAsync<GenesysCloudApiException>(() => users.GetUsersMeAsync())).StatusCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_users_429_suspends_only_that_users_calls_never_another_users_or_the_apps()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        var alice = GenesysCloudIdentity.User(contoso.Users[5].Id!, await SignInAsync(sim, contoso.Users[5].Email!));
        var bob = GenesysCloudIdentity.User(contoso.Users[6].Id!, await SignInAsync(sim, contoso.Users[6].Email!));
        using var host = BuildHost(sim, services => { });
        await host.StartAsync();
        var users = host.Services.GetRequiredKeyedService<IUsersApi>("contoso");
        var routing = host.Services.GetRequiredKeyedService<IRoutingApi>("contoso");

        // Alice's first call is answered 429 with Retry-After 5 s: her token's lane is suspended until then.
        var retryAfter = TimeSpan.FromSeconds(5);
        sim.Faults.Add(new SimulatorFault { StatusCode = 429, Path = "/api/v2/users/me", Count = 1, RetryAfter = retryAfter });
        var aliceFirst = As(alice, () => users.GetUsersMeAsync());
        await Eventually.TrueAsync(() => contoso.Inspector.TooManyRequestsSent == 1, "alice's first call got its 429");
        var aliceSecond = As(alice, () => users.GetUsersMeAsync());

        // Bob's calls and the app's own calls run meanwhile, and all end before either of Alice's.
        var others = Task.WhenAll(
            Task.WhenAll(Enumerable.Range(0, 10).Select(_ => As(bob, () => users.GetUsersMeAsync()))),
            Task.WhenAll(Enumerable.Range(0, 10).Select(_ => routing.GetRoutingWrapupcodesAsync())));
        Assert.Same(others, await Task.WhenAny(others, aliceFirst, aliceSecond));
        await others;
        Assert.Equal(contoso.Users[5].Id, (await aliceFirst).Id);
        Assert.Equal(contoso.Users[5].Id, (await aliceSecond).Id);

        // On the server: one 429 in all, and no request with Alice's token before her suspension ended.
        Assert.Equal(1, contoso.Inspector.TooManyRequestsSent);
        var limited = contoso.Inspector.Requests.Single(r => r.StatusCode == 429);
        var aliceAfter = contoso.Inspector.Requests.Where(r => r.TokenId == limited.TokenId && r.Timestamp > limited.Timestamp).ToList();
        Assert.Equal(2, aliceAfter.Count);
        Assert.All(aliceAfter, r => Assert.True(r.Timestamp >= limited.Timestamp + retryAfter - TimeSpan.FromMilliseconds(50), $"alice's call started {r.Timestamp - limited.Timestamp} after her 429"));
        Assert.Equal(20, contoso.Inspector.Requests.Count(r => r.TokenId != limited.TokenId && r.Timestamp > limited.Timestamp && r.Timestamp < limited.Timestamp + retryAfter && r.StatusCode == 200));
        await host.StopAsync();

        static async Task<T> As<T>(GenesysCloudIdentity identity, Func<Task<T>> call)
        {
            using (GenesysCloudIdentityScope.Begin(identity))
            {
                return await call();
            }
        }
    }

    [Fact]
    public async Task A_token_pool_spreads_the_calls_over_its_tokens_and_deletes_them_all_on_stop()
    {
        await using var sim = await StartSimulatorAsync();
        var contoso = sim.DefaultOrganization;
        using var host = BuildHost(sim, services => services.Configure<global::GenesysCloud.Extensions.Options.GenesysCloudOptions>("contoso", o => o.TokenPoolSize = 3));
        await host.StartAsync();
        var routing = host.Services.GetRequiredKeyedService<IRoutingApi>("contoso");

        await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => routing.GetRoutingWrapupcodesAsync()));

        var pool = contoso.Inspector.Tokens.Where(t => t.GrantType == "client_credentials").ToList();
        Assert.Equal(3, pool.Count);
        Assert.All(pool, t => Assert.True(t.Requests > 1, $"a pooled token served {t.Requests} request(s): only its connect probe"));
        Assert.Equal(63, pool.Sum(t => t.Requests)); // 60 calls and one connect probe per token
        await host.StopAsync();
        Assert.Equal(3, contoso.Inspector.TokensDeleted);
    }
}
