namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>A string option that, when set, must be a UUID (8-4-4-4-12 hexadecimal digits).</summary>
internal sealed class UuidRuleAttribute(string errorCode) : GenesysCloudOptionRuleAttribute(errorCode)
{
    protected override string? Check(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || Guid.TryParseExact(text.Trim(), "D", out _)
            ? null
            : $"must be a UUID (8-4-4-4-12 hexadecimal digits); the value '{Show(text)}' is not.";
}
