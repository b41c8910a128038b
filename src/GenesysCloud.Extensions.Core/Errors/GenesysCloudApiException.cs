using System.Net;

namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// Genesys Cloud answered an API call with a non-2xx status (after the retries the rules allow).
/// </summary>
public sealed class GenesysCloudApiException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudApiException"/> class.</summary>
    /// <param name="message">A message for people.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The Genesys error body, when the response carried one.</param>
    /// <param name="correlationId">The <c>inin-correlation-id</c> header.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="attempts">How many attempts were made.</param>
    public GenesysCloudApiException(
        string message,
        HttpStatusCode statusCode,
        GenesysCloudErrorBody? error,
        string? correlationId,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        int attempts)
        : base(GenesysCloudErrorCodes.HttpStatusCodeError, message)
    {
        StatusCode = statusCode;
        Error = error;
        CorrelationId = correlationId;
        Headers = headers;
        Attempts = attempts;
    }

    /// <summary>Gets the HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the Genesys error body (<c>message</c>, <c>code</c>, <c>status</c>, <c>messageParams</c>, <c>contextId</c>), if any.</summary>
    public GenesysCloudErrorBody? Error { get; }

    /// <summary>Gets the <c>inin-correlation-id</c> header.</summary>
    public string? CorrelationId { get; }

    /// <summary>Gets the response headers (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Gets how many attempts were made (1 when the call was not retried).</summary>
    public int Attempts { get; }
}
