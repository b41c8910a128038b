using System.Net;

namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// A response's body could not be read as the expected type (malformed, truncated, or not JSON), or was larger than
/// <c>MaxResponseContentLength</c> (<see cref="GenesysCloudErrorCodes.ResponseTooLarge"/>).
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
        : this(GenesysCloudErrorCodes.UnexpectedResponse, message, statusCode, contentType, correlationId, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GenesysCloudResponseFormatException"/> class with a specific code.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>, for example <see cref="GenesysCloudErrorCodes.ResponseTooLarge"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="contentType">The response's content type.</param>
    /// <param name="correlationId">The <c>inin-correlation-id</c> header.</param>
    /// <param name="innerException">The underlying error.</param>
    public GenesysCloudResponseFormatException(
        string errorCode,
        string message,
        HttpStatusCode statusCode,
        string? contentType,
        string? correlationId,
        Exception? innerException)
        : base(errorCode, message, innerException)
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
