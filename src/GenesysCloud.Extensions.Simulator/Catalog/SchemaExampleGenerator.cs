using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GenesysCloud.Extensions.Simulator.Catalog;

/// <summary>
/// Builds a deterministic example of a Swagger 2.0 schema: <c>"string"</c> for strings (a UUID for <c>id</c>, ISO instants for
/// <c>date-time</c>), the first enum value, 1 for numbers, <see langword="true"/>, one-element arrays, and <c>$ref</c>s resolved with
/// recursion cut at a repeated definition or <see cref="MaxDepth"/> nested objects.
/// </summary>
internal sealed class SchemaExampleGenerator(JsonObject definitions)
{
    public const int MaxDepth = 4;

    public JsonNode? Generate(JsonNode? schema) => Generate(schema, null, "root", [], 0);

    private JsonNode? Generate(JsonNode? schema, string? propertyName, string context, HashSet<string> refs, int depth)
    {
        if (schema is not JsonObject node)
        {
            return null;
        }

        if ((string?)node["$ref"] is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            if (refs.Contains(name) || definitions[name] is not JsonObject definition)
            {
                // A recursive type (a User's manager is a User) stops here.
                return null;
            }

            refs.Add(name);
            var result = Generate(definition, propertyName, name, refs, depth);
            refs.Remove(name);
            return result;
        }

        if (node["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        var type = (string?)node["type"];
        if (type is null && (node["properties"] is not null || node["additionalProperties"] is not null))
        {
            type = "object";
        }

        switch (type)
        {
            case "string":
                return (string?)node["format"] switch
                {
                    "date-time" => "2024-01-01T00:00:00.000Z",
                    "date" => "2024-01-01",
                    "uuid" => DeterministicUuid(context, propertyName),
                    "uri" or "url" => "https://example.com",
                    "byte" => "c3RyaW5n",
                    _ when propertyName == "id" => DeterministicUuid(context, propertyName),
                    _ => "string",
                };
            case "integer":
                return 1;
            case "number":
                return 1.0;
            case "boolean":
                return true;
            case "array":
                var item = Generate(node["items"], null, context, refs, depth);
                return item is null ? new JsonArray() : new JsonArray(item);
            case "object":
                if (depth >= MaxDepth)
                {
                    return new JsonObject();
                }

                var result = new JsonObject();
                if (node["properties"] is JsonObject properties)
                {
                    foreach (var (name, propertySchema) in properties)
                    {
                        if (Generate(propertySchema, name, context, refs, depth + 1) is { } value)
                        {
                            result[name] = value;
                        }
                    }
                }

                if (node["additionalProperties"] is JsonObject additional && Generate(additional, null, context, refs, depth + 1) is { } example)
                {
                    result["key"] = example;
                }

                return result;
            default:
                return new JsonObject();
        }
    }

    private static string DeterministicUuid(string context, string? propertyName)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{context}.{propertyName}"), hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]).ToString("D");
    }
}
