using System.Collections.Concurrent;
using GenesysCloud.Extensions.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Every client of the container by name: the registered ones (built on first use from their keyed
/// <see cref="ClientComposition"/>) and those added at run time. The hosted service starts and stops what is here.
/// </summary>
internal sealed class GenesysCloudClientRegistry : IDisposable
{
    private readonly IServiceProvider _services;
    private readonly HashSet<string> _registered;
    private readonly ConcurrentDictionary<string, ClientComposition> _added = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public GenesysCloudClientRegistry(IServiceProvider services, IEnumerable<ClientRegistration> registrations)
    {
        _services = services;
        _registered = new HashSet<string>(registrations.Select(r => r.Name), StringComparer.Ordinal);
    }

    private HostPhase _phase;

    /// <summary>Where the host is: before start (the host connects what is added), started (an added client connects
    /// itself), or stopping (nothing can be added: the host would never close it).</summary>
    private enum HostPhase
    {
        NotStarted,
        Started,
        Stopping,
    }

    public IReadOnlyCollection<string> Names => [.. _registered.Concat(_added.Keys).Order(StringComparer.Ordinal)];

    public bool IsRegistered(string name) => _registered.Contains(name);

    public bool Contains(string name) => _registered.Contains(name) || _added.ContainsKey(name);

    public ClientComposition Get(string name)
    {
        if (_registered.Contains(name))
        {
            return _services.GetRequiredKeyedService<ClientComposition>(name);
        }

        return _added.TryGetValue(name, out var added)
            ? added
            : throw new GenesysCloudArgumentException(
                GenesysCloudErrorCodes.ClientNameUnknown,
                $"No Genesys Cloud client is named '{name}'. The clients are: {Describe(Names)}.",
                nameof(name));
    }

    /// <summary>Builds the registered clients (the hosted service does, once, when the host starts).</summary>
    public IReadOnlyList<ClientComposition> BuildRegistered() => [.. _registered.Select(n => _services.GetRequiredKeyedService<ClientComposition>(n))];

    /// <summary>Gets the clients added at run time (a snapshot).</summary>
    public IReadOnlyList<ClientComposition> Added => [.. _added.Values];

    /// <summary>Adds a run-time client.</summary>
    /// <returns><see langword="true"/> when the caller must connect it (the host has started already); otherwise the
    /// host connects it with the others when it starts.</returns>
    /// <exception cref="GenesysCloudClientStateException">The host is stopping.</exception>
    public bool Add(ClientComposition client)
    {
        lock (_lock)
        {
            if (_phase == HostPhase.Stopping)
            {
                throw new GenesysCloudClientStateException(
                    GenesysCloudErrorCodes.ConnectUnavailable,
                    GenesysCloudClientState.Closing,
                    $"The host is stopping: the Genesys Cloud client '{client.Name}' cannot be added now.");
            }

            if (Contains(client.Name) || !_added.TryAdd(client.Name, client))
            {
                throw Duplicate(client.Name);
            }

            return _phase == HostPhase.Started;
        }
    }

    /// <summary>Marks the host started and returns the clients added before: the host connects those, and every client
    /// added from now on connects itself, so none is connected twice or never.</summary>
    public IReadOnlyList<ClientComposition> Start()
    {
        lock (_lock)
        {
            _phase = HostPhase.Started;
            return [.. _added.Values];
        }
    }

    /// <summary>Marks the host stopping (no client can be added any more) and returns the run-time clients to close.</summary>
    public IReadOnlyList<ClientComposition> Stop()
    {
        lock (_lock)
        {
            _phase = HostPhase.Stopping;
            return [.. _added.Values];
        }
    }

    public ClientComposition? Remove(string name) => _added.TryRemove(name, out var client) ? client : null;

    public static GenesysCloudArgumentException Duplicate(string name) => new(
        GenesysCloudErrorCodes.ClientNameDuplicate,
        name.Length == 0 ? "The unnamed Genesys Cloud client is registered already." : $"A Genesys Cloud client named '{name}' exists already; names are unique.",
        nameof(name));

    public void Dispose()
    {
        foreach (var client in _added.Values)
        {
            client.Dispose();
        }
    }

    private static string Describe(IEnumerable<string> names)
    {
        var list = names.Select(n => n.Length == 0 ? "(the unnamed client)" : $"'{n}'").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
