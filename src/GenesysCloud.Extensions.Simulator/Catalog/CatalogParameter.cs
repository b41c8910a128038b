using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Catalog;

/// <summary>One parameter of a catalog operation (Swagger 2.0 subset: <c>in</c>, <c>required</c>, <c>type</c> (a body's schema type), <c>format</c>, <c>enum</c>, <c>items</c>).</summary>
internal sealed record CatalogParameter(string Name, string In, bool Required, string? Type, string? Format, IReadOnlyList<string>? Enum, CatalogParameter? Items)
{
    public static CatalogParameter Parse(JsonObject node) => new(
        (string?)node["name"] ?? string.Empty,
        (string?)node["in"] ?? "query",
        node["required"] is JsonValue required && required.TryGetValue<bool>(out var isRequired) && isRequired,
        (string?)node["type"] ?? (string?)node["schema"]?["type"],
        (string?)node["format"],
        node["enum"] is JsonArray values ? values.Select(static v => v?.ToString() ?? string.Empty).ToArray() : null,
        node["items"] is JsonObject items ? Parse(items) : null);
}
