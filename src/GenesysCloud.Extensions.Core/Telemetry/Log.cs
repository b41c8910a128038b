using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Telemetry;

/// <summary>
/// Every log message of the library, source-generated. None takes a secret or a token as a parameter.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Genesys Cloud client state changed from {PreviousState} to {NewState}.")]
    public static partial void StateChanged(ILogger logger, GenesysCloudClientState previousState, GenesysCloudClientState newState);

    [LoggerMessage(2, LogLevel.Information, "Connecting to Genesys Cloud: API {ApiBaseAddress}, login {LoginBaseAddress}.")]
    public static partial void Connecting(ILogger logger, Uri apiBaseAddress, Uri loginBaseAddress);

    [LoggerMessage(3, LogLevel.Error, "Connecting to Genesys Cloud failed ({ErrorCode}): {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string errorCode, string reason, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Connecting to Genesys Cloud failed ({ErrorCode}); retrying in {Delay}: {Reason}")]
    public static partial void ConnectRetrying(ILogger logger, string errorCode, TimeSpan delay, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Access token obtained; it expires in {ExpiresIn}.")]
    public static partial void TokenObtained(ILogger logger, TimeSpan expiresIn);

    [LoggerMessage(6, LogLevel.Warning, "Access token request failed ({ErrorCode}): {Reason}")]
    public static partial void TokenFailed(ILogger logger, string errorCode, string reason);

    [LoggerMessage(7, LogLevel.Warning, "The login service is rate limiting token requests; waiting {Delay}.")]
    public static partial void TokenRateLimited(ILogger logger, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Warning, "Token request attempt {Attempt} failed with {Reason}; retrying in {Delay}.")]
    public static partial void TokenRetrying(ILogger logger, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Debug, "A call was answered 401; refreshing the access token.")]
    public static partial void RefreshingAfterUnauthorized(ILogger logger);

    [LoggerMessage(10, LogLevel.Information, "Access token deleted.")]
    public static partial void TokenDeleted(ILogger logger);

    [LoggerMessage(11, LogLevel.Warning, "Deleting the access token failed: {Reason}")]
    public static partial void TokenDeleteFailed(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(12, LogLevel.Warning, "Rate limited (429) by Genesys Cloud; suspending the backlog for {Delay}.")]
    public static partial void RateLimited(ILogger logger, TimeSpan delay);

    [LoggerMessage(13, LogLevel.Information, "Closing: {Backlog} calls in the backlog, {InFlight} in flight, behavior {Behavior}.")]
    public static partial void Closing(ILogger logger, int backlog, int inFlight, Options.GenesysCloudShutdownBehavior behavior);

    [LoggerMessage(14, LogLevel.Warning, "Closing: {Count} queued calls were ended with {ErrorCode}.")]
    public static partial void CallsAborted(ILogger logger, int count, string errorCode);

    [LoggerMessage(15, LogLevel.Warning, "Retrying {Method} {PathTemplate} (attempt {Attempt}) after {Reason}; waiting {Delay}.")]
    public static partial void Retrying(ILogger logger, string method, string pathTemplate, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(16, LogLevel.Warning, "A subscriber of the {EventName} event threw; the client ignores it.")]
    public static partial void SubscriberFailed(ILogger logger, string eventName, Exception exception);

    [LoggerMessage(17, LogLevel.Error, "Closing the Genesys Cloud client {ClientName} failed.")]
    public static partial void CloseFailed(ILogger logger, string clientName, Exception exception);

    [LoggerMessage(18, LogLevel.Warning, "The access token was not deleted: the host's shutdown timeout passed while the deletion waited. The token expires on its own.")]
    public static partial void TokenDeleteAbandoned(ILogger logger);

    [LoggerMessage(19, LogLevel.Warning, "Connecting: GET /api/v2/tokens/me answered {StatusCode}; the rate budget will be learned from the first calls.")]
    public static partial void ConnectProbeFailed(ILogger logger, int statusCode);
}
