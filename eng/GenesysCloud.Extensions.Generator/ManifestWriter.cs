using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>
/// Writes <c>api-manifest.json</c> (every operation: method, path, categories, C# names, parameters, response) and
/// <c>api-schemas.json</c> (the reachable definitions, Swagger 2.0 subset without descriptions) for the simulator
/// and the contract tests.
/// </summary>
internal static class ManifestWriter
{
    private static readonly string[] SchemaKeys = ["type", "format", "$ref", "items", "enum", "additionalProperties", "required", "properties", "collectionFormat"];

    public static string WriteManifest(SwaggerDocument document, IReadOnlyList<ApiOperation> operations, IReadOnlyList<ApiCategory> categories, int modelCount)
    {
        var methods = new Dictionary<SwaggerOperation, List<(ApiCategory Category, string Method, string? Paging)>>();
        foreach (var category in categories)
        {
            foreach (var (operation, methodName, pagingName) in category.Methods)
            {
                if (!methods.TryGetValue(operation.Source, out var list))
                {
                    methods[operation.Source] = list = [];
                }

                list.Add((category, methodName, pagingName));
            }
        }

        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("specTitle", document.Title);
            w.WriteString("specVersion", document.Version);
            w.WriteNumber("categoryCount", categories.Count);
            w.WriteNumber("operationCount", operations.Count);
            w.WriteNumber("methodCount", categories.Sum(c => c.Methods.Count));
            w.WriteNumber("modelCount", modelCount);
            w.WriteNumber("pagedOperationCount", operations.Count(o => o.Paging is not null));
            w.WriteStartArray("operations");
            foreach (var operation in operations)
            {
                var source = operation.Source;

                // Categories in the operation's tag order; the method name is the same in each unless a clash forced a suffix.
                var placed = source.Tags.Select(t => methods[source].First(m => m.Category.Tag == t)).ToList();
                w.WriteStartObject();
                w.WriteString("operationId", source.OperationId);
                w.WriteString("method", source.Method);
                w.WriteString("path", source.Path);
                WriteStrings(w, "categories", placed.Select(m => m.Category.Tag));
                WriteStrings(w, "interfaces", placed.Select(m => m.Category.Interface));
                w.WriteString("methodName", placed[0].Method);
                if (placed.Any(m => m.Method != placed[0].Method))
                {
                    WriteStrings(w, "methodNames", placed.Select(m => m.Method));
                }

                if (operation.ReturnType is null)
                {
                    w.WriteNull("responseType");
                    w.WriteNull("responseSchema");
                }
                else
                {
                    w.WriteString("responseType", operation.ReturnType.Display);
                    w.WritePropertyName("responseSchema");
                    WriteSchema(w, source.ResponseSchema!.Value);
                }

                if (!source.ProducesJson)
                {
                    WriteStrings(w, "produces", source.Produces);
                }

                w.WriteNumber("successStatus", source.SuccessStatus);
                w.WriteBoolean("paged", operation.Paging is not null);
                if (operation.Paging is { } paging)
                {
                    w.WriteStartObject("paging");
                    w.WriteString("style", paging.Style);
                    w.WriteString("parameter", paging.Parameter.Source.Name);
                    w.WriteString("itemsProperty", paging.ItemsWireName);
                    w.WriteString("helper", placed[0].Paging);
                    w.WriteEndObject();
                }

                w.WriteBoolean("deprecated", source.Deprecated);
                w.WriteBoolean("preview", source.Preview);
                w.WriteStartArray("parameters");
                foreach (var p in operation.Parameters)
                {
                    w.WriteStartObject();
                    w.WriteString("name", p.Source.Name);
                    w.WriteString("in", p.Source.In);
                    w.WriteBoolean("required", p.Source.Required);
                    w.WriteString("csharpName", Naming.Unescaped(p.Name));
                    if (p.Source.In == "body")
                    {
                        w.WritePropertyName("schema");
                        WriteSchema(w, p.Source.Schema);
                    }
                    else
                    {
                        WriteSchemaMembers(w, p.Source.Schema);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static string WriteSchemas(SwaggerDocument document, ModelGenerator models) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("definitions");
            foreach (var definition in models.Models.Keys)
            {
                w.WritePropertyName(definition);
                WriteSchema(w, document.Definitions[definition]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });

    /// <summary>Writes JSON the way every generated JSON file is written: indented by one space, <c>\n</c>, relaxed escaping, final newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteSchema(Utf8JsonWriter w, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            schema.WriteTo(w);
            return;
        }

        w.WriteStartObject();
        WriteSchemaMembers(w, schema);
        w.WriteEndObject();
    }

    private static void WriteSchemaMembers(Utf8JsonWriter w, JsonElement schema)
    {
        foreach (var key in SchemaKeys)
        {
            // A parameter's boolean "required" is written with the parameter; only a schema's list belongs here.
            if (!schema.TryGetProperty(key, out var value) || (key == "required" && value.ValueKind != JsonValueKind.Array))
            {
                continue;
            }

            w.WritePropertyName(key);
            switch (key)
            {
                case "items" or "additionalProperties":
                    WriteSchema(w, value);
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    w.WriteStartObject();
                    foreach (var property in value.EnumerateObject())
                    {
                        w.WritePropertyName(property.Name);
                        WriteSchema(w, property.Value);
                    }

                    w.WriteEndObject();
                    break;
                default:
                    value.WriteTo(w);
                    break;
            }
        }
    }
}
