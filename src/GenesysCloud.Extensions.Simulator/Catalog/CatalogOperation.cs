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
    int SuccessStatus,
    IReadOnlyList<string> Produces)
{
    /// <summary>Gets the media type of a text answer (<c>text/plain</c>, <c>text/calendar</c>); <see langword="null"/> for JSON.</summary>
    public string? TextMediaType => Produces.Count > 0 ? Produces[0] : null;

    public static CatalogOperation Parse(JsonObject node) => new(
        (string?)node["operationId"] ?? string.Empty,
        ((string?)node["method"] ?? "GET").ToUpperInvariant(),
        RouteTemplate.Parse((string?)node["path"] ?? "/"),
        node["parameters"] is JsonArray parameters ? parameters.OfType<JsonObject>().Select(CatalogParameter.Parse).ToArray() : [],
        node["responseSchema"] is JsonObject schema ? schema : null,
        node["successStatus"] is JsonValue status && status.TryGetValue<int>(out var code) ? code : 200,
        node["produces"] is JsonArray produces ? produces.Select(static p => p?.ToString() ?? string.Empty).Where(static p => p.Length > 0).ToArray() : []);
}
