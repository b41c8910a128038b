using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// Creates the converter-based <see cref="JsonTypeInfo{T}"/> the generated API methods pass to
/// <see cref="Api.GenesysCloudApiInvoker"/>, the way System.Text.Json source generation does: no reflection, so
/// typed calls work in trimmed and Native AOT applications. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenesysCloudJsonTypeInfo
{
    /// <summary>Creates the metadata of <typeparamref name="T"/>, read and written by <paramref name="converter"/> with <see cref="GenesysCloudJson.Options"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="converter">
    /// The converter: a <see cref="GenesysCloudModelConverter{T}"/>, a generated one, or one of
    /// <see cref="JsonMetadataServices"/>' built-in converters (<see cref="JsonMetadataServices.StringConverter"/>, ...).
    /// </param>
    /// <returns>The metadata; cache it.</returns>
    public static JsonTypeInfo<T> Create<T>(JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return JsonMetadataServices.CreateValueInfo<T>(GenesysCloudJson.Options, converter);
    }
}
