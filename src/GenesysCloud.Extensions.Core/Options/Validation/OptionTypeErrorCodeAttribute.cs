namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>The error code reported when the configured text of this option cannot be read as its type (default
/// <see cref="Errors.GenesysCloudErrorCodes.OptionTypeInvalid"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class OptionTypeErrorCodeAttribute(string errorCode) : Attribute
{
    public string ErrorCode { get; } = errorCode;
}
