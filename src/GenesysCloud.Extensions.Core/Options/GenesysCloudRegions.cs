using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace GenesysCloud.Extensions.Options;

/// <summary>
/// The complete table of Genesys Cloud regions.
/// </summary>
public static class GenesysCloudRegions
{
    private static readonly Dictionary<string, GenesysCloudRegion> ByName = new GenesysCloudRegion[]
    {
        new("us-east-1", "mypurecloud.com"),
        new("us-east-2", "use2.us-gov-pure.cloud"),
        new("us-west-2", "usw2.pure.cloud"),
        new("ca-central-1", "cac1.pure.cloud"),
        new("sa-east-1", "sae1.pure.cloud"),
        new("mx-central-1", "mxc1.pure.cloud"),
        new("eu-west-1", "mypurecloud.ie"),
        new("eu-west-2", "euw2.pure.cloud"),
        new("eu-central-1", "mypurecloud.de"),
        new("eu-central-2", "euc2.pure.cloud"),
        new("eusc-de-east-1", "edee1.eusc-pure.cloud"),
        new("me-central-1", "mec1.pure.cloud"),
        new("ap-south-1", "aps1.pure.cloud"),
        new("ap-northeast-1", "mypurecloud.jp"),
        new("ap-northeast-2", "apne2.pure.cloud"),
        new("ap-northeast-3", "apne3.pure.cloud"),
        new("ap-southeast-1", "apse1.pure.cloud"),
        new("ap-southeast-2", "mypurecloud.com.au"),
    }.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ApiHosts = ByName.Values.Select(r => r.ApiBaseAddress.Host).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets every region, ordered by name.</summary>
    public static IReadOnlyList<GenesysCloudRegion> All { get; } = [.. ByName.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>Finds a region by name (case-insensitive, surrounding white space ignored).</summary>
    /// <param name="name">The region's name, for example <c>eu-west-1</c>.</param>
    /// <param name="region">The region, when found.</param>
    /// <returns><see langword="true"/> when the region exists.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out GenesysCloudRegion? region)
    {
        region = null;
        return name is not null && ByName.TryGetValue(name.Trim(), out region);
    }

    /// <summary>Tells whether <paramref name="host"/> is the API host (<c>api.{domain}</c>) of one of the regions.</summary>
    /// <param name="host">A host name, for example <c>api.mypurecloud.com</c> (case-insensitive).</param>
    /// <returns><see langword="true"/> for a region's API host.</returns>
    internal static bool IsApiHost(string host) => ApiHosts.Contains(host);
}
