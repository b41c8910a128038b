using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>A response the simulator will write: a status, optional JSON (or text) body and extra headers.</summary>
internal sealed class SimulatorResult
{
    private SimulatorResult(int statusCode, JsonNode? body, string? text = null, string? textMediaType = null)
    {
        StatusCode = statusCode;
        Body = body;
        Text = text;
        TextMediaType = textMediaType;
    }

    public int StatusCode { get; }

    public JsonNode? Body { get; }

    /// <summary>Gets the text body of a non-JSON answer (<c>text/plain</c>, <c>text/calendar</c>).</summary>
    public string? Text { get; }

    /// <summary>Gets the media type of <see cref="Text"/>.</summary>
    public string? TextMediaType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SimulatorResult Json(int statusCode, JsonNode body) => new(statusCode, body);

    public static SimulatorResult Ok(JsonNode body) => new(200, body);

    public static SimulatorResult Empty(int statusCode) => new(statusCode, null);

    public static SimulatorResult TextBody(int statusCode, string text, string mediaType) => new(statusCode, null, text, mediaType);

    public SimulatorResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
