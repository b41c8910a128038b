using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options.Validation;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// Validates <see cref="GenesysCloudOptions"/> at start-up: the values that could not be bound, the single-value rules
/// declared on the options (checked by the source-generated <see cref="GenesysCloudOptionsAttributeValidator"/>), and
/// the rules that involve several options. Every failure starts with the configuration key under the section actually
/// bound (for example <c>GenesysCloud:Orgs:Contoso:SocketTimeout</c>), says what is wrong — never a secret's value — and
/// ends with the stable error code.
/// </summary>
internal sealed class GenesysCloudOptionsValidator : IValidateOptions<GenesysCloudOptions>
{
    private static readonly GenesysCloudOptionsAttributeValidator Rules = new();

    public ValidateOptionsResult Validate(string? name, GenesysCloudOptions options)
    {
        var prefix = options.SectionPath;
        var failures = new List<string>(options.BindingErrors);
        var rules = Rules.Validate(GenesysCloudOptionRuleAttribute.Root, options);
        if (rules.Failed)
        {
            // The generated validator reports "Member: message"; the message starts with the key relative to the section.
            foreach (var failure in rules.Failures)
            {
                var separator = failure.IndexOf(": ", StringComparison.Ordinal);
                failures.Add($"{prefix}:{(separator < 0 ? failure : failure[(separator + 2)..])}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Region) && (options.ApiBaseAddress is null || options.LoginBaseAddress is null))
        {
            failures.Add($"{prefix}:Region is required (for example us-east-1) unless both ApiBaseAddress and LoginBaseAddress are set. [{GenesysCloudErrorCodes.RegionTypeInvalid}]");
        }

        var retry = options.Retry;
        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{prefix}:Retry:MaxDelay must be at least {prefix}:Retry:BaseDelay; {retry.MaxDelay} is below {retry.BaseDelay}. [{GenesysCloudErrorCodes.OptionOutOfBounds}]");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
