using System.Net;
using GenesysCloud.Extensions.Errors;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Validates <see cref="GenesysCloudOptions"/> at start-up. Every failure names the configuration key, the
/// rule, the problem with the value (never the secret's value) and the stable error code.
/// </summary>
internal sealed class GenesysCloudOptionsValidator : IValidateOptions<GenesysCloudOptions>
{
    private const string P = GenesysCloudOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GenesysCloudOptions options)
    {
        var failures = new List<string>(options.BindingErrors);

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{P}:ClientId is required: the OAuth client id (a UUID) of a client-credentials OAuth client. [{GenesysCloudErrorCodes.ClientIdTypeInvalid}]");
        }
        else if (!Guid.TryParseExact(options.ClientId.Trim(), "D", out _))
        {
            failures.Add($"{P}:ClientId must be a UUID (8-4-4-4-12 hexadecimal digits); the value '{Truncate(options.ClientId)}' is not. [{GenesysCloudErrorCodes.ClientIdInvalidUuid}]");
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            failures.Add($"{P}:ClientSecret is required: the OAuth client's secret (use user-secrets or an environment variable, never appsettings.json). [{GenesysCloudErrorCodes.ClientSecretTypeInvalid}]");
        }

        var overridesBoth = options.ApiBaseAddress is not null && options.LoginBaseAddress is not null;
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            if (!overridesBoth)
            {
                failures.Add($"{P}:Region is required (for example us-east-1) unless both ApiBaseAddress and LoginBaseAddress are set. [{GenesysCloudErrorCodes.RegionTypeInvalid}]");
            }
        }
        else if (options.ResolvedRegion is null)
        {
            failures.Add($"{P}:Region must be a Genesys Cloud region ({string.Join(", ", GenesysCloudRegions.All.Select(r => r.Name))}); the value '{Truncate(options.Region)}' is not. [{GenesysCloudErrorCodes.RegionInvalid}]");
        }

        ValidateBaseAddress(failures, "ApiBaseAddress", options.ApiBaseAddress);
        ValidateBaseAddress(failures, "LoginBaseAddress", options.LoginBaseAddress);

        if (options.SocketTimeout <= TimeSpan.Zero || options.SocketTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{P}:SocketTimeout must be greater than zero and at most 00:10:00; the value {options.SocketTimeout} is not. [{GenesysCloudErrorCodes.SocketTimeoutOutOfBounds}]");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{P}:MaxRetries must be from 0 to 10; the value {options.MaxRetries} is not. [{GenesysCloudErrorCodes.MaxRetriesOutOfBounds}]");
        }

        if (options.MaxResponseContentLength is < 1024 or > int.MaxValue)
        {
            failures.Add($"{P}:MaxResponseContentLength must be from 1024 to {int.MaxValue} bytes; the value {options.MaxResponseContentLength} is not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (!Enum.IsDefined(options.StartupBehavior))
        {
            failures.Add($"{P}:StartupBehavior must be FailHost or RetryInBackground. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (!Enum.IsDefined(options.ShutdownBehavior))
        {
            failures.Add($"{P}:ShutdownBehavior must be Drain or ClearBacklog. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (options.TokenRefreshBeforeExpiry < TimeSpan.Zero)
        {
            failures.Add($"{P}:TokenRefreshBeforeExpiry must not be negative; the value {options.TokenRefreshBeforeExpiry} is. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        var rate = options.RateLimiting;
        if (!Enum.IsDefined(rate.Mode))
        {
            failures.Add($"{P}:RateLimiting:Mode must be Adaptive or Fixed. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (rate.TimeBetweenRequests < TimeSpan.FromMilliseconds(1) || rate.TimeBetweenRequests > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{P}:RateLimiting:TimeBetweenRequests must be from 00:00:00.001 to 00:01:00; the value {rate.TimeBetweenRequests} is not. [{GenesysCloudErrorCodes.TimeBetweenRequestsOutOfBounds}]");
        }

        if (rate.MaxConcurrentRequests is < 1 or > 1000)
        {
            failures.Add($"{P}:RateLimiting:MaxConcurrentRequests must be from 1 to 1000; the value {rate.MaxConcurrentRequests} is not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (rate.MaxBacklog is < 1)
        {
            failures.Add($"{P}:RateLimiting:MaxBacklog must be at least 1 when set; the value {rate.MaxBacklog} is not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (rate.DefaultRetryAfter <= TimeSpan.Zero)
        {
            failures.Add($"{P}:RateLimiting:DefaultRetryAfter must be greater than zero; the value {rate.DefaultRetryAfter} is not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (rate.MaxRateLimitRetries < 0)
        {
            failures.Add($"{P}:RateLimiting:MaxRateLimitRetries must not be negative; the value {rate.MaxRateLimitRetries} is. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        var retry = options.Retry;
        if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{P}:Retry:BaseDelay must not be negative and Retry:MaxDelay must be at least BaseDelay; the values {retry.BaseDelay} and {retry.MaxDelay} are not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (retry.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add($"{P}:Retry:MaxRetryAfter must not be negative; the value {retry.MaxRetryAfter} is. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateBaseAddress(List<string> failures, string key, Uri? address)
    {
        if (address is null)
        {
            return;
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{P}:{key} must be an absolute http(s) URI; the value '{Truncate(address.OriginalString)}' is not. [{GenesysCloudErrorCodes.BaseAddressInvalid}]");
            return;
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            failures.Add($"{P}:{key} must not carry a query, a fragment or credentials. [{GenesysCloudErrorCodes.BaseAddressInvalid}]");
        }

        if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            failures.Add($"{P}:{key} must use https unless the host is loopback; '{address.Host}' is not a loopback host. [{GenesysCloudErrorCodes.BaseAddressInvalid}]");
        }
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static string Truncate(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
