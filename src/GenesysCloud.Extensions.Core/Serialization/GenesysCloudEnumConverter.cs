using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// Reads and writes an <see cref="IGenesysCloudEnum{TSelf}"/> as its wire string. It never throws on a value it
/// does not know: the value is kept as is and written back unchanged.
/// </summary>
/// <typeparam name="T">The enum-like struct.</typeparam>
public sealed class GenesysCloudEnumConverter<T> : JsonConverter<T>
    where T : struct, IGenesysCloudEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => T.Create(reader.GetString()!),

            // Tolerate a number or boolean where the spec promised a string: keep its JSON text.
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                T.Create(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)),
            // A null where a value was expected (inside an array, say) reads as the default instead of failing the response.
            JsonTokenType.Null => default,
            _ => throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}."),
        };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value ?? string.Empty);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.Create(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value ?? string.Empty);
    }
}
