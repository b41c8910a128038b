namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>A region option that, when set, must name a Genesys Cloud region of <see cref="GenesysCloudRegions"/>.</summary>
internal sealed class RegionRuleAttribute(string errorCode) : GenesysCloudOptionRuleAttribute(errorCode)
{
    protected override string? Check(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || GenesysCloudRegions.TryGet(text, out _)
            ? null
            : $"must be a Genesys Cloud region ({string.Join(", ", GenesysCloudRegions.All.Select(r => r.Name))}); the value '{Show(text)}' is not.";
}
