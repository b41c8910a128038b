using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GenesysCloud.Extensions.Serialization;

namespace GenesysCloud.Extensions.Generator.Tests;

/// <summary>
/// Plain reflection-based System.Text.Json for the generated models, as it was before they read and wrote
/// themselves: the model's <see cref="JsonConverterAttribute"/> is ignored and its public properties are described
/// by reflection (<see cref="JsonPropertyNameAttribute"/>, <see cref="JsonExtensionDataAttribute"/>), everything else
/// (enum-likes, nullables, lists, dictionaries) by the default resolver. The reference the generated code is
/// compared with.
/// </summary>
internal sealed class ReflectionModelResolver : DefaultJsonTypeInfoResolver
{
    public static JsonSerializerOptions CreateOptions(JsonIgnoreCondition ignoreCondition = JsonIgnoreCondition.WhenWritingNull)
    {
        var options = new JsonSerializerOptions(GenesysCloudJson.Options)
        {
            DefaultIgnoreCondition = ignoreCondition,
            TypeInfoResolver = new ReflectionModelResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    public static bool IsModel(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IGenesysCloudModel<>));

    public override JsonTypeInfo GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (!IsModel(type))
        {
            return base.GetTypeInfo(type, options);
        }

        // CreateJsonTypeInfo resolves the converter without the type's [JsonConverter]: an object contract.
        var info = JsonTypeInfo.CreateJsonTypeInfo(type, options);
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        info.CreateObject = () => Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            var json = info.CreateJsonPropertyInfo(property.PropertyType, name);
            json.Get = property.GetValue;
            json.Set = property.SetValue;
            json.IsExtensionData = property.IsDefined(typeof(JsonExtensionDataAttribute));
            info.Properties.Add(json);
        }

        return info;
    }
}
