using Microsoft.Extensions.Logging;

namespace GenesysCloud.Extensions.Redis.Telemetry;

/// <summary>Every log message of fleet mode, source-generated. None takes a token, a secret or a connection string.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Warning, "Genesys Cloud client '{ClientName}': Redis is unavailable, running in local mode (own token, own budget): {Reason}")]
    public static partial void FellBack(ILogger logger, string clientName, string reason);

    [LoggerMessage(2, LogLevel.Information, "Genesys Cloud client '{ClientName}': Redis answers again; the client coordinates with its fleet.")]
    public static partial void Rejoined(ILogger logger, string clientName);

    [LoggerMessage(3, LogLevel.Debug, "Genesys Cloud client '{ClientName}': using the fleet's token of slot {Slot}.")]
    public static partial void TokenShared(ILogger logger, string clientName, int slot);

    [LoggerMessage(4, LogLevel.Information, "Genesys Cloud client '{ClientName}': obtained a new token for the fleet (slot {Slot}).")]
    public static partial void TokenIssued(ILogger logger, string clientName, int slot);

    [LoggerMessage(5, LogLevel.Warning, "Genesys Cloud client '{ClientName}': the fleet's token of slot {Slot} cannot be unprotected (is the Data Protection key ring shared by the replicas?); obtaining a new one.")]
    public static partial void TokenUnreadable(ILogger logger, string clientName, int slot, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Genesys Cloud client '{ClientName}': other replicas still hold leases on the token of slot {Slot}; it is kept.")]
    public static partial void TokenKept(ILogger logger, string clientName, int slot);
}
