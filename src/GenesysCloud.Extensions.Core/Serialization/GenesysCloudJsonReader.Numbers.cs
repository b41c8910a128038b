using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenesysCloud.Extensions.Serialization;

/// <content>The number steps: integers and doubles, from numbers or, when the options allow it, from strings.</content>
public static partial class GenesysCloudJsonReader
{
    /// <summary>Reads an integer or <c>null</c>; a string holding one when the options allow it.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static long? ReadNullableInt64(ref Utf8JsonReader reader, JsonSerializerOptions options, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader, options, name);

    /// <summary>Reads an integer; a string holding one when the options allow it.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader, JsonSerializerOptions options, scoped ReadOnlySpan<byte> name)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var value) ? value : throw Mismatch(ref reader, name, "an Int64");
        }

        if (reader.TokenType == JsonTokenType.String && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0)
        {
            var text = Unescape(ref reader);
            return Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length
                ? value
                : throw Mismatch(ref reader, name, "an Int64");
        }

        throw Mismatch(ref reader, name, "a number");
    }

    /// <summary>Reads a number or <c>null</c>; a string holding one when the options allow it.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static double? ReadNullableDouble(ref Utf8JsonReader reader, JsonSerializerOptions options, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDouble(ref reader, options, name);

    /// <summary>
    /// Reads a number; a string holding one (or <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>) when the options
    /// allow it.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader, JsonSerializerOptions options, scoped ReadOnlySpan<byte> name)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var value) ? value : throw Mismatch(ref reader, name, "a Double");
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = Unescape(ref reader);
            if ((options.NumberHandling & (JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)) != 0)
            {
                if (text.SequenceEqual("NaN"u8))
                {
                    return double.NaN;
                }

                if (text.SequenceEqual("Infinity"u8))
                {
                    return double.PositiveInfinity;
                }

                if (text.SequenceEqual("-Infinity"u8))
                {
                    return double.NegativeInfinity;
                }
            }

            if ((options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0
                && Utf8Parser.TryParse(text, out double parsed, out var consumed) && consumed == text.Length && double.IsFinite(parsed))
            {
                return parsed;
            }

            throw Mismatch(ref reader, name, "a Double");
        }

        throw Mismatch(ref reader, name, "a number");
    }
}
