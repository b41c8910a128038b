using Microsoft.Extensions.Http.Resilience;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>User customizations of the retry strategy, applied when the pipeline is built.</summary>
internal sealed class GenesysCloudRetryCustomization
{
    public List<Action<HttpRetryStrategyOptions>> Actions { get; } = [];
}
