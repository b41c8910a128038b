using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Simulator.Logging;

/// <summary>The simulator's log messages. Tokens and secrets are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Genesys Cloud simulator listening on {Address}")]
    public static partial void Started(ILogger logger, Uri address);

    [LoggerMessage(2, LogLevel.Debug, "Issued an access token to client {ClientId}, expiring at {ExpiresAt:o}")]
    public static partial void TokenIssued(ILogger logger, string clientId, DateTimeOffset expiresAt);

    [LoggerMessage(3, LogLevel.Debug, "Refused a token request: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Throttled a token request ({Count} of {Limit} in the window)")]
    public static partial void TokenRequestThrottled(ILogger logger, int count, int limit);

    [LoggerMessage(5, LogLevel.Debug, "Rate limited {Method} {Path} ({Count} of {Limit} in the window)")]
    public static partial void RateLimited(ILogger logger, string method, string path, int count, int limit);

    [LoggerMessage(6, LogLevel.Debug, "Applied fault {Fault} to {Method} {Path}")]
    public static partial void FaultApplied(ILogger logger, string fault, string method, string path);

    [LoggerMessage(7, LogLevel.Debug, "{Method} {Path} answered {StatusCode}")]
    public static partial void Answered(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(8, LogLevel.Warning, "Failed to handle {Method} {Path}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method, string path);
}
