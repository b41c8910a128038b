using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// Resolves the metadata of every generated model from its <see cref="JsonConverterAttribute"/> (a
/// <see cref="GenesysCloudModelConverter{T}"/>) without looking at its members, so <see cref="GenesysCloudJson.Options"/>
/// reads and writes models in trimmed and Native AOT applications too, where reflection-based serialization is off.
/// </summary>
internal sealed class GenesysCloudModelTypeInfoResolver : IJsonTypeInfoResolver
{
    public static GenesysCloudModelTypeInfoResolver Instance { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        // Models are sealed classes; the attribute's converter type keeps its constructor through trimming.
        if (!type.IsClass || !type.IsSealed
            || type.GetCustomAttribute<JsonConverterAttribute>(inherit: false)?.ConverterType is not { } converterType
            || !typeof(IGenesysCloudTypeInfoSource).IsAssignableFrom(converterType))
        {
            return null;
        }

        var source = (IGenesysCloudTypeInfoSource)Activator.CreateInstance(converterType)!;
        return source.CreateTypeInfo(options);
    }
}
