using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Serialization;

namespace GenesysCloud.Extensions.Requests;

/// <summary>
/// A buffered response from the Genesys Cloud Platform API: status, headers (including <c>inin-correlation-id</c>)
/// and the body, raw or deserialized.
/// </summary>
public sealed class GenesysCloudResponse
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudResponse"/> class.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">The response and content headers, with case-insensitive names.</param>
    /// <param name="content">The body bytes.</param>
    /// <param name="contentType">The media type of the body, if any.</param>
    public GenesysCloudResponse(
        HttpStatusCode statusCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        ReadOnlyMemory<byte> content,
        string? contentType)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
        Content = content;
        ContentType = contentType;
    }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the response and content headers (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Gets the raw body.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Gets the body's media type, for example <c>application/json</c>.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the <c>inin-correlation-id</c> header, which Genesys support asks for.</summary>
    public string? CorrelationId => GetHeader(GenesysCloudHeaderNames.CorrelationId);

    /// <summary>Gets the first value of a header, or <see langword="null"/>.</summary>
    /// <param name="name">The header's name (case-insensitive).</param>
    /// <returns>The first value, or <see langword="null"/> when absent.</returns>
    public string? GetHeader(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Decodes the body as UTF-8 text.</summary>
    /// <returns>The body text (empty when there is no body).</returns>
    public string ReadAsString() => Encoding.UTF8.GetString(Content.Span);

    /// <summary>Deserializes the JSON body. A bare JSON string, number or array deserializes too.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="options">Serializer options; defaults to <see cref="GenesysCloudJson.Options"/>.</param>
    /// <returns>The value, or <see langword="default"/> when the body is empty.</returns>
    /// <exception cref="GenesysCloudResponseFormatException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    /// <remarks>
    /// Reflection-based for types other than the generated models; in trimmed or Native AOT applications use
    /// <see cref="ReadAs{T}(JsonTypeInfo{T})"/>.
    /// </remarks>
    [RequiresUnreferencedCode("Deserializes T by reflection unless it is a generated model; use ReadAs<T>(JsonTypeInfo<T>) in trimmed applications.")]
    [RequiresDynamicCode("Deserializes T by reflection unless it is a generated model; use ReadAs<T>(JsonTypeInfo<T>) in Native AOT applications.")]
    public T? ReadAs<T>(JsonSerializerOptions? options = null)
    {
        if (Content.IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Content.Span, options ?? GenesysCloudJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw FormatException(typeof(T), ex);
        }
    }

    /// <summary>Deserializes the JSON body with the given metadata, without reflection.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="typeInfo">
    /// The metadata of <typeparamref name="T"/>, for example from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>,
    /// or <c>GenesysCloudJson.Options.GetTypeInfo(typeof(Queue))</c> for a generated model.
    /// </param>
    /// <returns>The value, or <see langword="default"/> when the body is empty.</returns>
    /// <exception cref="GenesysCloudResponseFormatException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? ReadAs<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (Content.IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(Content.Span, typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw FormatException(typeof(T), ex);
        }
    }

    private GenesysCloudResponseFormatException FormatException(Type type, Exception ex) =>
        new(
            $"The {(int)StatusCode} response body ({ContentType ?? "no content type"}, {Content.Length} bytes) could not be read as {type.Name}: {ex.Message}",
            StatusCode,
            ContentType,
            CorrelationId,
            ex);
}
