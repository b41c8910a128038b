using GenesysCloud.Extensions.Simulator.OAuth;

namespace GenesysCloud.Extensions.Simulator.Hosting;

/// <summary>
/// One loopback port and the organizations it serves, like one region's login and API hosts. A token or client id is only
/// known to the host of its organization.
/// </summary>
internal sealed class SimulatorHost(int port, IReadOnlyList<SimulatorOrganization> organizations)
{
    /// <summary>Gets the port asked for; 0 picks a free one.</summary>
    public int Port { get; } = port;

    /// <summary>Gets the organizations served here, the host's first (and for the default host, the default) one first.</summary>
    public IReadOnlyList<SimulatorOrganization> Organizations { get; } = organizations;

    public SimulatorOrganization Primary => Organizations[0];

    /// <summary>Gets the base address once the host listens.</summary>
    public Uri BaseAddress { get; set; } = null!;

    /// <summary>Finds a token of one of the host's organizations, whatever its state.</summary>
    public IssuedToken? PeekToken(string value)
    {
        foreach (var organization in Organizations)
        {
            if (organization.Tokens.Peek(value) is { } token)
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>Finds the organization on this host that owns <paramref name="clientId"/>.</summary>
    public SimulatorOrganization? FindClientOrganization(string clientId)
    {
        foreach (var organization in Organizations)
        {
            if (organization.HasClient(clientId))
            {
                return organization;
            }
        }

        return null;
    }
}
