namespace GenesysCloud.Extensions.Coordination;

/// <summary>Whether a client coordinates with its fleet (<see cref="IGenesysCloudCoordinator.Status"/>), reported by its health check.</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Reason">Why the client runs in <see cref="GenesysCloudCoordinationMode.Fallback"/>, or <see langword="null"/>. Never holds a secret.</param>
/// <param name="Fallbacks">How many times the client fell back to local mode.</param>
public sealed record GenesysCloudCoordinationStatus(GenesysCloudCoordinationMode Mode, string? Reason = null, long Fallbacks = 0)
{
    /// <summary>Gets the status of a client without coordination.</summary>
    public static GenesysCloudCoordinationStatus Local { get; } = new(GenesysCloudCoordinationMode.Local);
}
