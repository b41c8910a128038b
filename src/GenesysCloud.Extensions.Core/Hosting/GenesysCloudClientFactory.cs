using System.Collections.Concurrent;
using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.DependencyInjection;
using GenesysCloud.Extensions.Errors;
using GenesysCloud.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Resolves clients and their API interfaces by name, and adds and removes clients at run time. A registered client's
/// interfaces are its keyed services; a run-time client's are created once through the generated
/// <see cref="IGenesysCloudApiProvider"/> and kept until the client is removed.
/// </summary>
internal sealed class GenesysCloudClientFactory : IGenesysCloudClientFactory
{
    private readonly IServiceProvider _services;
    private readonly GenesysCloudClientRegistry _registry;
    private readonly GenesysCloudDefaults _defaults;
    private readonly IValidateOptions<GenesysCloudOptions>[] _validators;
    private readonly IGenesysCloudApiProvider? _apis;
    private readonly ConcurrentDictionary<(string Name, Type Api), object> _runtimeApis = new();

    public GenesysCloudClientFactory(
        IServiceProvider services,
        GenesysCloudClientRegistry registry,
        GenesysCloudDefaults defaults,
        IEnumerable<IValidateOptions<GenesysCloudOptions>> validators)
    {
        _services = services;
        _registry = registry;
        _defaults = defaults;
        _validators = [.. validators];
        _apis = services.GetService<IGenesysCloudApiProvider>();
    }

    public IReadOnlyCollection<string> Names => _registry.Names;

    public IGenesysCloudClient GetClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _registry.Get(name).Client;
    }

    public TApi GetApi<TApi>(string name)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_registry.IsRegistered(name))
        {
            var api = name.Length == 0 ? _services.GetService<TApi>() : _services.GetKeyedService<TApi>(name);
            return api ?? throw NotAnApi(typeof(TApi));
        }

        var client = _registry.Get(name).Client;
        return (TApi)_runtimeApis.GetOrAdd((name, typeof(TApi)), static (key, state) =>
            state.Apis?.Create(key.Api, state.Client) ?? throw NotAnApi(key.Api), (Apis: _apis, Client: (IGenesysCloudClient)client));
    }

    public async Task<IGenesysCloudClient> AddClientAsync(string name, Action<GenesysCloudOptions> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        GenesysCloudClientNames.ValidateNamed(name, nameof(name));

        var options = new GenesysCloudOptions();
        _defaults.Apply(options);
        options.SectionPath = GenesysCloudClientNames.CodePath(name);
        configure(options);
        Validate(name, options);

        var composition = ClientComposition.Create(_services, ClientRegistration.Runtime(name), options);
        bool connectNow;
        try
        {
            connectNow = _registry.Add(composition);
        }
        catch
        {
            composition.Dispose();
            throw;
        }

        if (!connectNow)
        {
            // The host connects it with the others when it starts.
            return composition.Client;
        }

        try
        {
            await GenesysCloudHostedService.ConnectAsync(composition, cancellationToken).ConfigureAwait(false);
            return composition.Client;
        }
        catch
        {
            // A client that cannot connect is not kept: the caller may fix its options and add it again.
            _registry.Remove(name);
            await CloseAndDisposeAsync(composition, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task RemoveClientAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_registry.IsRegistered(name))
        {
            throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ClientNameInvalid,
                $"The Genesys Cloud client {Describe(name)} is registered with AddGenesysCloud and lives as long as the host; only clients added at run time can be removed.",
                nameof(name));
        }

        var composition = _registry.Remove(name) ?? throw new GenesysCloudArgumentException(
            GenesysCloudErrorCodes.ClientNameUnknown,
            $"No Genesys Cloud client named '{name}' was added at run time.",
            nameof(name));
        foreach (var key in _runtimeApis.Keys.Where(k => string.Equals(k.Name, name, StringComparison.Ordinal)))
        {
            _runtimeApis.TryRemove(key, out _);
        }

        await CloseAndDisposeAsync(composition, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CloseAndDisposeAsync(ClientComposition composition, CancellationToken cancellationToken)
    {
        try
        {
            await GenesysCloudHostedService.CloseAsync(composition, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            composition.Dispose();
        }
    }

    private static GenesysCloudArgumentException NotAnApi(Type type) => new(
        GenesysCloudErrorCodes.ApiTypeUnknown,
        $"{type.FullName} is not a Genesys Cloud API category interface (such as IRoutingApi); the GenesysCloud.Extensions package registers them.",
        "TApi");

    private static string Describe(string name) => name.Length == 0 ? "(the unnamed client)" : $"'{name}'";

    private void Validate(string name, GenesysCloudOptions options)
    {
        var failures = new List<string>();
        foreach (var validator in _validators)
        {
            var result = validator.Validate(name, options);
            if (result.Failed)
            {
                failures.AddRange(result.Failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(GenesysCloudOptions), failures);
        }
    }
}
