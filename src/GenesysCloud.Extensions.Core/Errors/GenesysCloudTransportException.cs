namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// The request could not be completed at the transport level after every allowed attempt: the connection
/// failed or was reset, or an attempt exceeded <c>SocketTimeout</c>.
/// </summary>
public sealed class GenesysCloudTransportException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudTransportException"/> class.</summary>
    /// <param name="message">A message for people.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="isTimeout">Whether the last attempt timed out.</param>
    /// <param name="innerException">The last attempt's error.</param>
    public GenesysCloudTransportException(string message, int attempts, bool isTimeout, Exception? innerException)
        : base(GenesysCloudErrorCodes.TransportError, message, innerException)
    {
        Attempts = attempts;
        IsTimeout = isTimeout;
    }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Gets a value indicating whether the last attempt exceeded <c>SocketTimeout</c>.</summary>
    public bool IsTimeout { get; }
}
