using System.Net;
using System.Net.Sockets;
using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.Http;

/// <summary>
/// Decides whether an attempt's outcome is retried.
/// <list type="bullet">
/// <item>Idempotent methods (GET, HEAD, PUT, DELETE): 408, 500, 502, 503, 504, connection failures and
/// attempt timeouts.</item>
/// <item>POST and PATCH: only where the request provably was not processed — 408 (the server gave up waiting
/// for it), 503 (not accepted), and a connection that could not be opened — unless
/// <c>Retry:RetryNonIdempotentRequests</c> is set.</item>
/// </list>
/// 429 never reaches this rule: the pacing handler suspends and re-sends without counting an attempt.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>Returns the retry reason, or <see langword="null"/> when the outcome is final.</summary>
    public static string? GetRetryReason(HttpMethod method, HttpResponseMessage? response, Exception? exception, GenesysCloudRetryOptions options)
    {
        var idempotent = options.RetryNonIdempotentRequests || (method != HttpMethod.Post && method != HttpMethod.Patch);
        if (response is not null)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.RequestTimeout => "status_408",
                HttpStatusCode.ServiceUnavailable => "status_503",
                HttpStatusCode.InternalServerError when idempotent => "status_500",
                HttpStatusCode.BadGateway when idempotent => "status_502",
                HttpStatusCode.GatewayTimeout when idempotent => "status_504",
                _ => null,
            };
        }

        return exception switch
        {
            AttemptTimeoutException when idempotent => "timeout",
            HttpRequestException http when IsConnectFailure(http) => "connection_refused",
            HttpRequestException when idempotent => "connection",
            _ => null,
        };
    }

    // The request never left: the connection could not be opened (refused, unreachable, name not resolved).
    private static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError ||
        exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable };
}
