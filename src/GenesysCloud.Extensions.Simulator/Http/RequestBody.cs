using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Http;

/// <summary>Reads a request body as a JSON object, answering Genesys 400s for a missing or malformed one.</summary>
internal static class RequestBody
{
    public static SimulatorResult? TryReadObject(SimulatorRequest request, out JsonObject body)
    {
        body = [];
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return GenesysErrors.BadRequest("The request body is required.", request.CorrelationId);
        }

        try
        {
            if (JsonNode.Parse(request.Body) is JsonObject parsed)
            {
                body = parsed;
                return null;
            }
        }
        catch (JsonException)
        {
            // Falls through to the 400 below.
        }

        return GenesysErrors.BadRequest("The request could not be understood by the server due to malformed syntax.", request.CorrelationId);
    }

    /// <summary>Requires a non-empty string property, as Genesys does for <c>name</c> on queues and wrap-up codes.</summary>
    public static SimulatorResult? RequireString(SimulatorRequest request, JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? null
            : GenesysErrors.BadRequest($"The field [{name}] is required.", request.CorrelationId);
}
