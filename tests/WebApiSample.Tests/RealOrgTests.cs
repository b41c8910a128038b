using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebApiSample.Tests;

/// <summary>With a ClientId configured the sample talks to "a real org" (here: one that cannot be reached).</summary>
public sealed class RealOrgTests(RealOrgSampleFactory factory) : IClassFixture<RealOrgSampleFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task Demo_is_refused_with_a_409_problem()
    {
        using var response = await _http.PostAsJsonAsync("/api/demo", new { calls = 10 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Readyz_is_not_healthy_while_the_client_cannot_connect()
    {
        using var response = await _http.GetAsync("/readyz");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var dashboard = await _http.GetFromJsonAsync<JsonElement>("/api/dashboard");
        Assert.False(dashboard.GetProperty("embeddedSimulator").GetBoolean());
    }
}
