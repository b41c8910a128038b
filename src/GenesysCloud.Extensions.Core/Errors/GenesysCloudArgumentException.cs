namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// An invalid argument to an API call (path, method, path or query parameter, header, body), raised before
/// anything is queued. It is an <see cref="ArgumentException"/> so ordinary guard handling applies.
/// </summary>
public sealed class GenesysCloudArgumentException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudArgumentException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="paramName">The offending parameter.</param>
    public GenesysCloudArgumentException(string errorCode, string message, string? paramName = null)
        : base(message, paramName)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Gets the stable error code (one of <see cref="GenesysCloudErrorCodes"/>).</summary>
    public string ErrorCode { get; }
}
