namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>An enum option whose value must be one of the enum's names.</summary>
internal sealed class DefinedRuleAttribute(Type enumType, string errorCode) : GenesysCloudOptionRuleAttribute(errorCode)
{
    protected override string? Check(object? value) =>
        value is not null && value.GetType() == enumType && Enum.IsDefined(enumType, value)
            ? null
            : $"must be one of {string.Join(", ", Enum.GetNames(enumType))}; the value {Show(value)} is not.";
}
