using System.Net;

namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// A successful response's body could not be read as the expected type (malformed, truncated, or not JSON).
/// The request is not sent again: the server did process it.
/// </summary>
public sealed class GenesysCloudResponseFormatException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudResponseFormatException"/> class.</summary>
    /// <param name="message">A message for people.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="contentType">The response's content type.</param>
    /// <param name="correlationId">The <c>inin-correlation-id</c> header.</param>
    /// <param name="innerException">The deserialization error.</param>
    public GenesysCloudResponseFormatException(
        string message,
        HttpStatusCode statusCode,
        string? contentType,
        string? correlationId,
        Exception? innerException)
        : base(GenesysCloudErrorCodes.UnexpectedResponse, message, innerException)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        CorrelationId = correlationId;
    }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the response's content type.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the <c>inin-correlation-id</c> header.</summary>
    public string? CorrelationId { get; }
}
