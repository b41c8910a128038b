using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class AnalyticsJobTests
{
    private const string Conversations = "api/v2/analytics/conversations/details/jobs";
    private const string Users = "api/v2/analytics/users/details/jobs";
    private const string Day = "2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z";

    private static readonly DateTimeOffset Start = new(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Conversation_job_goes_queued_pending_fulfilled_on_the_clock_and_pages_its_results_by_cursor()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var client = await CreateAuthorizedClientAsync(sim);

        var jobId = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        var queued = await StatusAsync(client, $"{Conversations}/{jobId}");
        using var early = await client.GetAsync($"{Conversations}/{jobId}/results");
        clock.Advance(TimeSpan.FromSeconds(1));
        var pending = await StatusAsync(client, $"{Conversations}/{jobId}");
        clock.Advance(TimeSpan.FromSeconds(4));
        var fulfilled = await StatusAsync(client, $"{Conversations}/{jobId}");

        Assert.Equal(("QUEUED", "2024-06-01T09:00:00.000Z"), ((string?)queued["state"], (string?)queued["submissionDate"]));
        Assert.Null(queued["completionDate"]);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("PENDING", (string?)pending["state"]);
        Assert.Equal("FULFILLED", (string?)fulfilled["state"]);
        Assert.Equal("2024-06-01T09:00:05.000Z", (string?)fulfilled["completionDate"]);
        Assert.Equal("2024-06-02T09:00:05.000Z", (string?)fulfilled["expirationDate"]);

        var conversations = await AllResultsAsync(client, $"{Conversations}/{jobId}/results", "conversations", pageSize: 50);
        Assert.InRange(conversations.Count, 100, 500); // 0 to 24 per hour, 12 on average
        var starts = conversations.Select(static c => DateTimeOffset.Parse((string)c["conversationStart"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(starts, s => Assert.InRange(s, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(5 + ((conversations.Count + 49) / 50), Assert.Single(sim.Inspector.Tokens).Requests); // counted like any API call
        var first = conversations[0];
        Assert.True(Guid.TryParse((string?)first["conversationId"], out _));
        Assert.Contains(first["participants"]!.AsArray(), static p => (string?)p!["purpose"] == "customer");
        Assert.Equal(conversations.Count, conversations.Select(static c => (string?)c["conversationId"]).Distinct().Count());
    }

    [Fact]
    public async Task Results_are_deterministic_per_seed_and_a_conversation_is_the_same_in_any_interval_that_finds_it()
    {
        var first = await ConversationsOfAsync(seed: 7, Day);
        var again = await ConversationsOfAsync(seed: 7, Day);
        var otherSeed = await ConversationsOfAsync(seed: 8, Day);
        var morning = await ConversationsOfAsync(seed: 7, "2024-05-01T00:00:00Z/PT6H");

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.NotEmpty(morning);
        Assert.Equal(first.Take(morning.Count), morning);
    }

    [Fact]
    public async Task Filters_order_and_limit_shape_the_results()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var client = await CreateAuthorizedClientAsync(sim);
        using var queues = await client.GetAsync("api/v2/routing/queues");
        var queueId = (string)(await ReadObjectAsync(queues))["entities"]![0]!["id"]!;

        var byQueue = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}","segmentFilters":[{"type":"or","predicates":[{"dimension":"queueId","value":"{{queueId}}"}]}]}""");
        var voiceDesc = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}","order":"desc","conversationFilters":[{"type":"and","predicates":[{"dimension":"mediaType","value":"voice"}]}]}""");
        var limited = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}","limit":7}""");
        clock.Advance(TimeSpan.FromSeconds(5));

        var queueResults = await AllResultsAsync(client, $"{Conversations}/{byQueue}/results", "conversations");
        var voiceResults = await AllResultsAsync(client, $"{Conversations}/{voiceDesc}/results", "conversations");
        Assert.NotEmpty(queueResults);
        Assert.All(queueResults, c => Assert.Contains(queueId, c.ToJsonString(), StringComparison.Ordinal));
        Assert.NotEmpty(voiceResults);
        Assert.All(voiceResults, static c => Assert.Equal("voice", (string?)c["participants"]![0]!["sessions"]![0]!["mediaType"]));
        var starts = voiceResults.Select(static c => (string)c["conversationStart"]!).ToList();
        Assert.Equal(starts.OrderDescending(StringComparer.Ordinal), starts);
        Assert.Equal(7, (await AllResultsAsync(client, $"{Conversations}/{limited}/results", "conversations")).Count);
    }

    [Fact]
    public async Task User_details_job_reports_each_user_with_presence_and_routing_status()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var client = await CreateAuthorizedClientAsync(sim);
        var user = sim.DefaultOrganization.Users[3];

        var all = await SubmitAsync(client, Users, $$"""{"interval":"{{Day}}"}""");
        var one = await SubmitAsync(client, Users, $$"""{"interval":"{{Day}}","userFilters":[{"type":"or","predicates":[{"dimension":"userId","value":"{{user.Id}}"}]}]}""");
        clock.Advance(TimeSpan.FromSeconds(5));

        var everyone = await AllResultsAsync(client, $"{Users}/{all}/results", "userDetails", pageSize: 25);
        var filtered = await AllResultsAsync(client, $"{Users}/{one}/results", "userDetails");
        Assert.Equal(60, everyone.Count);
        Assert.Equal(sim.DefaultOrganization.Users.Select(static u => u.Id), everyone.Select(static u => (string?)u["userId"]));
        Assert.Equal(user.Id, (string?)Assert.Single(filtered)["userId"]);
        Assert.NotEmpty(filtered[0]["primaryPresence"]!.AsArray());
        Assert.NotNull(filtered[0]["routingStatus"]![0]!["routingStatus"]);
        Assert.NotNull(filtered[0]["primaryPresence"]![0]!["systemPresence"]);
    }

    [Fact]
    public async Task Jobs_can_be_cancelled_failed_and_expired()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(o => { o.TimeProvider = clock; o.AnalyticsJobResultLifetime = TimeSpan.FromHours(1); });
        var jobs = sim.DefaultOrganization.AnalyticsJobs;
        using var client = await CreateAuthorizedClientAsync(sim);

        var cancelled = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        using var cancel = await client.DeleteAsync($"{Conversations}/{cancelled}");
        var failedInProcess = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        Assert.True(jobs.Fail(failedInProcess, "Query too large"));
        var failedOverHttp = await SubmitAsync(client, Users, $$"""{"interval":"{{Day}}"}""");
        using var failOverHttp = await client.PostAsync($"_simulator/analytics/jobs/{failedOverHttp}/fail", Json("""{"errorMessage":"Boom"}"""));
        using var failNext = await client.PostAsync("_simulator/organizations/default/analytics/fail-next", Json("""{"errorMessage":"Next one fails"}"""));
        var failsLater = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        var expired = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        var agesOut = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        clock.Advance(TimeSpan.FromSeconds(5));
        using var expire = await client.PostAsync($"_simulator/analytics/jobs/{expired}/expire", null);
        using var expireAgain = await client.PostAsync($"_simulator/analytics/jobs/{expired}/expire", null);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Equal("CANCELLED", (string?)(await StatusAsync(client, $"{Conversations}/{cancelled}"))["state"]);
        using (var results = await client.GetAsync($"{Conversations}/{cancelled}/results"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, results.StatusCode);
        }

        var failed = await StatusAsync(client, $"{Conversations}/{failedInProcess}");
        Assert.Equal(("FAILED", "Query too large"), ((string?)failed["state"], (string?)failed["errorMessage"]));
        Assert.Equal(HttpStatusCode.NoContent, failOverHttp.StatusCode);
        Assert.Equal("Boom", (string?)(await StatusAsync(client, $"{Users}/{failedOverHttp}"))["errorMessage"]);
        Assert.Equal(HttpStatusCode.NoContent, failNext.StatusCode);
        var later = await StatusAsync(client, $"{Conversations}/{failsLater}");
        Assert.Equal(("FAILED", "Next one fails", "2024-06-01T09:00:05.000Z"), ((string?)later["state"], (string?)later["errorMessage"], (string?)later["completionDate"]));
        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, expireAgain.StatusCode);
        Assert.Equal("EXPIRED", (string?)(await StatusAsync(client, $"{Conversations}/{expired}"))["state"]);
        Assert.Equal("FULFILLED", (string?)(await StatusAsync(client, $"{Conversations}/{agesOut}"))["state"]);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("EXPIRED", (string?)(await StatusAsync(client, $"{Conversations}/{agesOut}"))["state"]);
        Assert.Equal(["CANCELLED", "FAILED", "FAILED", "FAILED", "EXPIRED", "EXPIRED"], jobs.Jobs.Select(static j => j.State));
    }

    [Fact]
    public async Task Bad_requests_and_unknown_jobs_get_Genesys_errors_and_jobs_count_against_the_budget()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Organizations.Add(new SimulatorOrganizationOptions("fabrikam") { UserCount = 5, QueueCount = 2, MaxMembersPerQueue = 2 });
        });
        using var client = await CreateAuthorizedClientAsync(sim);
        var jobId = await SubmitAsync(client, Conversations, $$"""{"interval":"{{Day}}"}""");
        clock.Advance(TimeSpan.FromSeconds(5));

        using var noInterval = await client.PostAsync(Conversations, Json("""{"order":"asc"}"""));
        using var badInterval = await client.PostAsync(Users, Json("""{"interval":"2024-05-02T00:00:00Z/2024-05-01T00:00:00Z"}"""));
        using var badLimit = await client.PostAsync(Conversations, Json($$"""{"interval":"{{Day}}","limit":0}"""));
        using var noBody = await client.PostAsync(Conversations, Json(""));
        using var unknown = await client.GetAsync($"{Conversations}/{Guid.NewGuid()}");
        using var wrongKind = await client.GetAsync($"{Users}/{jobId}");
        using var badPageSize = await client.GetAsync($"{Conversations}/{jobId}/results?pageSize=5000");
        using var badCursor = await client.GetAsync($"{Conversations}/{jobId}/results?cursor=%%%");
        using var availability = await client.GetAsync($"{Conversations}/availability");

        foreach (var response in (HttpResponseMessage[])[noInterval, badInterval, badLimit, noBody, badPageSize, badCursor])
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("bad.request", (string?)(await ReadObjectAsync(response))["code"]);
        }

        Assert.Equal("not.found", (string?)(await ReadObjectAsync(unknown))["code"]);
        Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.Equal("2024-06-01T09:00:05.000Z", (string?)(await ReadObjectAsync(availability))["dataAvailabilityDate"]);
        Assert.Equal("10", Header(availability, "inin-ratelimit-count")); // every job call counted against the token's budget
        Assert.Equal(4, sim.Inspector.GetOperationCount("postAnalyticsConversationsDetailsJobs"));

        // Another organization's token does not see the job.
        var fabrikam = sim.GetOrganization("fabrikam");
        using var other = CreateClient(sim);
        using var token = await other.SendAsync(TokenRequest(fabrikam.ClientId, fabrikam.ClientSecret));
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)(await ReadObjectAsync(token))["access_token"]!);
        using var foreign = await other.GetAsync($"{Conversations}/{jobId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task<List<string>> ConversationsOfAsync(int seed, string interval)
    {
        var clock = new FakeTimeProvider(Start);
        await using var sim = await StartAsync(o => { o.TimeProvider = clock; o.Seed = seed; });
        using var client = await CreateAuthorizedClientAsync(sim);
        var jobId = await SubmitAsync(client, Conversations, $$"""{"interval":"{{interval}}"}""");
        clock.Advance(TimeSpan.FromSeconds(5));
        return [.. (await AllResultsAsync(client, $"{Conversations}/{jobId}/results", "conversations")).Select(static c => c.ToJsonString())];
    }

    private static async Task<string> SubmitAsync(HttpClient client, string path, string query)
    {
        using var response = await client.PostAsync(path, Json(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await ReadObjectAsync(response))["jobId"]!;
    }

    private static async Task<JsonObject> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    private static async Task<List<JsonObject>> AllResultsAsync(HttpClient client, string path, string property, int pageSize = 100)
    {
        var all = new List<JsonObject>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync($"{path}?pageSize={pageSize}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ReadObjectAsync(response);
            var items = page[property]!.AsArray().Select(static i => i!.AsObject()).ToList();
            Assert.True(items.Count <= pageSize);
            all.AddRange(items.Select(static i => (JsonObject)i.DeepClone()));
            cursor = (string?)page["cursor"];
            Assert.NotNull(page["dataAvailabilityDate"]);
        }
        while (cursor is not null);
        return all;
    }
}
