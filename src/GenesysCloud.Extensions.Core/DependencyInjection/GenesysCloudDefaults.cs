using GenesysCloud.Extensions.Options;

namespace GenesysCloud.Extensions.DependencyInjection;

/// <summary>
/// The options every client starts from (<c>ConfigureGenesysCloudDefaults</c>), applied before the client's own section
/// and delegates — to registered clients through options configuration, to run-time clients by the factory.
/// </summary>
internal sealed class GenesysCloudDefaults
{
    private readonly List<Action<GenesysCloudOptions>> _actions = [];

    public void Add(Action<GenesysCloudOptions> action) => _actions.Add(action);

    public void Apply(GenesysCloudOptions options)
    {
        foreach (var action in _actions)
        {
            action(options);
        }
    }
}
