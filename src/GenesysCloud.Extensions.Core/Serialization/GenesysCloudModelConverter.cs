using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// The System.Text.Json converter of every generated model: it calls the model's generated reader and writer, so
/// no reflection, no Reflection.Emit accessor and no value-type generic instantiation of System.Text.Json is needed
/// to read or write a model.
/// </summary>
/// <typeparam name="T">The model. A reference type, so the converter's code is shared by all models.</typeparam>
/// <remarks>Applied to every generated model by <see cref="JsonConverterAttribute"/>; for generated code.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GenesysCloudModelConverter<T> : JsonConverter<T>, IGenesysCloudTypeInfoSource
    where T : class, IGenesysCloudModel<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.ReadJson(ref reader, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        T.WriteJson(writer, value, options);
    }

    /// <inheritdoc/>
    JsonTypeInfo IGenesysCloudTypeInfoSource.CreateTypeInfo(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<T>(options, this);
}
