using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>The single-value rules declared on <see cref="GenesysCloudOptions"/>, checked by source-generated code.</summary>
[OptionsValidator]
internal sealed partial class GenesysCloudOptionsAttributeValidator : IValidateOptions<GenesysCloudOptions>
{
}
