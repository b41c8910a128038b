namespace GenesysCloud.Extensions;

/// <summary>
/// Describes a transition of <see cref="IGenesysCloudClient.State"/>.
/// </summary>
public sealed class GenesysCloudClientStateChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="GenesysCloudClientStateChangedEventArgs"/> class.</summary>
    /// <param name="previousState">The state before the transition.</param>
    /// <param name="newState">The state after the transition.</param>
    public GenesysCloudClientStateChangedEventArgs(GenesysCloudClientState previousState, GenesysCloudClientState newState)
    {
        PreviousState = previousState;
        NewState = newState;
    }

    /// <summary>Gets the state before the transition.</summary>
    public GenesysCloudClientState PreviousState { get; }

    /// <summary>Gets the state after the transition.</summary>
    public GenesysCloudClientState NewState { get; }
}
