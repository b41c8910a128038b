using System.Globalization;
using GenesysCloud.Extensions.Errors;
using Microsoft.Extensions.Configuration;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Binds <see cref="GenesysCloudOptions"/> from configuration without throwing: a value of the wrong type is
/// recorded as a validation failure (with its key and error code) and reported at start-up with the others.
/// </summary>
internal static class GenesysCloudOptionsBinder
{
    public static void Bind(IConfiguration section, GenesysCloudOptions options)
    {
        var prefix = section is IConfigurationSection s ? s.Path : GenesysCloudOptions.SectionName;
        var reader = new Reader(section, prefix, options.BindingErrors);

        options.ClientId = reader.String("ClientId") ?? options.ClientId;
        options.ClientSecret = reader.String("ClientSecret") ?? options.ClientSecret;
        options.Region = reader.String("Region") ?? options.Region;
        options.ApiBaseAddress = reader.Uri("ApiBaseAddress") ?? options.ApiBaseAddress;
        options.LoginBaseAddress = reader.Uri("LoginBaseAddress") ?? options.LoginBaseAddress;
        options.SocketTimeout = reader.TimeSpan("SocketTimeout", GenesysCloudErrorCodes.SocketTimeoutTypeInvalid) ?? options.SocketTimeout;
        options.MaxRetries = reader.Int("MaxRetries", GenesysCloudErrorCodes.MaxRetriesTypeInvalid) ?? options.MaxRetries;
        options.MaxResponseContentLength = reader.Long("MaxResponseContentLength", GenesysCloudErrorCodes.OptionOutOfBounds) ?? options.MaxResponseContentLength;
        options.StartupBehavior = reader.Enum<GenesysCloudStartupBehavior>("StartupBehavior") ?? options.StartupBehavior;
        options.ShutdownBehavior = reader.Enum<GenesysCloudShutdownBehavior>("ShutdownBehavior") ?? options.ShutdownBehavior;
        options.TokenRefreshBeforeExpiry = reader.TimeSpan("TokenRefreshBeforeExpiry", GenesysCloudErrorCodes.OptionOutOfBounds) ?? options.TokenRefreshBeforeExpiry;

        var rate = options.RateLimiting;
        rate.Mode = reader.Enum<GenesysCloudPacingMode>("RateLimiting:Mode") ?? rate.Mode;
        rate.TimeBetweenRequests = reader.TimeSpan("RateLimiting:TimeBetweenRequests", GenesysCloudErrorCodes.TimeBetweenRequestsTypeInvalid) ?? rate.TimeBetweenRequests;
        rate.MaxConcurrentRequests = reader.Int("RateLimiting:MaxConcurrentRequests", GenesysCloudErrorCodes.OptionOutOfBounds) ?? rate.MaxConcurrentRequests;
        rate.MaxBacklog = reader.Int("RateLimiting:MaxBacklog", GenesysCloudErrorCodes.OptionOutOfBounds) ?? rate.MaxBacklog;
        rate.DefaultRetryAfter = reader.TimeSpan("RateLimiting:DefaultRetryAfter", GenesysCloudErrorCodes.OptionOutOfBounds) ?? rate.DefaultRetryAfter;
        rate.MaxRateLimitRetries = reader.Int("RateLimiting:MaxRateLimitRetries", GenesysCloudErrorCodes.OptionOutOfBounds) ?? rate.MaxRateLimitRetries;

        var retry = options.Retry;
        retry.BaseDelay = reader.TimeSpan("Retry:BaseDelay", GenesysCloudErrorCodes.OptionOutOfBounds) ?? retry.BaseDelay;
        retry.MaxDelay = reader.TimeSpan("Retry:MaxDelay", GenesysCloudErrorCodes.OptionOutOfBounds) ?? retry.MaxDelay;
        retry.MaxRetryAfter = reader.TimeSpan("Retry:MaxRetryAfter", GenesysCloudErrorCodes.OptionOutOfBounds) ?? retry.MaxRetryAfter;
        retry.RetryNonIdempotentRequests = reader.Bool("Retry:RetryNonIdempotentRequests") ?? retry.RetryNonIdempotentRequests;
    }

    private readonly struct Reader(IConfiguration section, string prefix, List<string> errors)
    {
        public string? String(string key) => section[key] is { Length: > 0 } value ? value : null;

        public Uri? Uri(string key)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (System.Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return uri;
            }

            errors.Add($"{prefix}:{key} must be an absolute URI; the value '{text}' is not. [{GenesysCloudErrorCodes.BaseAddressInvalid}]");
            return null;
        }

        public TimeSpan? TimeSpan(string key, string code)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"{prefix}:{key} must be a duration in the form [d.]hh:mm:ss[.fff] (for example 00:01:00); the value '{text}' is not. [{code}]");
            return null;
        }

        public int? Int(string key, string code)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"{prefix}:{key} must be an integer; the value '{text}' is not. [{code}]");
            return null;
        }

        public long? Long(string key, string code)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add($"{prefix}:{key} must be an integer; the value '{text}' is not. [{code}]");
            return null;
        }

        public bool? Bool(string key)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (bool.TryParse(text, out var value))
            {
                return value;
            }

            errors.Add($"{prefix}:{key} must be true or false; the value '{text}' is not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
            return null;
        }

        public TEnum? Enum<TEnum>(string key)
            where TEnum : struct, System.Enum
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _))
            {
                return value;
            }

            errors.Add($"{prefix}:{key} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}; the value '{text}' is not. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
            return null;
        }
    }
}
