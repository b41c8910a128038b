namespace GenesysCloud.Extensions.Errors;

/// <summary>
/// The client's lifecycle state does not allow the operation (calling the API before the host started the
/// client or after it closed or failed, connecting twice, closing before connecting).
/// </summary>
public sealed class GenesysCloudClientStateException : GenesysCloudException
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudClientStateException"/> class.</summary>
    /// <param name="errorCode">A stable code from <see cref="GenesysCloudErrorCodes"/>.</param>
    /// <param name="state">The state the client was in.</param>
    /// <param name="message">A message for people.</param>
    public GenesysCloudClientStateException(string errorCode, GenesysCloudClientState state, string message)
        : base(errorCode, message)
    {
        State = state;
    }

    /// <summary>Gets the state the client was in.</summary>
    public GenesysCloudClientState State { get; }
}
