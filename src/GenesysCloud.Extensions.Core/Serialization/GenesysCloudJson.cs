using System.Text.Json;
using System.Text.Json.Serialization;

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
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
