using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>A converter that can describe its type without reflection (see <see cref="GenesysCloudModelTypeInfoResolver"/>).</summary>
internal interface IGenesysCloudTypeInfoSource
{
    /// <summary>Creates the converter-based metadata of its type for <paramref name="options"/>.</summary>
    /// <param name="options">The options the metadata belongs to.</param>
    /// <returns>The metadata.</returns>
    JsonTypeInfo CreateTypeInfo(JsonSerializerOptions options);
}
