using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// The reading steps of the generated model readers. Each reads what reflection-based System.Text.Json reads with
/// the same options (<see cref="JsonSerializerOptions.PropertyNameCaseInsensitive"/>,
/// <see cref="JsonNumberHandling.AllowReadingFromString"/>) and throws <see cref="JsonException"/>, naming the
/// property, for a token of the wrong type. For generated code.
/// </summary>
/// <remarks>
/// Value steps expect the reader on the value's first token and leave it on its last token. <c>name</c> is the
/// property being read (UTF-8, unescaped), used only in error messages.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class GenesysCloudJsonReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="model">The model's name, for the error message.</param>
    /// <exception cref="JsonException">The value is not an object.</exception>
    public static void StartObject(ref Utf8JsonReader reader, string model)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Cannot read {model}: expected an object, got {Describe(ref reader)}.");
        }
    }

    /// <summary>Checks that the reader is on the start of an array.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <exception cref="JsonException">The value is not an array.</exception>
    public static void StartArray(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch(ref reader, name, "an array");
        }
    }

    /// <summary>Checks that the reader is on the start of an object read as a dictionary.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <exception cref="JsonException">The value is not an object.</exception>
    public static void StartDictionary(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch(ref reader, name, "an object");
        }
    }

    /// <summary>Gets whether the reader is on a <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether the token is <see cref="JsonTokenType.Null"/>.</returns>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Moves to the next property of an object and on to its value.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <param name="name">The property's name, UTF-8 and unescaped.</param>
    /// <returns><see langword="false"/> at the end of the object.</returns>
    public static bool NextProperty(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = default;
            return false;
        }

        name = reader.HasValueSequence || reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan;
        Read(ref reader);
        return true;
    }

    /// <summary>Moves to the next key of an object read as a dictionary and on to its value.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <param name="key">The key.</param>
    /// <returns><see langword="false"/> at the end of the object.</returns>
    public static bool NextKey(ref Utf8JsonReader reader, out string key)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            key = string.Empty;
            return false;
        }

        key = reader.GetString()!;
        Read(ref reader);
        return true;
    }

    /// <summary>Moves to the next item of an array.</summary>
    /// <param name="reader">The reader, inside an array.</param>
    /// <returns><see langword="false"/> at the end of the array.</returns>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Compares a property name with a model's wire name.</summary>
    /// <param name="name">The name read.</param>
    /// <param name="expected">The wire name (ASCII).</param>
    /// <param name="ignoreCase">Whether ASCII case is ignored.</param>
    /// <returns>Whether they match.</returns>
    public static bool NameEquals(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected, bool ignoreCase) =>
        ignoreCase ? Ascii.EqualsIgnoreCase(name, expected) : name.SequenceEqual(expected);

    /// <summary>
    /// Prepares a name for the case-insensitive match: an ASCII name as is; a non-ASCII one upper-cased, the way
    /// <see cref="StringComparer.OrdinalIgnoreCase"/> (System.Text.Json's comparer) sees it, when that makes it ASCII.
    /// </summary>
    /// <param name="name">The name read.</param>
    /// <returns>The name to match ignoring ASCII case.</returns>
    public static ReadOnlySpan<byte> CaseInsensitiveName(ReadOnlySpan<byte> name)
    {
        if (Ascii.IsValid(name))
        {
            return name;
        }

        var upper = Encoding.UTF8.GetString(name).ToUpperInvariant();
        return Ascii.IsValid(upper) ? Encoding.ASCII.GetBytes(upper) : name;
    }

    /// <summary>Reads a string or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public static string? ReadString(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Mismatch(ref reader, name, "a string"),
        };

    /// <summary>Reads an enum-like value's wire text, as <see cref="GenesysCloudEnumConverter{T}"/> does.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <returns>The text (a number or boolean keeps its JSON text), or <see langword="null"/> for <c>null</c>.</returns>
    public static string? ReadEnum(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),

            // Tolerate a number or boolean where the spec promised a string: keep its JSON text.
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw Mismatch(ref reader, name, "a string"),
        };

    /// <summary>Reads <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader, name);

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Mismatch(ref reader, name, "a boolean"),
        };

    /// <summary>Reads an ISO 8601 date and time or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static DateTimeOffset? ReadNullableDateTimeOffset(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader, name);

    /// <summary>Reads an ISO 8601 date and time.</summary>
    /// <remarks>
    /// Besides the extended forms System.Text.Json reads, an offset without a colon (<c>+0000</c>, <c>-0530</c>, which
    /// Genesys sends) and an hour-only offset (<c>+05</c>) are read. A value without an offset (or a date alone) is
    /// UTC, never the machine's local time zone.
    /// </remarks>
    /// <param name="reader">The reader.</param>
    /// <param name="name">The property.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mismatch(ref reader, name, "an ISO 8601 date and time string");
        }

        return Iso8601DateTime.TryParse(Unescape(ref reader), out var value) ? value : throw Mismatch(ref reader, name, "an ISO 8601 date and time");
    }


    /// <summary>Reads any JSON value; <c>null</c> reads as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static JsonElement? ReadNullableJsonElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>Reads a model of another assembly through its public reader (the notification events' API models).</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="reader">The reader, on the object's first token (not <c>null</c>).</param>
    /// <param name="options">The options of the call.</param>
    /// <returns>The model.</returns>
    public static T ReadModel<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class, IGenesysCloudModel<T> => T.ReadJson(ref reader, options);

    /// <summary>Keeps a property the model does not declare, to be written back unchanged.</summary>
    /// <param name="reader">The reader, on the property's value.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="data">The model's extension data so far, if any.</param>
    /// <returns>The extension data, with the property.</returns>
    public static IDictionary<string, JsonElement> ReadExtensionData(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, IDictionary<string, JsonElement>? data)
    {
        string key;
        try
        {
            key = StrictUtf8.GetString(name);
        }
        catch (DecoderFallbackException ex)
        {
            throw new JsonException("A property name is not valid UTF-8.", ex);
        }

        data ??= new Dictionary<string, JsonElement>();
        data[key] = JsonElement.ParseValue(ref reader);
        return data;
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        // System.Text.Json hands a converter the whole value, so only a truncated document ends early.
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended before the value did.");
        }
    }

    private static ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    private static JsonException Mismatch(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name, string expected)
    {
        var property = name.IsEmpty ? "the value" : $"property '{Encoding.UTF8.GetString(name)}'";
        return new JsonException($"Cannot read {property}: expected {expected}, got {Describe(ref reader)}.");
    }

    // The token type and position only: a value from a response may be personal data or a secret.
    private static string Describe(ref Utf8JsonReader reader) => $"{reader.TokenType} at byte {reader.TokenStartIndex}";
}
