namespace GenesysCloud.Extensions.Coordination;

/// <summary>What a <see cref="IGenesysCloudCoordinatorFactory"/> knows of the client it coordinates. Holds no secret.</summary>
public sealed class GenesysCloudCoordinationContext
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudCoordinationContext"/> class.</summary>
    /// <param name="clientName">The client's name (<see cref="string.Empty"/> for the unnamed client).</param>
    /// <param name="clientId">The OAuth client id of the client's own identity.</param>
    /// <param name="apiBaseAddress">The API host (the organization's region).</param>
    /// <param name="tokenCount">The number of tokens of the client's own identity (its token pool size).</param>
    public GenesysCloudCoordinationContext(string clientName, string clientId, Uri apiBaseAddress, int tokenCount)
    {
        ArgumentNullException.ThrowIfNull(clientName);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(apiBaseAddress);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenCount, 1);
        ClientName = clientName;
        ClientId = clientId;
        ApiBaseAddress = apiBaseAddress;
        TokenCount = tokenCount;
    }

    /// <summary>Gets the client's name (<see cref="string.Empty"/> for the unnamed client).</summary>
    public string ClientName { get; }

    /// <summary>Gets the OAuth client id of the client's own identity: with <see cref="ApiBaseAddress"/> it names the organization.</summary>
    public string ClientId { get; }

    /// <summary>Gets the API host (the organization's region).</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>Gets the number of tokens (slots <c>0</c> to <c>TokenCount − 1</c>) of the client's own identity.</summary>
    public int TokenCount { get; }
}
