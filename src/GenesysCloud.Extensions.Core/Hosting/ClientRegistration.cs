namespace GenesysCloud.Extensions.Hosting;

/// <summary>
/// Where a client's plumbing is configured: the names of its API and login <see cref="HttpClient"/>s, and the key of what
/// else is registered for it (the named options of its retry customizations, its keyed fleet coordinator factory). A client
/// registered by <c>AddGenesysCloud</c> has its own; the clients added at run time share <see cref="Runtime"/>, configured
/// by <c>ConfigureGenesysCloudRuntimeClients</c>.
/// </summary>
internal sealed record ClientRegistration(string Name, string ApiHttpClientName, string LoginHttpClientName, string ServiceKey)
{
    /// <summary>The name of what the clients added at run time share: their HTTP clients and retry customizations.</summary>
    public const string RuntimeName = "GenesysCloud.Runtime";

    /// <summary>The login <see cref="HttpClient"/> of the clients added at run time.</summary>
    public const string RuntimeLoginHttpClientName = "GenesysCloud.OAuth.Runtime";

    /// <summary>Gets the plumbing of a client added at run time as <paramref name="name"/>.</summary>
    public static ClientRegistration Runtime(string name) => new(name, RuntimeName, RuntimeLoginHttpClientName, RuntimeName);
}
