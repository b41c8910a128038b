using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenesysCloud.Extensions.Serialization;

/// <summary>
/// The writing steps of the generated model writers: a property is written when it has a value, and as
/// <c>null</c> only when <see cref="JsonSerializerOptions.DefaultIgnoreCondition"/> is
/// <see cref="JsonIgnoreCondition.Never"/> (what reflection-based System.Text.Json writes). For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GenesysCloudJsonWriter
{
    /// <summary>Gets whether properties without a value are written as <c>null</c>.</summary>
    /// <param name="options">The options.</param>
    /// <returns><see langword="true"/> when <see cref="JsonSerializerOptions.DefaultIgnoreCondition"/> is <see cref="JsonIgnoreCondition.Never"/>.</returns>
    public static bool WritesNulls(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DefaultIgnoreCondition == JsonIgnoreCondition.Never;
    }

    /// <summary>Writes a string property (also an enum-like value's wire text).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <param name="nulls">Whether a <see langword="null"/> is written.</param>
    public static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value, bool nulls)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (nulls)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an integer property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <param name="nulls">Whether a <see langword="null"/> is written.</param>
    public static void WriteInt64(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value, bool nulls)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else if (nulls)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <param name="nulls">Whether a <see langword="null"/> is written.</param>
    public static void WriteDouble(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value, bool nulls)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else if (nulls)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a boolean property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <param name="nulls">Whether a <see langword="null"/> is written.</param>
    public static void WriteBoolean(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value, bool nulls)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
        else if (nulls)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an ISO 8601 date and time property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <param name="nulls">Whether a <see langword="null"/> is written.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value, bool nulls)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } instant)
        {
            writer.WriteString(name, instant);
        }
        else if (nulls)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a free-form JSON property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <param name="nulls">Whether a <see langword="null"/> is written.</param>
    public static void WriteJsonElement(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement? value, bool nulls)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
        else if (nulls)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a dictionary key, converted by <see cref="JsonSerializerOptions.DictionaryKeyPolicy"/> when there is one.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="key">The key.</param>
    /// <param name="options">The options.</param>
    public static void WriteKey(Utf8JsonWriter writer, string key, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(key) ?? key);
    }

    /// <summary>Writes a model of another assembly through its public writer (the notification events' API models).</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The model.</param>
    /// <param name="options">The options of the call.</param>
    public static void WriteModel<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        where T : class, IGenesysCloudModel<T> => T.WriteJson(writer, value, options);

    /// <summary>Writes back the properties a model kept because it does not declare them.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="data">The model's extension data, if any.</param>
    public static void WriteExtensionData(Utf8JsonWriter writer, IDictionary<string, JsonElement>? data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (data is null)
        {
            return;
        }

        foreach (var (key, value) in data)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }
    }
}
