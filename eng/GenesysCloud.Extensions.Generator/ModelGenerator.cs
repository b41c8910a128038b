using System.Text.Json;

namespace GenesysCloud.Extensions.Generator;

/// <summary>A generated model property.</summary>
internal sealed record ModelProperty(string WireName, string Name, JsonElement Schema, CsType Type, string? EnumTypeName)
{
    /// <summary>
    /// Gets the backing field, which the generated reader and writer use directly: a setter or getter called from
    /// them would be one more method to JIT-compile per property on first use.
    /// </summary>
    public string Field => "_" + char.ToLowerInvariant(Name[0]) + Name[1..];
}

/// <summary>A generated model: the reachable definition it comes from and its properties.</summary>
internal sealed record ModelInfo(string Definition, string Name, IReadOnlyList<ModelProperty> Properties)
{
    public ModelProperty? Property(string wireName) => Properties.FirstOrDefault(p => p.WireName == wireName);
}

/// <summary>
/// Finds the definitions reachable from operations and writes one model class per definition, with
/// forward-compatible enum-like structs nested in the class that uses them.
/// </summary>
internal sealed class ModelGenerator
{
    // Members of System.Object a property must not hide.
    private static readonly string[] ObjectMembers = ["GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private static readonly string[] EnumReservedMembers = ["Value", "Create", "ToString", "Equals", "GetHashCode", "Deconstruct", "EqualityContract", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private readonly SwaggerDocument _document;
    private readonly EnumMemberNaming _enumNaming;

    public ModelGenerator(SwaggerDocument document)
        : this(document, OperationSchemas(document), TypeMap.ModelsNamespace, inherited: null)
    {
    }

    /// <summary>
    /// Models of the definitions reachable from <paramref name="roots"/>, in <paramref name="modelsNamespace"/>; a definition
    /// <paramref name="inherited"/> already generates is referenced (same type), not generated again.
    /// </summary>
    public ModelGenerator(SwaggerDocument document, IEnumerable<JsonElement> roots, string modelsNamespace, ModelGenerator? inherited)
    {
        _document = document;
        _enumNaming = EnumMemberNaming.FromDefinitions(document.Definitions);
        var reachable = FindReachable(document, roots);
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);

        // Case-insensitive, so that no two model files differ only by case (Windows and macOS checkouts).
        var taken = new HashSet<string>(inherited?.Models.Values.Select(static m => m.Name) ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var definition in reachable.Where(d => inherited?.Models.ContainsKey(d) != true))
        {
            names[definition] = Naming.Unique(Naming.Pascal(definition), taken);
        }

        TypeMap = new TypeMap(names, modelsNamespace, inherited?.TypeMap);
        var models = new SortedDictionary<string, ModelInfo>(StringComparer.Ordinal);
        foreach (var (definition, name) in names)
        {
            models[definition] = BuildModel(definition, name, document.Definitions[definition]);
        }

        Models = models;
        Json = new ModelJsonGenerator(imported: !models.Values.Any(m => ModelJsonGenerator.ReservedMembers.Contains(m.Name, StringComparer.Ordinal)));
    }

    /// <summary>Gets the writer of the models' JSON code.</summary>
    public ModelJsonGenerator Json { get; }

    public TypeMap TypeMap { get; }

    /// <summary>Gets the models by definition name (ordinal order).</summary>
    public IReadOnlyDictionary<string, ModelInfo> Models { get; }

    public void Write(IDictionary<string, string> files)
    {
        foreach (var model in Models.Values)
        {
            files[$"Models/{model.Name}.cs"] = WriteModel(model);
        }
    }

    private static IEnumerable<JsonElement> OperationSchemas(SwaggerDocument document)
    {
        foreach (var operation in document.Operations)
        {
            if (operation.ResponseSchema is { } response)
            {
                yield return response;
            }

            foreach (var parameter in operation.Parameters.Where(p => p.In == "body"))
            {
                yield return parameter.Schema;
            }
        }
    }

    private static SortedSet<string> FindReachable(SwaggerDocument document, IEnumerable<JsonElement> roots)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonElement>(roots);
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (schema.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var definition = TypeMap.DefinitionName(schema);
            if (definition is not null)
            {
                if (document.Definitions.TryGetValue(definition, out var target) && found.Add(definition))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var key in new[] { "items", "additionalProperties" })
            {
                if (schema.TryGetProperty(key, out var child))
                {
                    pending.Push(child);
                }
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    pending.Push(property.Value);
                }
            }

            if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in allOf.EnumerateArray())
                {
                    pending.Push(part);
                }
            }
        }

        return found;
    }

    private ModelInfo BuildModel(string definition, string name, JsonElement schema)
    {
        var taken = new HashSet<string>(ModelJsonGenerator.ReservedMembers, StringComparer.Ordinal) { name, "ExtensionData" };
        var raw = new List<(string Wire, string Name, JsonElement Schema)>();
        foreach (var property in Properties(schema))
        {
            var propertyName = Naming.Pascal(property.Name);
            if (propertyName == name || ObjectMembers.Contains(propertyName, StringComparer.Ordinal))
            {
                propertyName += "Value";
            }

            raw.Add((property.Name, Naming.Unique(propertyName, taken), property.Value));
        }

        var properties = new List<ModelProperty>(raw.Count);
        foreach (var (wire, propertyName, propertySchema) in raw)
        {
            string? enumName = null;
            CsType? enumType = null;
            if (TypeMap.HasStringEnum(propertySchema))
            {
                enumName = Naming.Unique(propertyName + "Enum", taken);
                enumType = new CsType($"global::{TypeMap.Namespace}.{name}.{enumName}", true, $"{name}.{enumName}", CsKind.Enum);
            }

            properties.Add(new ModelProperty(wire, propertyName, propertySchema, TypeMap.Map(propertySchema, model: true, enumType), enumName));
        }

        return new ModelInfo(definition, name, properties);
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement schema)
    {
        // allOf parts (not used by Genesys today) contribute their properties too.
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
            {
                foreach (var p in Properties(part))
                {
                    yield return p;
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in properties.EnumerateObject())
            {
                yield return p;
            }
        }
    }

    private string WriteModel(ModelInfo model)
    {
        var w = CodeWriter.File(TypeMap.Namespace, Json.Usings);
        w.Doc("summary", $"The <c>{Naming.Xml(model.Definition)}</c> model of the Genesys Cloud Platform API.");
        w.Line(Json.ConverterAttribute(model));
        w.Open($"public sealed class {model.Name} : {Json.Interface(model)}");
        foreach (var property in model.Properties)
        {
            var description = SwaggerDocument.GetString(property.Schema, "description");
            w.Doc("summary", string.IsNullOrWhiteSpace(description) ? $"Gets or sets <c>{Naming.Xml(property.WireName)}</c>." : Naming.Xml(description));
            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Naming.Literal(property.WireName)})]");
            w.Line($"public {property.Type.Nullable} {property.Name} {{ get => {property.Field}; set => {property.Field} = value; }}");
            w.Line();
        }

        foreach (var property in model.Properties)
        {
            w.Line($"private {property.Type.Nullable} {property.Field};");
        }

        w.Line("private global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? _extensionData;");
        w.Line();

        w.Doc("summary", "Gets or sets the properties this version of the library does not know; they are kept and written back unchanged.");
        w.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
        w.Line("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? ExtensionData { get => _extensionData; set => _extensionData = value; }");
        w.Line();
        Json.WriteMembers(w, model);

        foreach (var property in model.Properties.Where(p => p.EnumTypeName is not null))
        {
            w.Line();
            WriteEnum(w, property.EnumTypeName!, $"{model.Name}.{property.Name}", TypeMap.EnumValues(property.Schema));
        }

        w.Close();
        return w.ToString();
    }

    private void WriteEnum(CodeWriter w, string name, string usedBy, IReadOnlyList<string> values)
    {
        w.Doc("summary", $"The values of <see cref=\"{usedBy}\"/>. Values this version does not list still round-trip.");
        w.Doc("param", "The wire value.", "name=\"Value\"");
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::GenesysCloud.Extensions.Serialization.GenesysCloudEnumConverter<{name}>))]");
        w.Open($"public readonly record struct {name}(string Value) : global::GenesysCloud.Extensions.Serialization.IGenesysCloudEnum<{name}>");
        var taken = new HashSet<string>(EnumReservedMembers, StringComparer.Ordinal) { name };
        foreach (var value in values)
        {
            var member = value.Length == 0 ? "Empty" : _enumNaming.Name(value);
            if (taken.Contains(member) && !member.EndsWith("Value", StringComparison.Ordinal))
            {
                member += "Value";
            }

            member = Naming.Unique(member, taken);
            w.Doc("summary", $"Gets <c>{Naming.Xml(value)}</c>.");
            w.Line($"public static {name} {member} => new({Naming.Literal(value)});");
            w.Line();
        }

        w.Doc("summary", "Creates a value from its wire string.");
        w.Doc("param", "The wire string.", "name=\"value\"");
        w.Doc("returns", "The value.");
        w.Line($"public static {name} Create(string value) => new(value);");
        w.Line();
        w.Doc("summary", "Converts a wire string.");
        w.Doc("param", "The wire string.", "name=\"value\"");
        w.Line($"public static implicit operator {name}(string value) => new(value);");
        w.Line();
        w.Doc("summary", "Returns the wire value.");
        w.Doc("returns", "The wire value.");
        w.Line("public override string ToString() => Value ?? string.Empty;");
        w.Close();
    }
}
