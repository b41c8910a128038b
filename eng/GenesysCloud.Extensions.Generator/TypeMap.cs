using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>What a generated type is, for the JSON reader and writer the generator writes.</summary>
internal enum CsKind
{
    String,
    Long,
    Int,
    Double,
    Bool,
    DateTime,
    Json,
    Enum,
    Model,

    /// <summary>A model of another assembly (the API models, for the notification events): read and written through its public interface.</summary>
    ImportedModel,
    List,
    Dictionary,
    Sequence,
}

/// <summary>
/// A C# type as generated code spells it, <c>global::</c>-qualified: its kind and, for lists and dictionaries, the
/// item (value) type.
/// </summary>
internal sealed record CsType(string Name, bool IsValueType, string Display, CsKind Kind, CsType? Item = null)
{
    public static readonly CsType String = new("string", false, "string", CsKind.String);
    public static readonly CsType Json = new("global::System.Text.Json.JsonElement", true, "JsonElement", CsKind.Json);
    public static readonly CsType Long = new("long", true, "long", CsKind.Long);
    public static readonly CsType Int = new("int", true, "int", CsKind.Int);
    public static readonly CsType Double = new("double", true, "double", CsKind.Double);
    public static readonly CsType Bool = new("bool", true, "bool", CsKind.Bool);
    public static readonly CsType DateTime = new("global::System.DateTimeOffset", true, "DateTimeOffset", CsKind.DateTime);

    /// <summary>Gets the type with a nullable annotation.</summary>
    public string Nullable => Name + "?";
}

/// <summary>
/// How Swagger schemas become C# types. Model integers are <c>long</c> whatever the format (the shared spec copy
/// marks every integer int32, but real values exceed 32 bits); <c>date</c>, <c>local-date-time</c> and
/// <c>year-month</c> stay strings; free-form objects are <see cref="JsonElement"/>.
/// </summary>
internal sealed class TypeMap
{
    public const string ModelsNamespace = "GenesysCloud.Extensions.Models";

    private readonly IReadOnlyDictionary<string, string> _modelNames;
    private readonly TypeMap? _inherited;

    public TypeMap(IReadOnlyDictionary<string, string> modelNames, string @namespace = ModelsNamespace, TypeMap? inherited = null)
    {
        _modelNames = modelNames;
        Namespace = @namespace;
        _inherited = inherited;
    }

    /// <summary>Gets the namespace of the models this map names; definitions of the inherited map keep theirs.</summary>
    public string Namespace { get; }

    public static string? DefinitionName(JsonElement schema)
    {
        var reference = SwaggerDocument.GetString(schema, "$ref");
        const string Prefix = "#/definitions/";
        return reference is not null && reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : null;
    }

    public string? ModelName(string definition) => _modelNames.TryGetValue(definition, out var name) ? name : null;

    /// <summary>Maps a schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="model">Model rules (arrays as lists); integers are <c>long</c> in models and parameters alike.</param>
    /// <param name="enumType">The enum-like struct for a string enum (of the value or of array items), if any.</param>
    /// <param name="sequence">Arrays as <c>IEnumerable&lt;T&gt;</c> (parameters) instead of <c>IReadOnlyList&lt;T&gt;</c>.</param>
    public CsType Map(JsonElement schema, bool model, CsType? enumType = null, bool sequence = false)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return CsType.Json;
        }

        var definition = DefinitionName(schema);
        if (definition is not null)
        {
            var name = ModelName(definition);
            return name is not null ? new CsType($"global::{Namespace}.{name}", false, name, CsKind.Model)
                : _inherited?.ModelName(definition) is not null ? _inherited.Map(schema, model, enumType, sequence) with { Kind = CsKind.ImportedModel }
                : CsType.Json;
        }

        var type = SwaggerDocument.GetString(schema, "type");
        var format = SwaggerDocument.GetString(schema, "format");
        switch (type)
        {
            case "string":
                if (enumType is not null && schema.TryGetProperty("enum", out _))
                {
                    return enumType;
                }

                return format == "date-time" ? CsType.DateTime : CsType.String;
            case "integer":
                // The shared spec lost int64 (epoch milliseconds, counts): every integer is long, so none overflows.
                return CsType.Long;
            case "number":
                return CsType.Double;
            case "boolean":
                return CsType.Bool;
            case "array":
                var items = schema.TryGetProperty("items", out var i) ? Map(i, model, enumType) : CsType.Json;
                return sequence
                    ? new CsType($"global::System.Collections.Generic.IEnumerable<{items.Name}>", false, $"IEnumerable<{items.Display}>", CsKind.Sequence, items)
                    : new CsType($"global::System.Collections.Generic.IReadOnlyList<{items.Name}>", false, $"IReadOnlyList<{items.Display}>", CsKind.List, items);
            case "object" or null:
                if (schema.TryGetProperty("additionalProperties", out var additional)
                    && additional.ValueKind is JsonValueKind.Object or JsonValueKind.True
                    && !schema.TryGetProperty("properties", out _))
                {
                    var value = additional.ValueKind == JsonValueKind.True ? CsType.Json : Map(additional, model);
                    return new CsType(
                        $"global::System.Collections.Generic.IReadOnlyDictionary<string, {value.Name}>",
                        false,
                        $"IReadOnlyDictionary<string, {value.Display}>",
                        CsKind.Dictionary,
                        value);
                }

                return CsType.Json;
            default:
                return CsType.Json;
        }
    }

    /// <summary>Whether a schema (or its array items) is a string enum.</summary>
    public static bool HasStringEnum(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var type = SwaggerDocument.GetString(schema, "type");
        if (type == "array")
        {
            return schema.TryGetProperty("items", out var items) && HasStringEnum(items);
        }

        return type == "string" && schema.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
            && e.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String);
    }

    /// <summary>The string values of a schema's (or its items') enum, in spec order, without duplicates.</summary>
    public static IReadOnlyList<string> EnumValues(JsonElement schema)
    {
        if (SwaggerDocument.GetString(schema, "type") == "array" && schema.TryGetProperty("items", out var items))
        {
            return EnumValues(items);
        }

        var values = new List<string>();
        if (schema.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in e.EnumerateArray())
            {
                if (v.ValueKind == JsonValueKind.String && !values.Contains(v.GetString()!, StringComparer.Ordinal))
                {
                    values.Add(v.GetString()!);
                }
            }
        }

        return values;
    }
}
