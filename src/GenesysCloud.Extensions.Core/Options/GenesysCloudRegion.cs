namespace GenesysCloud.Extensions.Options;

/// <summary>
/// A Genesys Cloud region: its name (for example <c>us-east-1</c>) and the domain its API and login hosts live under.
/// </summary>
public sealed class GenesysCloudRegion
{
    internal GenesysCloudRegion(string name, string domain)
    {
        Name = name;
        Domain = domain;
        ApiBaseAddress = new Uri($"https://api.{domain}/");
        LoginBaseAddress = new Uri($"https://login.{domain}/");
    }

    /// <summary>Gets the region's name, for example <c>us-east-1</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the region's domain, for example <c>mypurecloud.com</c>.</summary>
    public string Domain { get; }

    /// <summary>Gets the API base address, <c>https://api.{domain}/</c>.</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>Gets the login (OAuth) base address, <c>https://login.{domain}/</c>.</summary>
    public Uri LoginBaseAddress { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
