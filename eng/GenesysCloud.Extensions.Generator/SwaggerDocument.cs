using System.Globalization;
using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>A parameter of an operation, with <c>$ref</c>s to <c>#/parameters/</c> resolved.</summary>
internal sealed record SwaggerParameter(string Name, string In, bool Required, string? Description, JsonElement Schema);

/// <summary>One operation (path + HTTP method) of the spec.</summary>
internal sealed record SwaggerOperation(
    string Path,
    string Method,
    string OperationId,
    string MethodName,
    IReadOnlyList<string> Tags,
    string? Summary,
    string? Description,
    bool Deprecated,
    bool Preview,
    JsonElement? Permissions,
    IReadOnlyList<SwaggerParameter> Parameters,
    int SuccessStatus,
    JsonElement? ResponseSchema,
    IReadOnlyList<string> Produces,
    IReadOnlyList<string> Consumes)
{
    /// <summary>Gets whether the operation answers JSON (<c>application/json</c>, <c>application/scim+json</c>...) or declares nothing.</summary>
    public bool ProducesJson => Produces.Count == 0 || Produces.Any(SwaggerDocument.IsJsonMediaType);
}

/// <summary>
/// The parts of a Swagger 2.0 document the generator uses. Tolerant: unknown fields, vendor extensions, error
/// responses, path-level parameters and <c>$ref</c> parameters (as in the spec Genesys publishes) are accepted.
/// </summary>
internal sealed class SwaggerDocument
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];

    private SwaggerDocument(string title, string version, IReadOnlyList<SwaggerOperation> operations, IReadOnlyDictionary<string, JsonElement> definitions)
    {
        Title = title;
        Version = version;
        Operations = operations;
        Definitions = definitions;
    }

    public string Title { get; }

    public string Version { get; }

    /// <summary>Gets the operations, sorted by path then method (ordinal).</summary>
    public IReadOnlyList<SwaggerOperation> Operations { get; }

    public IReadOnlyDictionary<string, JsonElement> Definitions { get; }

    public static SwaggerDocument Parse(JsonElement root)
    {
        var info = root.TryGetProperty("info", out var i) ? i : default;
        var title = GetString(info, "title") ?? "API";
        var version = GetString(info, "version") ?? string.Empty;

        var definitions = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("definitions", out var defs) && defs.ValueKind == JsonValueKind.Object)
        {
            foreach (var d in defs.EnumerateObject())
            {
                definitions[d.Name] = d.Value;
            }
        }

        var produces = MediaTypes(root, "produces", []);
        var consumes = MediaTypes(root, "consumes", []);
        var sharedParameters = root.TryGetProperty("parameters", out var sp) && sp.ValueKind == JsonValueKind.Object ? sp : default;
        var sharedResponses = root.TryGetProperty("responses", out var sr) && sr.ValueKind == JsonValueKind.Object ? sr : default;

        var operations = new List<SwaggerOperation>();
        if (root.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
        {
            foreach (var path in paths.EnumerateObject())
            {
                if (!path.Name.StartsWith('/') || path.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var pathParameters = path.Value.TryGetProperty("parameters", out var pp) ? pp : default;
                foreach (var member in path.Value.EnumerateObject())
                {
                    if (!HttpMethods.Contains(member.Name, StringComparer.Ordinal) || member.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    operations.Add(ParseOperation(path.Name, member.Name, member.Value, pathParameters, sharedParameters, sharedResponses) with
                    {
                        Produces = MediaTypes(member.Value, "produces", produces),
                        Consumes = MediaTypes(member.Value, "consumes", consumes),
                    });
                }
            }
        }

        operations.Sort((a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : string.CompareOrdinal(a.Method, b.Method);
        });
        return new SwaggerDocument(title, version, operations, definitions);
    }

    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Whether a media type is JSON: <c>application/json</c> or a <c>+json</c> suffix.</summary>
    public static bool IsJsonMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || type == "*/*";
    }

    private static IReadOnlyList<string> MediaTypes(JsonElement element, string name, IReadOnlyList<string> inherited) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
            : inherited;

    public static bool GetBool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static SwaggerOperation ParseOperation(
        string path, string method, JsonElement operation, JsonElement pathParameters, JsonElement sharedParameters, JsonElement sharedResponses)
    {
        var operationId = GetString(operation, "operationId") ?? Naming.Camel(method + " " + path);
        var methodName = GetString(operation, "x-purecloud-method-name") ?? operationId;

        var tags = new List<string>();
        if (operation.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in t.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String && !tags.Contains(tag.GetString()!, StringComparer.Ordinal))
                {
                    tags.Add(tag.GetString()!);
                }
            }
        }

        if (tags.Count == 0)
        {
            tags.Add("Default");
        }

        // Operation parameters override path-level ones with the same name and location.
        var parameters = new List<SwaggerParameter>();
        foreach (var source in new[] { operation.TryGetProperty("parameters", out var op) ? op : default, pathParameters })
        {
            if (source.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var raw in source.EnumerateArray())
            {
                var p = Resolve(raw, sharedParameters, "#/parameters/");
                var name = GetString(p, "name");
                var location = GetString(p, "in");
                if (name is null || location is null || parameters.Exists(x => x.Name == name && x.In == location))
                {
                    continue;
                }

                var schema = location == "body" && p.TryGetProperty("schema", out var s) ? s : p;
                parameters.Add(new SwaggerParameter(name, location, location == "path" || GetBool(p, "required"), GetString(p, "description"), schema));
            }
        }

        var status = 200;
        JsonElement? responseSchema = null;
        if (operation.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object)
        {
            var success = responses.EnumerateObject()
                .Where(r => r.Name.Length == 3 && r.Name[0] == '2' && int.TryParse(r.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            if (success.Count > 0)
            {
                status = int.Parse(success[0].Name, CultureInfo.InvariantCulture);

                // The first 2xx with a schema gives the type (a 200 may come with a schema-less 202 beside it).
                foreach (var r in success)
                {
                    var resolved = Resolve(r.Value, sharedResponses, "#/responses/");
                    if (resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("schema", out var schema))
                    {
                        status = int.Parse(r.Name, CultureInfo.InvariantCulture);
                        responseSchema = schema;
                        break;
                    }
                }
            }
        }

        return new SwaggerOperation(
            path,
            method.ToUpperInvariant(),
            operationId,
            methodName,
            tags,
            GetString(operation, "summary"),
            GetString(operation, "description"),
            GetBool(operation, "deprecated"),
            GetBool(operation, "x-genesys-preview"),
            operation.TryGetProperty("x-inin-requires-permissions", out var permissions) ? permissions : null,
            parameters,
            status,
            responseSchema,
            [],
            []);
    }

    private static JsonElement Resolve(JsonElement element, JsonElement shared, string prefix)
    {
        var reference = GetString(element, "$ref");
        if (reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal)
            && shared.ValueKind == JsonValueKind.Object && shared.TryGetProperty(reference[prefix.Length..], out var target))
        {
            return target;
        }

        return element;
    }
}
