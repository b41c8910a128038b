using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>A response the simulator will write: a status, optional JSON body and extra headers.</summary>
internal sealed class SimulatorResult
{
    private SimulatorResult(int statusCode, JsonNode? body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    public int StatusCode { get; }

    public JsonNode? Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SimulatorResult Json(int statusCode, JsonNode body) => new(statusCode, body);

    public static SimulatorResult Ok(JsonNode body) => new(200, body);

    public static SimulatorResult Empty(int statusCode) => new(statusCode, null);

    public SimulatorResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
