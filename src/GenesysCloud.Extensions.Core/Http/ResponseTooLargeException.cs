namespace GenesysCloud.Extensions.Http;

/// <summary>Raised inside an attempt when the body exceeds <c>MaxResponseContentLength</c>; never retried.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long? declaredLength, long maxLength)
        : base(declaredLength is { } declared
            ? $"The response declares a body of {declared:N0} bytes, more than MaxResponseContentLength ({maxLength:N0} bytes); it was not read."
            : $"The response body is longer than MaxResponseContentLength ({maxLength:N0} bytes); reading stopped there.")
    {
        DeclaredLength = declaredLength;
        MaxLength = maxLength;
    }

    public ResponseTooLargeException()
    {
    }

    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long? DeclaredLength { get; }

    /// <summary>Gets the status of the answer whose body was too large.</summary>
    public System.Net.HttpStatusCode StatusCode { get; init; }

    /// <summary>Gets its content type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets its <c>inin-correlation-id</c>.</summary>
    public string? CorrelationId { get; init; }

    public long MaxLength { get; }
}
