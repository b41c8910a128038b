using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Http;

namespace GenesysCloud.Extensions.Simulator.Catalog;

/// <summary>One operation of the API manifest.</summary>
internal sealed record CatalogOperation(
    string OperationId,
    string Method,
    RouteTemplate Template,
    IReadOnlyList<CatalogParameter> Parameters,
    JsonNode? ResponseSchema,
    int SuccessStatus)
{
    public static CatalogOperation Parse(JsonObject node) => new(
        (string?)node["operationId"] ?? string.Empty,
        ((string?)node["method"] ?? "GET").ToUpperInvariant(),
        RouteTemplate.Parse((string?)node["path"] ?? "/"),
        node["parameters"] is JsonArray parameters ? parameters.OfType<JsonObject>().Select(CatalogParameter.Parse).ToArray() : [],
        node["responseSchema"] is JsonObject schema ? schema : null,
        node["successStatus"] is JsonValue status && status.TryGetValue<int>(out var code) ? code : 200);
}
