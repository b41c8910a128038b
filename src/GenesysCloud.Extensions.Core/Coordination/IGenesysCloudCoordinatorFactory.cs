namespace GenesysCloud.Extensions.Coordination;

/// <summary>
/// Creates the coordinator of one client: registered as a keyed singleton under the client's name
/// (<see cref="string.Empty"/> for the unnamed client). Without one, the client decides alone (local mode).
/// </summary>
/// <remarks>For packages that coordinate a fleet of replicas, such as <c>GenesysCloud.Extensions.Redis</c>.</remarks>
public interface IGenesysCloudCoordinatorFactory
{
    /// <summary>Creates the coordinator of the client described by <paramref name="context"/>; called once per client.</summary>
    /// <param name="context">The client.</param>
    /// <returns>The coordinator; the client disposes it when it is disposed.</returns>
    IGenesysCloudCoordinator Create(GenesysCloudCoordinationContext context);
}
