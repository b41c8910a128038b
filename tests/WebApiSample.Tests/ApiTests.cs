using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace WebApiSample.Tests;

/// <summary>Every endpoint of the sample against the embedded simulator (40 queues, 0–250 members each).</summary>
public sealed class ApiTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task Queues_returns_every_routing_queue()
    {
        var queues = await _http.GetFromJsonAsync<JsonElement>("/api/queues");

        Assert.Equal(40, queues.GetArrayLength());
        Assert.All(queues.EnumerateArray(), q => Assert.False(string.IsNullOrEmpty(q.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task Queue_members_returns_every_member_of_the_queue()
    {
        var queues = await _http.GetFromJsonAsync<JsonElement>("/api/queues");
        var queue = queues.EnumerateArray().First(q => q.GetProperty("memberCount").GetInt64() > 100);

        var members = await _http.GetFromJsonAsync<JsonElement>($"/api/queues/{queue.GetProperty("id").GetString()}/members");

        // More than one page of 100: the paging helper went through every page.
        Assert.Equal(queue.GetProperty("memberCount").GetInt64(), members.GetArrayLength());
    }

    [Fact]
    public async Task Each_org_is_served_by_its_own_client_and_an_unknown_org_is_a_404_problem()
    {
        var orgs = await _http.GetFromJsonAsync<string[]>("/api/orgs");
        Assert.Equal(["default", "fabrikam"], orgs!);

        // The sample's own org has 40 queues; the simulated customer org, with its own credentials and budget, 7.
        Assert.Equal(40, (await _http.GetFromJsonAsync<JsonElement>("/api/orgs/default/queues")).GetArrayLength());
        Assert.Equal(7, (await _http.GetFromJsonAsync<JsonElement>("/api/orgs/fabrikam/queues")).GetArrayLength());

        using var unknown = await _http.GetAsync("/api/orgs/contoso/queues");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GC_PLATFORM_API_CLIENT_NAME_UNKNOWN", problem.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Unknown_queue_is_a_404_problem_with_the_correlation_id_and_the_Genesys_code()
    {
        using var response = await _http.GetAsync("/api/queues/00000000-0000-0000-0000-000000000000/members");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal("not.found", problem.GetProperty("code").GetString());
        Assert.Matches("^[0-9a-f-]{36}$", problem.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Queues_with_members_returns_every_queue_with_all_its_members()
    {
        var queues = await _http.GetFromJsonAsync<JsonElement>("/api/queues");
        var expected = queues.EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!, q => q.GetProperty("memberCount").GetInt64());

        var report = await _http.GetFromJsonAsync<JsonElement>("/api/queues/members");

        Assert.Equal(expected.Count, report.GetArrayLength());
        foreach (var queue in report.EnumerateArray())
        {
            Assert.Equal(expected[queue.GetProperty("id").GetString()!], queue.GetProperty("members").GetArrayLength());
        }
    }

    [Fact]
    public async Task Token_describes_the_clients_token()
    {
        var token = await _http.GetFromJsonAsync<JsonElement>("/api/token");

        Assert.False(string.IsNullOrEmpty(token.GetProperty("organization").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Client_reports_state_queues_and_rate_budget()
    {
        await _http.GetFromJsonAsync<JsonElement>("/api/token");

        var client = await _http.GetFromJsonAsync<JsonElement>("/api/client");

        Assert.Contains(client.GetProperty("state").GetString(), new[] { "Idle", "Running" });
        Assert.Equal("Healthy", client.GetProperty("health").GetString());
        Assert.True(client.GetProperty("backlog").GetInt32() >= 0);
        Assert.True(client.GetProperty("inFlight").GetInt32() >= 0);
        Assert.Equal(300, client.GetProperty("rateLimitAllowed").GetInt32());
        Assert.InRange(client.GetProperty("rateLimitRemaining").GetInt32(), 0, 299);
    }

    [Fact]
    public async Task Dashboard_figures_count_calls_and_the_demo_runs_against_the_simulator()
    {
        using var start = await _http.PostAsJsonAsync("/api/demo", new { calls = 60 });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);

        JsonElement dashboard;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            dashboard = await _http.GetFromJsonAsync<JsonElement>("/api/dashboard");
        }
        while (dashboard.GetProperty("demo").GetProperty("running").GetBoolean() && DateTime.UtcNow < deadline);

        var demo = dashboard.GetProperty("demo");
        Assert.False(demo.GetProperty("running").GetBoolean());
        Assert.Equal(60, demo.GetProperty("completed").GetInt32());
        var calls = dashboard.GetProperty("calls");
        Assert.True(calls.GetProperty("completed").GetInt64() >= 61);
        Assert.True(calls.GetProperty("peakInFlight").GetInt32() > 0);
        Assert.True(calls.GetProperty("p50Milliseconds").GetDouble() >= 0);
        Assert.True(calls.GetProperty("tokenRefreshes").GetInt64() >= 1);
        Assert.True(dashboard.GetProperty("embeddedSimulator").GetBoolean());
    }

    [Fact]
    public async Task Dashboard_shows_live_notification_events_of_the_embedded_simulator()
    {
        // The sample subscribes 10 queues' conversations and 10 users' presence and routing status; the simulator's org
        // publishes one event a second on them.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await factory.Services.GetRequiredService<WebApiSample.Notifications.LiveEventFeed>().WaitForAsync(2, timeout.Token);

        var dashboard = await _http.GetFromJsonAsync<JsonElement>("/api/dashboard");

        var notifications = dashboard.GetProperty("notifications");
        Assert.Equal("Active", notifications.GetProperty("state").GetString());
        Assert.Equal(30, notifications.GetProperty("topics").GetInt32());
        Assert.Equal(1, notifications.GetProperty("activeChannels").GetInt32());
        Assert.True(notifications.GetProperty("eventsReceived").GetInt64() >= 2);
        var latest = notifications.GetProperty("latest").EnumerateArray().ToList();
        Assert.True(latest.Count >= 2);
        Assert.All(latest, e => Assert.Contains(e.GetProperty("topicPattern").GetString(), new[] { "v2.routing.queues.{id}.conversations", "v2.users.{id}.presence", "v2.users.{id}.routingStatus" }));
        Assert.All(latest, e => Assert.Matches("^(conversation .+ with 2 participants|presence [A-Za-z]+|routing status [A-Z_]+)$", e.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Demo_rejects_invalid_sizes()
    {
        using var response = await _http.PostAsJsonAsync("/api/demo", new { calls = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_exposes_the_GenesysCloud_instruments_to_Prometheus()
    {
        await _http.GetFromJsonAsync<JsonElement>("/api/token");

        var metrics = await _http.GetStringAsync("/metrics");

        Assert.Contains("genesyscloud_client_call_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("genesyscloud_client_token_refreshes_total", metrics, StringComparison.Ordinal);
        Assert.Contains("genesyscloud_client_state", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_is_healthy_once_the_client_is_connected()
    {
        using var response = await _http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers()
    {
        using var response = await _http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Root_serves_the_dashboard_page_without_anything_from_the_internet()
    {
        var page = await _http.GetStringAsync("/");
        var script = await _http.GetStringAsync("/dashboard.js");

        Assert.Contains("dashboard.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Replace("https://json.schemastore.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("http", script.Replace("\"HTTP ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
