using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// An organization served next to the default one (<see cref="GenesysCloudSimulatorOptions.Organizations"/>): its own OAuth
/// client, data, rate budgets and token throttle, and optionally its own loopback host, like an organization in another region.
/// </summary>
/// <example>
/// <code>
/// options.Organizations.Add(new SimulatorOrganizationOptions("fabrikam") { RateLimit = 100, Port = 0 });
/// </code>
/// </example>
public sealed class SimulatorOrganizationOptions : SimulatorOrganizationSettings
{
    /// <summary>Creates the options of the organization <paramref name="name"/>, with credentials and a seed derived from the name.</summary>
    /// <param name="name">The organization's short name, e.g. <c>fabrikam</c>.</param>
    /// <remarks>
    /// <see cref="SimulatorOrganizationSettings.ClientId"/> defaults to a UUID derived from the name,
    /// <see cref="SimulatorOrganizationSettings.ClientSecret"/> to <c>simulator-secret-{name}</c> and
    /// <see cref="SimulatorOrganizationSettings.Seed"/> to a number derived from the name, so two organizations differ unless told otherwise.
    /// </remarks>
    public SimulatorOrganizationOptions(string name)
        : base(ThrowIfEmpty(name), DerivedClientId(name), "simulator-secret-" + name, DerivedSeed(name))
    {
    }

    /// <summary>
    /// Gets or sets the loopback port of the organization's own host: <see langword="null"/> serves it on the default host
    /// (tokens and client ids tell the organizations apart, as in one region), 0 on its own free port, any other value on that
    /// port (a separate host, as in another region: the other hosts reject its tokens).
    /// </summary>
    /// <remarks>Defaults to <see langword="null"/>.</remarks>
    public int? Port { get; set; }

    private static string ThrowIfEmpty(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }

    private static byte[] Hash(string name) => SHA256.HashData(Encoding.UTF8.GetBytes("GenesysCloud.Extensions.Simulator/organization/" + name));

    private static string DerivedClientId(string name)
    {
        var bytes = Hash(name).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    private static int DerivedSeed(string name) => BinaryPrimitives.ReadInt32LittleEndian(Hash(name).AsSpan(16)) & int.MaxValue;
}
