using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Http;
using GenesysCloud.Extensions.Requests;
using GenesysCloud.Extensions.Serialization;

namespace GenesysCloud.Extensions.Pipeline;

/// <summary>
/// Turns how a call ended into what its caller sees: a <see cref="GenesysCloudResponse"/> for a 2xx answer, a
/// <see cref="GenesysCloudApiException"/> for any other status, and one typed exception for every other end.
/// </summary>
internal sealed class CallOutcomes
{
    // The error body's metadata as the client's options resolve it (source-generated, web defaults): no reflection.
    private static readonly JsonTypeInfo<GenesysCloudErrorBody> ErrorBodyTypeInfo =
        (JsonTypeInfo<GenesysCloudErrorBody>)GenesysCloudJson.Options.GetTypeInfo(typeof(GenesysCloudErrorBody));

    private readonly TimeSpan _socketTimeout;
    private readonly CancellationToken _abort;

    public CallOutcomes(TimeSpan socketTimeout, CancellationToken abort)
    {
        _socketTimeout = socketTimeout;
        _abort = abort;
    }

    public static string StatusText(int status) => status.ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>error.type</c> of a call that ended with <paramref name="exception"/>.</summary>
    public static string ErrorType(Exception exception) =>
        exception is OperationCanceledException ? "canceled" : (exception as GenesysCloudException)?.ErrorCode ?? exception.GetType().Name;

    /// <summary>The response the caller gets: status, headers and the buffered body (handed over, not copied).</summary>
    public static GenesysCloudResponse ToResponse(HttpResponseMessage response)
    {
        var headers = new ResponseHeaders(response.Headers, response.Content.Headers);
        var body = response.Content is BufferedContent buffered ? buffered.Body : [];
        return new GenesysCloudResponse(response.StatusCode, headers, body, response.Content.Headers.ContentType?.MediaType) { RequestUri = response.RequestMessage?.RequestUri };
    }

    public static GenesysCloudApiException CreateApiException(PendingCall call, GenesysCloudResponse response, int attempts)
    {
        GenesysCloudErrorBody? error = null;
        if (!response.Content.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Content);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    error = document.RootElement.Deserialize(ErrorBodyTypeInfo);
                }
            }
            catch (JsonException)
            {
                // Not a Genesys error body (a proxy's HTML page, for example): the status says enough.
            }
        }

        var status = (int)response.StatusCode;
        var message = $"{call} answered {status} {response.StatusCode}" +
            (error?.Message is { Length: > 0 } text ? $": {text}" : ".") +
            (error?.Code is { Length: > 0 } code ? $" (code {code})" : string.Empty) +
            (response.CorrelationId is { } correlation ? $" Correlation id {correlation}." : string.Empty) +
            (attempts > 1 ? $" {attempts} attempts." : string.Empty);
        return new GenesysCloudApiException(message, response.StatusCode, error, response.CorrelationId, response.Headers, attempts);
    }

    /// <summary>Maps an exception that ended the call; the caller's own cancellation and typed errors pass unchanged.</summary>
    public Exception MapException(Exception exception, PendingCall call, int attempts, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return exception;
            case OperationCanceledException when _abort.IsCancellationRequested:
                return new GenesysCloudCallAbortedException(
                    GenesysCloudErrorCodes.Closing, "The call was ended because the client closed before it completed (the host's shutdown timeout passed).");
            case GenesysCloudException or ArgumentException:
                return exception;
            case ResponseTooLargeException tooLarge:
                return new GenesysCloudResponseFormatException(
                    GenesysCloudErrorCodes.ResponseTooLarge,
                    $"{call}: {tooLarge.Message} The request is not sent again.",
                    tooLarge.StatusCode,
                    tooLarge.ContentType,
                    tooLarge.CorrelationId,
                    tooLarge);
            case AttemptTimeoutException:
                return new GenesysCloudTransportException(
                    $"{call.Method} {call.PathTemplate} timed out after {attempts} attempts (SocketTimeout {_socketTimeout}).", attempts, isTimeout: true, exception);
            case HttpRequestException:
                return new GenesysCloudTransportException(
                    $"{call.Method} {call.PathTemplate} failed after {attempts} attempts: {exception.Message}", attempts, isTimeout: false, exception);
            default:
                return new GenesysCloudException(
                    GenesysCloudErrorCodes.InternalError, $"{call.Method} {call.PathTemplate} failed with an internal error: {exception.Message}", exception);
        }
    }
}
