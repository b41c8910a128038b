namespace GenesysCloud.Extensions.Http;

/// <summary>An attempt exceeded <c>SocketTimeout</c>; retried like a connection failure.</summary>
internal sealed class AttemptTimeoutException : TimeoutException
{
    public AttemptTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
