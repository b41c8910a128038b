using System.ComponentModel.DataAnnotations;

namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>
/// A single-value rule of <see cref="GenesysCloudOptions"/>, checked by the source-generated
/// <see cref="GenesysCloudOptionsAttributeValidator"/>. The failure names the option by its configuration path relative
/// to the bound section (<c>RateLimiting:MaxConcurrentRequests</c>), says what is wrong with the value — never the value
/// of a secret — and ends with the stable error code; <see cref="GenesysCloudOptionsValidator"/> puts the section in front.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
internal abstract class GenesysCloudOptionRuleAttribute : ValidationAttribute
{
    /// <summary>The display name the validator is called with: every member's display name starts with it.</summary>
    public const string Root = "§";

    protected GenesysCloudOptionRuleAttribute(string errorCode) => ErrorCode = errorCode;

    public string ErrorCode { get; }

    /// <summary>Turns the generated validator's display name (<c>§.RateLimiting.Mode</c>) into a configuration key.</summary>
    public static string KeyOf(ValidationContext context) =>
        context.DisplayName.StartsWith(Root + ".", StringComparison.Ordinal)
            ? context.DisplayName[(Root.Length + 1)..].Replace('.', ':')
            : context.MemberName ?? context.DisplayName;

    /// <summary>Returns what is wrong with <paramref name="value"/> ("must be …; the value … is not"), or <see langword="null"/>.</summary>
    protected abstract string? Check(object? value);

    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problem = Check(value);
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult($"{KeyOf(validationContext)} {problem} [{ErrorCode}]", validationContext.MemberName is { } member ? [member] : null);
    }

    protected static string Show(object? value) => value switch
    {
        null => "(none)",
        string { Length: > 64 } text => string.Concat(text.AsSpan(0, 64), "…"),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
