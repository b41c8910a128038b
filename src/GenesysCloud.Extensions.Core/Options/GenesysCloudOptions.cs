using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options.Validation;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Options of the Genesys Cloud client, bound from the <c>GenesysCloud</c> configuration section or set by a
/// delegate. Validated when the host starts; each failure names the configuration key, the rule and the problem.
/// </summary>
public sealed class GenesysCloudOptions
{
    /// <summary>The default configuration section name, <c>GenesysCloud</c>.</summary>
    public const string SectionName = "GenesysCloud";

    /// <summary>Gets or sets the OAuth client id (a UUID) of a client-credentials OAuth client.</summary>
    [RequiredRule("the OAuth client id (a UUID) of a client-credentials OAuth client", GenesysCloudErrorCodes.ClientIdTypeInvalid)]
    [UuidRule(GenesysCloudErrorCodes.ClientIdInvalidUuid)]
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the OAuth client secret. Never logged, never part of an exception message.</summary>
    [RequiredRule("the OAuth client's secret (use user-secrets or an environment variable, never appsettings.json)", GenesysCloudErrorCodes.ClientSecretTypeInvalid)]
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the region, for example <c>us-east-1</c> (see <see cref="GenesysCloudRegions"/>).</summary>
    /// <remarks>Required unless both <see cref="ApiBaseAddress"/> and <see cref="LoginBaseAddress"/> are set.</remarks>
    [RegionRule(GenesysCloudErrorCodes.RegionInvalid)]
    public string? Region { get; set; }

    /// <summary>Gets or sets an explicit API base address (simulator, private deployments), replacing the region's <c>https://api.{domain}/</c>.</summary>
    /// <remarks>Must be HTTPS, except on a loopback host.</remarks>
    [BaseAddressRule(GenesysCloudErrorCodes.BaseAddressInvalid)]
    public Uri? ApiBaseAddress { get; set; }

    /// <summary>Gets or sets an explicit login base address, replacing the region's <c>https://login.{domain}/</c>.</summary>
    /// <remarks>Must be HTTPS, except on a loopback host.</remarks>
    [BaseAddressRule(GenesysCloudErrorCodes.BaseAddressInvalid)]
    public Uri? LoginBaseAddress { get; set; }

    /// <summary>Gets or sets the time one attempt (connect, send, receive the whole response) may take.</summary>
    /// <remarks>Defaults to 60 seconds. Must be greater than zero and at most 10 minutes.</remarks>
    [RangeRule("00:00:00.0000001", "00:10:00", GenesysCloudErrorCodes.SocketTimeoutOutOfBounds)]
    [OptionTypeErrorCode(GenesysCloudErrorCodes.SocketTimeoutTypeInvalid)]
    public TimeSpan SocketTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how many times a failed attempt is retried (408, 500, 502, 503, 504, connection failures, timeouts).</summary>
    /// <remarks>Defaults to 5. From 0 (no retries) to 10. 429 and 401 re-sends do not count.</remarks>
    [RangeRule(0, 10, GenesysCloudErrorCodes.MaxRetriesOutOfBounds)]
    [OptionTypeErrorCode(GenesysCloudErrorCodes.MaxRetriesTypeInvalid)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Gets or sets the largest response body the client reads; a longer one ends the call with
    /// <see cref="Errors.GenesysCloudErrorCodes.ResponseTooLarge"/> and is not sent again.</summary>
    /// <remarks>Defaults to 64 MiB (67,108,864 bytes). From 1 KiB to 2 GiB − 1.</remarks>
    [RangeRule(1024, int.MaxValue, GenesysCloudErrorCodes.OptionOutOfBounds)]
    public long MaxResponseContentLength { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets what the host does when the first connection fails.</summary>
    /// <remarks>Defaults to <see cref="GenesysCloudStartupBehavior.FailHost"/>.</remarks>
    [DefinedRule(typeof(GenesysCloudStartupBehavior), GenesysCloudErrorCodes.OptionOutOfBounds)]
    public GenesysCloudStartupBehavior StartupBehavior { get; set; } = GenesysCloudStartupBehavior.FailHost;

    /// <summary>Gets or sets what happens to queued calls when the host stops.</summary>
    /// <remarks>Defaults to <see cref="GenesysCloudShutdownBehavior.Drain"/>.</remarks>
    [DefinedRule(typeof(GenesysCloudShutdownBehavior), GenesysCloudErrorCodes.OptionOutOfBounds)]
    public GenesysCloudShutdownBehavior ShutdownBehavior { get; set; } = GenesysCloudShutdownBehavior.Drain;

    /// <summary>Gets or sets how long before its expiry the access token is refreshed.</summary>
    /// <remarks>Defaults to 5 minutes (capped at half the token's lifetime).</remarks>
    [RangeRule("00:00:00", "10675199.02:48:05.4775807", GenesysCloudErrorCodes.OptionOutOfBounds)]
    public TimeSpan TokenRefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the pacing and backlog options.</summary>
    [ValidateObjectMembers]
    public GenesysCloudRateLimitingOptions RateLimiting { get; } = new();

    /// <summary>Gets the retry options.</summary>
    [ValidateObjectMembers]
    public GenesysCloudRetryOptions Retry { get; } = new();

    internal List<string> BindingErrors { get; } = [];

    /// <summary>Gets or sets the configuration path the options were bound from, for messages (<c>GenesysCloud</c> when set by code).</summary>
    internal string SectionPath { get; set; } = SectionName;

    internal GenesysCloudRegion? ResolvedRegion => GenesysCloudRegions.TryGet(Region, out var region) ? region : null;

    internal Uri ResolvedApiBaseAddress => EnsureTrailingSlash(ApiBaseAddress ?? ResolvedRegion?.ApiBaseAddress ?? GenesysCloudRegions.All[0].ApiBaseAddress);

    internal Uri ResolvedLoginBaseAddress => EnsureTrailingSlash(LoginBaseAddress ?? ResolvedRegion?.LoginBaseAddress ?? GenesysCloudRegions.All[0].LoginBaseAddress);

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
