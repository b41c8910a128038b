using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Catalog;

/// <summary>Answers a request from the catalog: validation, then the success status with an example of the response schema.</summary>
internal sealed class CatalogResponder(SimulatorCatalog catalog)
{
    private readonly SchemaExampleGenerator _examples = new(catalog.Definitions);

    // Examples are deterministic, so each is built once per operation and copied per request.
    private readonly ConcurrentDictionary<string, JsonNode?> _cache = new(StringComparer.Ordinal);

    /// <summary>Finds the operation for a method and path.</summary>
    public (CatalogOperation Operation, Dictionary<string, string> Values)? Find(string method, string path) => catalog.Find(method, path);

    /// <summary>Validates the request against <paramref name="operation"/> and answers it.</summary>
    public SimulatorResult Answer(SimulatorRequest request, CatalogOperation operation)
    {
        if (CatalogRequestValidator.Validate(operation, request) is { } error)
        {
            return error;
        }

        if (operation.TextMediaType is { } mediaType)
        {
            // text/plain and text/calendar operations: a client that accepts only JSON gets 406, as from Genesys.
            var accept = request.HttpContext.Request.Headers.Accept.ToString();
            return accept.Length > 0 && !accept.Contains(mediaType, StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal)
                ? GenesysErrors.Create(406, "not.acceptable", $"This operation produces {mediaType}; the request accepts only {accept}.", request.CorrelationId)
                : SimulatorResult.TextBody(operation.SuccessStatus, ExampleText(operation, mediaType), mediaType);
        }

        var cached = operation.ResponseSchema is null ? null : _cache.GetOrAdd(operation.OperationId, _ => _examples.Generate(operation.ResponseSchema));
        if (cached?.DeepClone() is not { } example)
        {
            return SimulatorResult.Empty(operation.SuccessStatus);
        }

        // The entity asked for by id answers with that id, so a client reading back what it addressed sees it.
        if (example is JsonObject entity && entity.ContainsKey("id") && request.RouteValues.Count > 0)
        {
            entity["id"] = request.RouteValues.Values.Last();
        }

        return SimulatorResult.Json(operation.SuccessStatus, example);
    }

    /// <summary>The deterministic text a non-JSON operation answers: a minimal iCalendar for <c>text/calendar</c>, a line naming the operation otherwise.</summary>
    public static string ExampleText(CatalogOperation operation, string mediaType) =>
        mediaType.Equals("text/calendar", StringComparison.OrdinalIgnoreCase)
            ? "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//GenesysCloud.Extensions.Simulator//EN\r\nEND:VCALENDAR\r\n"
            : $"Simulated {mediaType} response of {operation.OperationId}.\n";
}
