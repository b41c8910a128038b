using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Tests;

/// <summary>Starts simulators with a small organization and talks to them over real loopback HTTP.</summary>
internal static class SimulatorTestHost
{
    public static Task<GenesysCloudSimulator> StartAsync(Action<GenesysCloudSimulatorOptions>? configure = null)
    {
        var options = new GenesysCloudSimulatorOptions { QueueCount = 5, MaxMembersPerQueue = 30, UserCount = 60, WrapupCodeCount = 5 };
        configure?.Invoke(options);
        return GenesysCloudSimulator.StartAsync(options);
    }

    public static HttpClient CreateClient(GenesysCloudSimulator simulator) => new() { BaseAddress = simulator.ApiBaseAddress };

    public static HttpRequestMessage TokenRequest(string clientId, string clientSecret, string body = "grant_type=client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        return request;
    }

    public static async Task<string> GetTokenAsync(HttpClient client, GenesysCloudSimulator simulator)
    {
        using var response = await client.SendAsync(TokenRequest(simulator.ClientId, simulator.ClientSecret));
        response.EnsureSuccessStatusCode();
        var body = await ReadObjectAsync(response);
        return (string)body["access_token"]!;
    }

    public static async Task<HttpClient> CreateAuthorizedClientAsync(GenesysCloudSimulator simulator)
    {
        var client = CreateClient(simulator);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(client, simulator));
        return client;
    }

    /// <summary>A client of one organization's host, with a token of its client-credentials client.</summary>
    public static async Task<HttpClient> CreateAuthorizedClientAsync(SimulatorOrganization organization)
    {
        var client = new HttpClient { BaseAddress = organization.ApiBaseAddress };
        using var response = await client.SendAsync(TokenRequest(organization.ClientId, organization.ClientSecret));
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)(await ReadObjectAsync(response))["access_token"]!);
        return client;
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject ?? throw new InvalidOperationException("Expected a JSON object.");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new InvalidOperationException($"No {name} header.");
}
