using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// The System.Text.Json settings used for every request and response body.
/// </summary>
public static class GenesysCloudJson
{
    /// <summary>
    /// Gets the shared, read-only serializer options: web defaults (camelCase, case-insensitive reads),
    /// nulls omitted on write, numbers readable from strings, unknown properties tolerated.
    /// </summary>
    /// <remarks>
    /// The generated models read and write themselves (<see cref="GenesysCloudModelConverter{T}"/>), also in trimmed
    /// and Native AOT applications. Other types (your own, or collections passed as request bodies) are handled by
    /// reflection, which those applications turn off.
    /// </remarks>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = false,
            TypeInfoResolver = CreateResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    // Reflection is off by default in trimmed and Native AOT applications (the SDK sets the feature switch, and the
    // trimmer then removes this branch); models and the core's own types never need it.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Used only when reflection-based serialization is enabled.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Used only when reflection-based serialization is enabled.")]
    private static IJsonTypeInfoResolver CreateResolver() =>
        JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(GenesysCloudModelTypeInfoResolver.Instance, GenesysCloudCoreJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : JsonTypeInfoResolver.Combine(GenesysCloudModelTypeInfoResolver.Instance, GenesysCloudCoreJsonContext.Default);
}
