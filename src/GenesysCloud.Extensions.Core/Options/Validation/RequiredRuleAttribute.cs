namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>A required string option; <paramref name="meaning"/> tells what to set.</summary>
internal sealed class RequiredRuleAttribute(string meaning, string errorCode) : GenesysCloudOptionRuleAttribute(errorCode)
{
    protected override string? Check(object? value) =>
        value is string text && !string.IsNullOrWhiteSpace(text) ? null : $"is required: {meaning}.";
}
