using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Redis.Options;

/// <summary>Validates <see cref="GenesysCloudRedisOptions"/> at start-up; every message names the key it is about.</summary>
internal sealed class GenesysCloudRedisOptionsValidator : IValidateOptions<GenesysCloudRedisOptions>
{
    public ValidateOptionsResult Validate(string? name, GenesysCloudRedisOptions options)
    {
        var path = options.SectionPath ?? RedisKeyNames.DefaultSectionPath(name ?? string.Empty);
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.Any(c => char.IsWhiteSpace(c) || c is '{' or '}'))
        {
            failures.Add($"{path}:KeyPrefix must be a non-empty prefix without spaces or braces.");
        }

        Check(failures, path, nameof(options.LeaseDuration), options.LeaseDuration, TimeSpan.FromSeconds(1));
        Check(failures, path, nameof(options.TokenLockDuration), options.TokenLockDuration, TimeSpan.FromSeconds(1));
        Check(failures, path, nameof(options.OperationTimeout), options.OperationTimeout, TimeSpan.FromMilliseconds(10));
        Check(failures, path, nameof(options.ConnectTimeout), options.ConnectTimeout, TimeSpan.FromMilliseconds(10));
        Check(failures, path, nameof(options.RejoinInterval), options.RejoinInterval, TimeSpan.FromMilliseconds(10));
        if (options.OperationTimeout >= options.LeaseDuration)
        {
            failures.Add($"{path}:OperationTimeout ({options.OperationTimeout}) must be shorter than {path}:LeaseDuration ({options.LeaseDuration}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string path, string key, TimeSpan value, TimeSpan minimum)
    {
        if (value < minimum || value > TimeSpan.FromDays(1))
        {
            failures.Add($"{path}:{key} must be between {minimum} and 1 day (was {value}).");
        }
    }
}
