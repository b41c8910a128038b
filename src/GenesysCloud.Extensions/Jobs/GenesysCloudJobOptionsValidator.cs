using GenesysCloud.Extensions.Errors;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Jobs;

/// <summary>Checks <see cref="GenesysCloudJobOptions"/> at start-up; each failure names the key and the error code.</summary>
internal sealed class GenesysCloudJobOptionsValidator(string sectionPath) : IValidateOptions<GenesysCloudJobOptions>
{
    public ValidateOptionsResult Validate(string? name, GenesysCloudJobOptions options)
    {
        var failures = new List<string>();
        var max = GenesysCloudJobOptions.MaxAllowedPollDelay;
        if (options.PollDelay <= TimeSpan.Zero || options.PollDelay > max)
        {
            failures.Add($"{sectionPath}:PollDelay must be greater than 00:00:00 and at most {max}; it is {options.PollDelay}. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (options.MaxPollDelay < options.PollDelay || options.MaxPollDelay > max)
        {
            failures.Add($"{sectionPath}:MaxPollDelay must be at least PollDelay ({options.PollDelay}) and at most {max}; it is {options.MaxPollDelay}. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        if (options.ResultsPageSize < 1)
        {
            failures.Add($"{sectionPath}:ResultsPageSize must be at least 1 when set; it is {options.ResultsPageSize}. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
