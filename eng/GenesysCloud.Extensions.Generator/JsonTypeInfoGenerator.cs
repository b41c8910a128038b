namespace GenesysCloud.Extensions.Generator;

/// <summary>
/// Writes <c>ApiJsonTypeInfos</c>: one lazily created, converter-based <c>JsonTypeInfo&lt;T&gt;</c> per response
/// type, which the generated methods pass to <c>GenesysCloudApiInvoker</c> (the way System.Text.Json source
/// generation does, so typed calls need no reflection). Models use their <c>GenesysCloudModelConverter&lt;T&gt;</c>,
/// strings, numbers and free-form JSON System.Text.Json's built-in converters, and lists and dictionaries a
/// converter generated here with the same reading and writing code as model properties.
/// </summary>
internal static class JsonTypeInfoGenerator
{
    public const string ClassName = "ApiJsonTypeInfos";
    public const string Qualified = "global::GenesysCloud.Extensions.Api." + ClassName;
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    /// <summary>Names a member for each response type (ordinal order of the C# type names, so names are stable).</summary>
    public static IReadOnlyDictionary<CsType, string> Members(IEnumerable<CsType> responseTypes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var members = new Dictionary<CsType, string>();
        foreach (var type in responseTypes.Distinct().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            members[type] = Naming.Unique(MemberName(type), taken);
        }

        return members;
    }

    public static string Write(IReadOnlyDictionary<CsType, string> members, ModelJsonGenerator json)
    {
        var w = CodeWriter.File("GenesysCloud.Extensions.Api", members.Keys.Any(t => BuiltIn(t) is null) ? json.Usings : null);
        w.Doc("summary", "The JSON metadata of every response type, created on first use; converter-based, so no call needs reflection.");
        w.Open($"internal static class {ClassName}");
        var first = true;
        foreach (var (type, member) in members.OrderBy(m => m.Value, StringComparer.Ordinal))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var info = $"{Metadata}.JsonTypeInfo<{type.Name}>";
            var field = "_" + char.ToLowerInvariant(member[0]) + member[1..];
            w.Line($"private static {info}? {field};");
            w.Line();
            w.Doc("summary", $"Gets the metadata of <c>{Naming.Xml(type.Display)}</c>.");
            w.Line($"internal static {info} {member} => {field} ??= global::GenesysCloud.Extensions.Serialization.GenesysCloudJsonTypeInfo.Create<{type.Name}>({Converter(type, member)}{(type.Kind == CsKind.String ? "!" : string.Empty)});");
        }

        foreach (var (type, member) in members.Where(m => BuiltIn(m.Key) is null).OrderBy(m => m.Value, StringComparer.Ordinal))
        {
            w.Line();
            WriteConverter(w, type, member, json);
        }

        w.Close();
        return w.ToString();
    }

    private static string Converter(CsType type, string member) =>
        BuiltIn(type) is { } builtIn ? builtIn : $"new {member}Converter()";

    private static string? BuiltIn(CsType type) => type.Kind switch
    {
        CsKind.Model or CsKind.ImportedModel => $"new global::GenesysCloud.Extensions.Serialization.GenesysCloudModelConverter<{type.Name}>()",
        CsKind.String => $"{Metadata}.JsonMetadataServices.StringConverter",
        CsKind.Long => $"{Metadata}.JsonMetadataServices.Int64Converter",
        CsKind.Int => $"{Metadata}.JsonMetadataServices.Int32Converter",
        CsKind.Double => $"{Metadata}.JsonMetadataServices.DoubleConverter",
        CsKind.Bool => $"{Metadata}.JsonMetadataServices.BooleanConverter",
        CsKind.DateTime => $"{Metadata}.JsonMetadataServices.DateTimeOffsetConverter",
        CsKind.Json => $"{Metadata}.JsonMetadataServices.JsonElementConverter",
        _ => null,
    };

    private static string MemberName(CsType type) => type.Kind switch
    {
        CsKind.Model or CsKind.ImportedModel => type.Display,
        CsKind.List or CsKind.Sequence => "ListOf" + MemberName(type.Item!),
        CsKind.Dictionary => "DictionaryOf" + MemberName(type.Item!),
        CsKind.String => "String",
        CsKind.Long => "Int64",
        CsKind.Int => "Int32",
        CsKind.Double => "Double",
        CsKind.Bool => "Boolean",
        CsKind.DateTime => "DateTimeOffset",
        CsKind.Json => "JsonElement",
        _ => type.Display.Replace(".", string.Empty, StringComparison.Ordinal),
    };

    private static void WriteConverter(CodeWriter w, CsType type, string member, ModelJsonGenerator json)
    {
        var counter = new ModelJsonGenerator.Counter();
        w.Doc("summary", $"Reads and writes <c>{Naming.Xml(type.Display)}</c> like a model property of that type.");
        w.Open($"private sealed class {member}Converter : global::System.Text.Json.Serialization.JsonConverter<{type.Name}>");
        w.Open($"public override {type.Nullable} Read(ref {json.ReaderType} reader, global::System.Type typeToConvert, {json.OptionsType} options)");
        w.Line("global::System.ReadOnlySpan<byte> name = default;");
        w.Line($"{type.Nullable} value;");
        json.Read(w, type, "value", nullable: true, counter);
        w.Line("return value;");
        w.Close();
        w.Line();
        w.Open($"public override void Write({json.WriterType} writer, {type.Name} value, {json.OptionsType} options)");
        json.WriteValue(w, type, "value", mayBeNull: false, counter);
        w.Close();
        w.Close();
    }
}
