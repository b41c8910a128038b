namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// The base of every error this library raises at run time. <see cref="ErrorCode"/> is stable and names the
/// condition (see <see cref="GenesysCloudErrorCodes"/>). Messages never contain secrets or tokens.
/// </summary>
public class GenesysCloudException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GenesysCloudException(string errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Gets the stable error code (one of <see cref="GenesysCloudErrorCodes"/>).</summary>
    public string ErrorCode { get; }
}
