using System.Net;
using System.Text.Json.Nodes;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class OrganizationTests
{
    [Fact]
    public async Task Queue_can_be_created_read_replaced_and_deleted()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var created = await client.PostAsync("api/v2/routing/queues", Json("""{"name":"Simulated Escalations","description":"first"}"""));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var queue = await ReadObjectAsync(created);
        var id = (string)queue["id"]!;
        Assert.Equal("Simulated Escalations", (string?)queue["name"]);
        Assert.Equal(0, (int)queue["memberCount"]!);

        using var replaced = await client.PutAsync($"api/v2/routing/queues/{id}", Json("""{"name":"Renamed","memberCount":99}"""));
        var replacedBody = await ReadObjectAsync(replaced);
        Assert.Equal("Renamed", (string?)replacedBody["name"]);
        Assert.Null(replacedBody["description"]);
        Assert.Equal(0, (int)replacedBody["memberCount"]!);

        using var read = await client.GetAsync($"api/v2/routing/queues/{id}");
        Assert.Equal("Renamed", (string?)(await ReadObjectAsync(read))["name"]);

        using var deleted = await client.DeleteAsync($"api/v2/routing/queues/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var gone = await client.GetAsync($"api/v2/routing/queues/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("not.found", (string?)(await ReadObjectAsync(gone))["code"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"description\":\"no name\"}")]
    [InlineData("{not json")]
    public async Task Creating_a_queue_without_a_valid_body_answers_400(string body)
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.PostAsync("api/v2/routing/queues", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad.request", (string?)(await ReadObjectAsync(response))["code"]);
    }

    [Fact]
    public async Task Wrapup_codes_support_every_verb()
    {
        await using var sim = await StartAsync(o => o.WrapupCodeCount = 3);
        using var client = await CreateAuthorizedClientAsync(sim);

        using var created = await client.PostAsync("api/v2/routing/wrapupcodes", Json("""{"name":"Simulated"}"""));
        var id = (string)(await ReadObjectAsync(created))["id"]!;
        using var list = await client.GetAsync("api/v2/routing/wrapupcodes");
        Assert.Equal(4, (int)(await ReadObjectAsync(list))["total"]!);

        using var replaced = await client.PutAsync($"api/v2/routing/wrapupcodes/{id}", Json("""{"name":"Simulated 2"}"""));
        Assert.Equal("Simulated 2", (string?)(await ReadObjectAsync(replaced))["name"]);
        using var read = await client.GetAsync($"api/v2/routing/wrapupcodes/{id}");
        Assert.Equal("Simulated 2", (string?)(await ReadObjectAsync(read))["name"]);

        using var deleted = await client.DeleteAsync($"api/v2/routing/wrapupcodes/{id}");
        using var deletedAgain = await client.DeleteAsync($"api/v2/routing/wrapupcodes/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task Patching_a_user_requires_the_current_version_and_bumps_it()
    {
        await using var sim = await StartAsync();
        using var client = await CreateAuthorizedClientAsync(sim);
        using var users = await client.GetAsync("api/v2/users?pageSize=1");
        var user = (await ReadObjectAsync(users))["entities"]![0]!.AsObject();
        var id = (string)user["id"]!;

        using var patched = await client.PatchAsync($"api/v2/users/{id}", Json("""{"version":1,"title":"Chief"}"""));
        using var stale = await client.PatchAsync($"api/v2/users/{id}", Json("""{"version":1,"title":"Again"}"""));
        using var missing = await client.PatchAsync($"api/v2/users/{id}", Json("""{"title":"Again"}"""));
        using var read = await client.GetAsync($"api/v2/users/{id}");

        Assert.Equal(2, (int)(await ReadObjectAsync(patched))["version"]!);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var readBody = await ReadObjectAsync(read);
        Assert.Equal("Chief", (string?)readBody["title"]);
        Assert.Equal(2, (int)readBody["version"]!);
    }

    [Fact]
    public async Task Patching_a_queue_member_changes_joined_counts()
    {
        await using var sim = await StartAsync(o => o.MaxMembersPerQueue = 30);
        using var client = await CreateAuthorizedClientAsync(sim);
        using var queues = await client.GetAsync("api/v2/routing/queues");
        var queue = (await ReadObjectAsync(queues))["entities"]!.AsArray().Select(static q => q!.AsObject()).First(static q => (int)q["memberCount"]! > 0);
        var queueId = (string)queue["id"]!;
        using var members = await client.GetAsync($"api/v2/routing/queues/{queueId}/members?pageSize=1");
        var member = (await ReadObjectAsync(members))["entities"]![0]!.AsObject();
        var joined = (bool)member["joined"]!;

        using var patched = await client.PatchAsync($"api/v2/routing/queues/{queueId}/members/{member["id"]}", Json(new JsonObject { ["joined"] = !joined }.ToJsonString()));
        using var after = await client.GetAsync($"api/v2/routing/queues/{queueId}");

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        var expected = (int)queue["joinedMemberCount"]! + (joined ? -1 : 1);
        Assert.Equal(expected, (int)(await ReadObjectAsync(after))["joinedMemberCount"]!);
    }

    [Fact]
    public async Task Path_outside_the_api_answers_404_without_authentication()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        using var response = await client.GetAsync("favicon.ico");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not.found", (string?)(await ReadObjectAsync(response))["code"]);
    }

    [Fact]
    public async Task Unknown_api_route_without_catalog_answers_404_after_authentication()
    {
        await using var sim = await StartAsync(o => o.Catalog = null);
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not.found", (string?)(await ReadObjectAsync(response))["code"]);
    }
}
