using System.Net;
using System.Text;
using System.Text.Json;
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

    /// <summary>
    /// Gets the absolute URI the request was sent to (the configured API base address with the call's path and query),
    /// or <see langword="null"/> when the response did not come from the client's pipeline.
    /// </summary>
    /// <remarks>The paging helpers accept a <c>nextUri</c> on this host, whatever <c>ApiBaseAddress</c> says.</remarks>
    public Uri? RequestUri { get; init; }

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
            throw new GenesysCloudResponseFormatException(
                $"The {(int)StatusCode} response body ({ContentType ?? "no content type"}, {Content.Length} bytes) could not be read as {typeof(T).Name}: {ex.Message}",
                StatusCode,
                ContentType,
                CorrelationId,
                ex);
        }
    }
}
