namespace WebApiSample;

/// <summary>The sample's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning,
        "No GenesysCloud:ClientId configured: using the embedded Genesys Cloud simulator at {ApiBaseAddress} ({RateLimit} requests per {RateWindowSeconds} s). " +
        "To use a real org: dotnet user-secrets set GenesysCloud:ClientId <id> and GenesysCloud:ClientSecret <secret> (or GenesysCloud__ClientId/GenesysCloud__ClientSecret), and set GenesysCloud:Region.")]
    public static partial void UsingEmbeddedSimulator(ILogger logger, Uri apiBaseAddress, int rateLimit, double rateWindowSeconds);

    [LoggerMessage(2, LogLevel.Information, "Demo workload started: {Calls} calls, 429 storm {RateLimitStorm}.")]
    public static partial void DemoStarted(ILogger logger, int calls, bool rateLimitStorm);

    [LoggerMessage(3, LogLevel.Information, "Demo workload ended: {Completed} succeeded, {Failed} failed in {ElapsedSeconds:F1} s.")]
    public static partial void DemoEnded(ILogger logger, int completed, int failed, double elapsedSeconds);

    [LoggerMessage(4, LogLevel.Information, "Demo workload: 429 storm for {StormSeconds} s.")]
    public static partial void DemoStorm(ILogger logger, double stormSeconds);

    [LoggerMessage(5, LogLevel.Warning, "Demo workload failed.")]
    public static partial void DemoFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Live event feed: {Count} notification topics subscribed.")]
    public static partial void FeedSubscribed(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Warning, "Live event feed: subscribing the notification topics failed.")]
    public static partial void FeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Sign-in with Genesys Cloud failed: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Information, "Genesys Cloud refused a signed-in user's refresh token; the user is signed out.")]
    public static partial void SignedInUserRefused(ILogger logger);
}
