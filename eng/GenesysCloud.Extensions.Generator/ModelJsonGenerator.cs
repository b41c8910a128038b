namespace GenesysCloud.Extensions.Generator;

/// <summary>
/// Writes the reflection-free JSON reader and writer of every model: one <c>ReadJson</c> (property names matched
/// on the UTF-8 bytes, by length then bytes, with a case-insensitive second pass) and one <c>WriteJson</c> per
/// model, called by <c>GenesysCloudModelConverter&lt;T&gt;</c>. Nested models are called directly; lists,
/// dictionaries, enum-likes and free-form JSON are read and written inline, so no value-type generic of
/// System.Text.Json is instantiated (see docs/decisions/0002-cold-start.md).
/// </summary>
internal sealed class ModelJsonGenerator
{
    public const string ReaderClass = "global::GenesysCloud.Extensions.Serialization.GenesysCloudJsonReader";
    public const string WriterClass = "global::GenesysCloud.Extensions.Serialization.GenesysCloudJsonWriter";

    /// <summary>
    /// The static methods of the reader and writer classes, which model files import with <c>using static</c>
    /// (a third of the source size of full names): no property may take these names, and if a model does, the
    /// calls are qualified.
    /// </summary>
    public static readonly string[] HelperMethods =
    [
        "CaseInsensitiveName", "IsNull", "NameEquals", "NextItem", "NextKey", "NextProperty", "ReadBoolean", "ReadDateTimeOffset",
        "ReadDouble", "ReadEnum", "ReadExtensionData", "ReadInt64", "ReadModel", "ReadNullableBoolean", "ReadNullableDateTimeOffset",
        "ReadNullableDouble", "ReadNullableInt64", "ReadNullableJsonElement", "ReadString", "StartArray", "StartDictionary",
        "StartObject", "WriteBoolean", "WriteDateTimeOffset", "WriteDouble", "WriteExtensionData", "WriteInt64",
        "WriteJsonElement", "WriteKey", "WriteModel", "WriteString", "WritesNulls",
    ];

    /// <summary>The types the JSON code names without qualification when the namespaces are imported.</summary>
    public static readonly string[] ImportedTypes = ["GenesysCloudModelConverter", "IGenesysCloudModel", "JsonSerializerOptions", "Utf8JsonReader", "Utf8JsonWriter"];

    /// <summary>The members the JSON code adds to a model, and the imported names: no property may take these names.</summary>
    public static readonly string[] ReservedMembers = ["ReadJson", "WriteJson", "MatchJsonProperty", .. HelperMethods, .. ImportedTypes];

    private readonly string _reader;
    private readonly string _writer;
    private readonly string _serialization;

    /// <summary>Initializes a new instance of the <see cref="ModelJsonGenerator"/> class.</summary>
    /// <param name="imported">
    /// Whether the helpers and <see cref="ImportedTypes"/> are imported (<c>using static</c>, <c>using</c>): no model
    /// is named like one of them.
    /// </param>
    public ModelJsonGenerator(bool imported)
    {
        Usings = imported
            ? ["using GenesysCloud.Extensions.Serialization;", "using System.Text.Json;", $"using static {ReaderClass};", $"using static {WriterClass};"]
            : [];
        _reader = imported ? string.Empty : ReaderClass + ".";
        _writer = imported ? string.Empty : WriterClass + ".";
        _serialization = imported ? string.Empty : "global::GenesysCloud.Extensions.Serialization.";
        var json = imported ? string.Empty : "global::System.Text.Json.";
        ReaderType = json + "Utf8JsonReader";
        WriterType = json + "Utf8JsonWriter";
        OptionsType = json + "JsonSerializerOptions";
    }

    public string ReaderType { get; }

    public string WriterType { get; }

    public string OptionsType { get; }

    /// <summary>Gets the <c>using static</c> directives the files with JSON code start with (none when calls are qualified).</summary>
    public IReadOnlyList<string> Usings { get; }

    /// <summary>The attribute and interface a model class carries.</summary>
    public string ConverterAttribute(ModelInfo model) =>
        $"[global::System.Text.Json.Serialization.JsonConverter(typeof({_serialization}GenesysCloudModelConverter<{model.Name}>))]";

    public string Interface(ModelInfo model) => $"{_serialization}IGenesysCloudModel<{model.Name}>";

    /// <summary>Writes the interface implementation, the reader, the writer and the name matcher.</summary>
    public void WriteMembers(CodeWriter w, ModelInfo model)
    {
        var self = model.Name;
        var counter = new Counter();
        w.Line($"static {self} {Interface(model)}.ReadJson(ref {ReaderType} reader, {OptionsType} options) => ReadJson(ref reader, options);");
        w.Line();
        w.Line($"static void {Interface(model)}.WriteJson({WriterType} writer, {self} value, {OptionsType} options) => WriteJson(writer, value, options);");
        w.Line();

        w.Open($"internal static {self} ReadJson(ref {ReaderType} reader, {OptionsType} options)");
        w.Line($"{_reader}StartObject(ref reader, {Naming.Literal(model.Name)});");
        w.Line($"var value = new {self}();");
        w.Open($"while ({_reader}NextProperty(ref reader, out var name))");
        if (model.Properties.Count == 0)
        {
            w.Line($"value._extensionData = {_reader}ReadExtensionData(ref reader, name, value._extensionData);");
        }
        else
        {
            w.Line("var index = MatchJsonProperty(name, false);");
            w.Open("if (index < 0 && options.PropertyNameCaseInsensitive)");
            w.Line($"index = MatchJsonProperty({_reader}CaseInsensitiveName(name), true);");
            w.Close();
            w.Line();
            w.Open("switch (index)");
            for (var i = 0; i < model.Properties.Count; i++)
            {
                var property = model.Properties[i];
                w.Line($"case {i}:");
                w.Indent();
                Read(w, property.Type, $"value.{property.Field}", nullable: true, counter);
                w.Line("break;");
                w.Outdent();
            }

            w.Line("default:");
            w.Indent();
            w.Line($"value._extensionData = {_reader}ReadExtensionData(ref reader, name, value._extensionData);");
            w.Line("break;");
            w.Outdent();
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("return value;");
        w.Close();
        w.Line();

        w.Open($"internal static void WriteJson({WriterType} writer, {self} value, {OptionsType} options)");
        if (model.Properties.Count > 0)
        {
            w.Line($"var nulls = {_writer}WritesNulls(options);");
        }

        w.Line("writer.WriteStartObject();");
        foreach (var property in model.Properties)
        {
            WriteProperty(w, property.Type, $"value.{property.Field}", Naming.Literal(property.WireName) + "u8", counter);
        }

        w.Line($"{_writer}WriteExtensionData(writer, value._extensionData);");
        w.Line("writer.WriteEndObject();");
        w.Close();

        if (model.Properties.Count > 0)
        {
            w.Line();
            WriteMatcher(w, model);
        }
    }

    // Wire names are ASCII in the spec; the matcher compares their UTF-8 bytes, grouped by length.
    private void WriteMatcher(CodeWriter w, ModelInfo model)
    {
        w.Open("private static int MatchJsonProperty(global::System.ReadOnlySpan<byte> name, bool ignoreCase)");
        w.Open("switch (name.Length)");
        var byLength = model.Properties
            .Select((p, index) => (Bytes: System.Text.Encoding.UTF8.GetByteCount(p.WireName), p.WireName, Index: index))
            .GroupBy(p => p.Bytes)
            .OrderBy(g => g.Key);
        foreach (var group in byLength)
        {
            var tests = group.Select(p => $"{_reader}NameEquals(name, {Naming.Literal(p.WireName)}u8, ignoreCase) ? {p.Index}");
            w.Line($"case {group.Key}:");
            w.Indent();
            w.Line($"return {string.Join(" : ", tests)} : -1;");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("return -1;");
        w.Outdent();
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Writes statements that read the value the reader is on into <paramref name="target"/>. <paramref name="nullable"/>:
    /// the target is a nullable property (JSON <c>null</c> reads as <see langword="null"/>); otherwise a list item or
    /// dictionary value, read as System.Text.Json reads them (<see langword="null"/> for reference types,
    /// <c>default</c> for enum-likes, an error for numbers).
    /// </summary>
    public void Read(CodeWriter w, CsType type, string target, bool nullable, Counter counter)
    {
        if (Expression(type, nullable, counter) is { } expression)
        {
            w.Line($"{target} = {expression};");
            return;
        }

        var item = type.Item!;
        var n = counter.Next();
        w.Open($"if ({_reader}IsNull(ref reader))");
        w.Line($"{target} = null{(nullable ? string.Empty : "!")};");
        w.Close();
        w.Open("else");
        var list = type.Kind == CsKind.List;
        var collection = list ? $"list{n}" : $"dictionary{n}";
        w.Line(list ? $"{_reader}StartArray(ref reader, name);" : $"{_reader}StartDictionary(ref reader, name);");
        w.Line(list
            ? $"var {collection} = new global::System.Collections.Generic.List<{item.Name}>();"
            : $"var {collection} = new global::System.Collections.Generic.Dictionary<string, {item.Name}>();");
        w.Open(list ? $"while ({_reader}NextItem(ref reader))" : $"while ({_reader}NextKey(ref reader, out var key{n}))");
        var add = list ? $"{collection}.Add({{0}});" : $"{collection}[key{n}] = {{0}};";
        if (Expression(item, nullable: false, counter) is { } itemExpression)
        {
            w.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, add, itemExpression));
        }
        else
        {
            w.Line($"{item.Name} item{n};");
            Read(w, item, $"item{n}", nullable: false, counter);
            w.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, add, $"item{n}"));
        }

        w.Close();
        w.Line();
        w.Line($"{target} = {collection};");
        w.Close();
    }

    private string? Expression(CsType type, bool nullable, Counter counter) =>
        type.Kind switch
        {
            CsKind.String => $"{_reader}ReadString(ref reader, name){(nullable ? string.Empty : "!")}",
            CsKind.Long or CsKind.Int => nullable
                ? $"{_reader}ReadNullableInt64(ref reader, options, name)"
                : $"{_reader}ReadInt64(ref reader, options, name)",
            CsKind.Double => nullable
                ? $"{_reader}ReadNullableDouble(ref reader, options, name)"
                : $"{_reader}ReadDouble(ref reader, options, name)",
            CsKind.Bool => nullable
                ? $"{_reader}ReadNullableBoolean(ref reader, name)"
                : $"{_reader}ReadBoolean(ref reader, name)",
            CsKind.DateTime => nullable
                ? $"{_reader}ReadNullableDateTimeOffset(ref reader, name)"
                : $"{_reader}ReadDateTimeOffset(ref reader, name)",
            CsKind.Json => nullable
                ? $"{_reader}ReadNullableJsonElement(ref reader)"
                : "global::System.Text.Json.JsonElement.ParseValue(ref reader)",
            CsKind.Enum => EnumExpression(type, nullable, counter.Next()),
            CsKind.Model => $"{_reader}IsNull(ref reader) ? null{(nullable ? string.Empty : "!")} : {type.Name}.ReadJson(ref reader, options)",
            CsKind.ImportedModel => $"{_reader}IsNull(ref reader) ? null{(nullable ? string.Empty : "!")} : {_reader}ReadModel<{type.Name}>(ref reader, options)",
            _ => null,
        };

    private string EnumExpression(CsType type, bool nullable, int n) =>
        // (E?)null, not null: the enum-likes convert implicitly from string, so a bare null would become one.
        $"{_reader}ReadEnum(ref reader, name) is {{ }} text{n} ? new {type.Name}(text{n}) : {(nullable ? $"({type.Name}?)null" : "default")}";

    /// <summary>Writes statements that write a nullable property: skipped, or <c>null</c> when the options say so, without a value.</summary>
    public void WriteProperty(CodeWriter w, CsType type, string value, string wireName, Counter counter)
    {
        var helper = type.Kind switch
        {
            CsKind.String => "WriteString",
            CsKind.Long or CsKind.Int => "WriteInt64",
            CsKind.Double => "WriteDouble",
            CsKind.Bool => "WriteBoolean",
            CsKind.DateTime => "WriteDateTimeOffset",
            CsKind.Json => "WriteJsonElement",
            CsKind.Enum => "WriteString",
            _ => null,
        };
        if (helper is not null)
        {
            var argument = type.Kind == CsKind.Enum ? $"{value}?.ToString()" : value;
            w.Line($"{_writer}{helper}(writer, {wireName}, {argument}, nulls);");
            return;
        }

        var n = counter.Next();
        w.Open($"if ({value} is {{ }} property{n})");
        w.Line($"writer.WritePropertyName({wireName});");
        WriteValue(w, type, $"property{n}", mayBeNull: false, counter);
        w.Close();
        w.Open("else if (nulls)");
        w.Line($"writer.WriteNull({wireName});");
        w.Close();
        w.Line();
    }

    /// <summary>Writes statements that write <paramref name="value"/> (a local) as a JSON value.</summary>
    public void WriteValue(CodeWriter w, CsType type, string value, bool mayBeNull, Counter counter)
    {
        switch (type.Kind)
        {
            case CsKind.String or CsKind.DateTime:
                w.Line($"writer.WriteStringValue({value});");
                return;
            case CsKind.Long or CsKind.Int or CsKind.Double:
                w.Line($"writer.WriteNumberValue({value});");
                return;
            case CsKind.Bool:
                w.Line($"writer.WriteBooleanValue({value});");
                return;
            case CsKind.Json:
                w.Line($"{value}.WriteTo(writer);");
                return;
            case CsKind.Enum:
                w.Line($"writer.WriteStringValue({value}.ToString());");
                return;
        }

        if (mayBeNull)
        {
            w.Open($"if ({value} is null)");
            w.Line("writer.WriteNullValue();");
            w.Close();
            w.Open("else");
        }

        var item = type.Item;
        var n = counter.Next();
        switch (type.Kind)
        {
            case CsKind.Model:
                w.Line($"{type.Name}.WriteJson(writer, {value}, options);");
                break;
            case CsKind.ImportedModel:
                w.Line($"{_writer}WriteModel(writer, {value}, options);");
                break;
            case CsKind.List:
                w.Line("writer.WriteStartArray();");
                w.Open($"for (var i{n} = 0; i{n} < {value}.Count; i{n}++)");
                w.Line($"var item{n} = {value}[i{n}];");
                WriteValue(w, item!, $"item{n}", !item!.IsValueType, counter);
                w.Close();
                w.Line();
                w.Line("writer.WriteEndArray();");
                break;
            default:
                w.Line("writer.WriteStartObject();");
                w.Open($"foreach (var pair{n} in {value})");
                w.Line($"{_writer}WriteKey(writer, pair{n}.Key, options);");
                w.Line($"var item{n} = pair{n}.Value;");
                WriteValue(w, item!, $"item{n}", !item!.IsValueType, counter);
                w.Close();
                w.Line();
                w.Line("writer.WriteEndObject();");
                break;
        }

        if (mayBeNull)
        {
            w.Close();
        }
    }

    /// <summary>Numbers the locals of one generated method, so nested reads never reuse a name.</summary>
    internal sealed class Counter
    {
        private int _next;

        public int Next() => ++_next;
    }
}
