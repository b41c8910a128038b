using System.Net;
using System.Text.Json.Nodes;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Queue_listing_has_the_Genesys_page_number_shape()
    {
        await using var sim = await StartAsync(o => o.QueueCount = 40);
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/routing/queues?pageSize=25&pageNumber=1");

        var body = await ReadObjectAsync(response);
        Assert.Equal(25, body["entities"]!.AsArray().Count);
        Assert.Equal(25, (int)body["pageSize"]!);
        Assert.Equal(1, (int)body["pageNumber"]!);
        Assert.Equal(40, (int)body["total"]!);
        Assert.Equal(2, (int)body["pageCount"]!);
        Assert.Equal("/api/v2/routing/queues?pageSize=25&pageNumber=1", (string?)body["firstUri"]);
        Assert.Equal("/api/v2/routing/queues?pageSize=25&pageNumber=1", (string?)body["selfUri"]);
        Assert.Equal("/api/v2/routing/queues?pageSize=25&pageNumber=2", (string?)body["nextUri"]);
        Assert.Equal("/api/v2/routing/queues?pageSize=25&pageNumber=2", (string?)body["lastUri"]);
        Assert.Null(body["previousUri"]);
        var queue = body["entities"]![0]!.AsObject();
        Assert.True(Guid.TryParse((string?)queue["id"], out _));
        Assert.Equal($"/api/v2/routing/queues/{queue["id"]}", (string?)queue["selfUri"]);
        Assert.NotNull(queue["memberCount"]);
        Assert.NotNull(queue["division"]!["id"]);
    }

    [Fact]
    public async Task Last_page_has_no_nextUri_and_following_nextUri_visits_every_queue_once()
    {
        await using var sim = await StartAsync(o => o.QueueCount = 23);
        using var client = await CreateAuthorizedClientAsync(sim);

        var ids = new List<string>();
        string? next = "/api/v2/routing/queues?pageSize=10&pageNumber=1";
        JsonObject? last = null;
        while (next is not null)
        {
            using var response = await client.GetAsync(next.TrimStart('/'));
            last = await ReadObjectAsync(response);
            ids.AddRange(last["entities"]!.AsArray().Select(static e => (string)e!["id"]!));
            next = (string?)last["nextUri"];
        }

        Assert.Equal(23, ids.Count);
        Assert.Equal(23, ids.Distinct().Count());
        Assert.Equal(3, (int)last!["pageNumber"]!);
        Assert.Equal("/api/v2/routing/queues?pageSize=10&pageNumber=2", (string?)last["previousUri"]);
    }

    [Fact]
    public async Task Name_filter_matches_case_insensitively_with_wildcards_and_is_kept_in_links()
    {
        await using var sim = await StartAsync(o => o.QueueCount = 40);
        using var client = await CreateAuthorizedClientAsync(sim);

        using var exact = await client.GetAsync("api/v2/routing/queues?name=sales%2001");
        using var prefix = await client.GetAsync("api/v2/routing/queues?name=Sales*&pageSize=1");

        var exactBody = await ReadObjectAsync(exact);
        Assert.Equal("Sales 01", (string?)exactBody["entities"]![0]!["name"]);
        Assert.Equal(1, (int)exactBody["total"]!);
        var prefixBody = await ReadObjectAsync(prefix);
        Assert.Equal(3, (int)prefixBody["total"]!);
        Assert.Equal("/api/v2/routing/queues?pageSize=1&pageNumber=2&name=Sales%2A", (string?)prefixBody["nextUri"]);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=abc")]
    [InlineData("pageNumber=-1")]
    [InlineData("pageSize=501")]
    public async Task Invalid_paging_answers_a_Genesys_400(string query)
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/routing/queues?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal("bad.request", (string?)body["code"]);
        Assert.Equal(400, (int)body["status"]!);
    }

    [Fact]
    public async Task Queue_members_are_paged_and_match_the_member_count()
    {
        await using var sim = await StartAsync(o => o.MaxMembersPerQueue = 30);
        using var client = await CreateAuthorizedClientAsync(sim);
        using var queues = await client.GetAsync("api/v2/routing/queues?pageSize=100");
        var queue = (await ReadObjectAsync(queues))["entities"]!.AsArray()
            .Select(static q => q!.AsObject())
            .First(static q => (int)q["memberCount"]! > 5);
        var memberCount = (int)queue["memberCount"]!;

        using var page = await client.GetAsync($"api/v2/routing/queues/{queue["id"]}/members?pageSize=5&pageNumber=1");
        var body = await ReadObjectAsync(page);

        Assert.Equal(5, body["entities"]!.AsArray().Count);
        Assert.Equal($"/api/v2/routing/queues/{queue["id"]}/members?pageSize=5&pageNumber=2", (string?)body["nextUri"]);
        var member = body["entities"]![0]!.AsObject();
        Assert.Equal((string?)member["id"], (string?)member["user"]!["id"]);
        Assert.NotNull(member["joined"]);

        using var all = await client.GetAsync($"api/v2/routing/queues/{queue["id"]}/members?pageSize=500");
        Assert.Equal(memberCount, (await ReadObjectAsync(all))["entities"]!.AsArray().Count);
    }

    [Fact]
    public async Task Users_query_pages_by_cursor_until_nextUri_disappears()
    {
        await using var sim = await StartAsync(o => o.UserCount = 60);
        using var client = await CreateAuthorizedClientAsync(sim);

        var ids = new List<string>();
        string? next = "/api/v2/users/query?pageSize=25";
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next.TrimStart('/'));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await ReadObjectAsync(response);
            ids.AddRange(body["entities"]!.AsArray().Select(static e => (string)e!["id"]!));
            next = (string?)body["nextUri"];
            Assert.Equal(next is null, body["cursor"] is null);
            Assert.Null(body["pageNumber"]);
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(60, ids.Distinct().Count());
    }

    [Fact]
    public async Task Users_query_rejects_a_forged_cursor()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/users/query?cursor=not-a-cursor");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
