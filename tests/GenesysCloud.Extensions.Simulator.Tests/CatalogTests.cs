using System.Net;
using System.Text;
using static GenesysCloud.Extensions.Simulator.Tests.SimulatorTestHost;

namespace GenesysCloud.Extensions.Simulator.Tests;

public sealed class CatalogTests
{
    private static SimulatorCatalog LoadTestCatalog() => SimulatorCatalog.LoadFromFiles(
        Path.Combine(AppContext.BaseDirectory, "TestCatalog", "api-manifest.json"),
        Path.Combine(AppContext.BaseDirectory, "TestCatalog", "api-schemas.json"));

    [Fact]
    public void Loader_reads_the_generator_shape_and_ignores_unknown_fields()
    {
        var catalog = LoadTestCatalog();

        Assert.Equal(5, catalog.OperationCount);
        Assert.Equal("getWidgetsSearch", catalog.Find("GET", "/api/v2/widgets/search")!.Value.Operation.OperationId);
        Assert.Equal("getWidget", catalog.Find("get", "/api/v2/widgets/w1")!.Value.Operation.OperationId);
        Assert.Null(catalog.Find("PUT", "/api/v2/widgets/w1"));
        Assert.Null(catalog.Find("GET", "/api/v2/widgets/w1/extra"));
    }

    [Fact]
    public void Loader_accepts_streams()
    {
        using var manifest = new MemoryStream(Encoding.UTF8.GetBytes("""{"operations":[{"operationId":"getThing","method":"GET","path":"/api/v2/things","responseSchema":null,"successStatus":200,"parameters":[]}],"extra":1}"""));
        using var schemas = new MemoryStream(Encoding.UTF8.GetBytes("""{"definitions":{}}"""));

        Assert.Equal(1, SimulatorCatalog.Load(manifest, schemas).OperationCount);
    }

    [Fact]
    public async Task Matched_operation_answers_a_deterministic_example_of_its_response_schema()
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/widgets/w-42?expand=parts,owner");
        using var again = await client.GetAsync("api/v2/widgets/w-42?expand=parts,owner");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var widget = await ReadObjectAsync(response);
        Assert.Equal("w-42", (string?)widget["id"]);
        Assert.Equal("string", (string?)widget["name"]);
        Assert.Equal("2024-01-01T00:00:00.000Z", (string?)widget["dateCreated"]);
        Assert.Equal(1, (int)widget["size"]!);
        Assert.Equal(1.0, (double)widget["weight"]!);
        Assert.True((bool)widget["enabled"]!);
        Assert.Equal("active", (string?)widget["state"]);
        Assert.Equal("string", (string?)widget["tags"]![0]);
        Assert.Equal("string", (string?)widget["attributes"]!["key"]);
        Assert.True(Guid.TryParse((string?)widget["owner"]!["id"], out _));

        // Recursion stops at a definition already being built.
        Assert.Null(widget["parent"]);
        Assert.Null(widget["owner"]!["favourite"]);
        Assert.Equal(await response.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("getWidget", sim.Inspector.Requests[^1].Operation);
        Assert.Equal("/api/v2/widgets/{widgetId}", sim.Inspector.Requests[^1].Route);
        Assert.Equal(2, sim.Inspector.GetOperationCount("getWidget"));
    }

    [Theory]
    [InlineData("api/v2/widgets/search", "q")]
    [InlineData("api/v2/widgets/search?q=x&limit=ten", "limit")]
    [InlineData("api/v2/widgets/search?q=x&ratio=half", "ratio")]
    [InlineData("api/v2/widgets/search?q=x&active=yes", "active")]
    [InlineData("api/v2/widgets/search?q=x&sortOrder=SIDEWAYS", "sortOrder")]
    [InlineData("api/v2/widgets/w1?expand=parts,nonsense", "expand")]
    public async Task Invalid_query_answers_a_Genesys_400_naming_the_parameter(string target, string parameter)
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync(target);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadObjectAsync(response);
        Assert.Equal("bad.request", (string?)body["code"]);
        Assert.Contains(parameter, (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_query_of_every_type_is_accepted()
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.GetAsync("api/v2/widgets/search?q=x&limit=10&ratio=0.5&active=true&sortOrder=DESC");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await ReadObjectAsync(response))["entities"]!.AsArray());
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("{broken", HttpStatusCode.BadRequest)]
    [InlineData("{\"name\":\"w\"}", HttpStatusCode.OK)]
    public async Task Required_body_must_be_present_and_json(string body, HttpStatusCode expected)
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.PostAsync("api/v2/widgets", Json(body));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Operation_without_a_response_type_answers_its_success_status_with_no_body()
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);

        using var response = await client.DeleteAsync("api/v2/widgets/w1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_more_specific_catalog_template_wins_over_a_seeded_parameter_route()
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);
        using var users = await client.GetAsync("api/v2/users?pageSize=1");
        var userId = (string)(await ReadObjectAsync(users))["entities"]![0]!["id"]!;

        using var development = await client.GetAsync("api/v2/users/development");
        using var user = await client.GetAsync($"api/v2/users/{userId}");

        Assert.Equal(HttpStatusCode.OK, development.StatusCode);
        Assert.Equal("getUsersDevelopmentActivities", sim.Inspector.Requests[^2].Operation);
        Assert.Equal(userId, (string?)(await ReadObjectAsync(user))["id"]);
        Assert.Equal("getUser", sim.Inspector.Requests[^1].Operation);
    }

    [Fact]
    public async Task Seeded_routes_win_over_the_catalog_and_unknown_routes_answer_404()
    {
        await using var sim = await StartAsync(o => o.Catalog = LoadTestCatalog());
        using var client = await CreateAuthorizedClientAsync(sim);

        using var seeded = await client.GetAsync("api/v2/routing/queues");
        using var unknown = await client.GetAsync("api/v2/gadgets");

        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        Assert.Equal("getRoutingQueues", sim.Inspector.Requests[^2].Operation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not.found", (string?)(await ReadObjectAsync(unknown))["code"]);
        Assert.Null(sim.Inspector.Requests[^1].Operation);
    }
}
