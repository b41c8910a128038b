using System.Net;

namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// Obtaining or deleting the OAuth access token failed: the client id was not found, the credentials were
/// rejected, or the login service answered something unexpected. Every call that was waiting for the token
/// ends with this error; the next call tries again.
/// </summary>
public sealed class GenesysCloudAuthenticationException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudAuthenticationException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="statusCode">The HTTP status of the login service's answer, if one arrived.</param>
    /// <param name="oauthError">The OAuth <c>error</c> field, if any.</param>
    /// <param name="correlationId">The <c>inin-correlation-id</c> header, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GenesysCloudAuthenticationException(
        string errorCode,
        string message,
        HttpStatusCode? statusCode = null,
        string? oauthError = null,
        string? correlationId = null,
        Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
        StatusCode = statusCode;
        OAuthError = oauthError;
        CorrelationId = correlationId;
    }

    /// <summary>Gets the HTTP status of the login service's answer, if one arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the OAuth <c>error</c> field (for example <c>invalid_client</c>), if any.</summary>
    public string? OAuthError { get; }

    /// <summary>Gets the <c>inin-correlation-id</c> header of the answer, if any.</summary>
    public string? CorrelationId { get; }
}
