namespace GenesysCloud.Extensions.Coordination;

/// <summary>
/// Coordinates one client with the other replicas of a fleet: the tokens of its own identity
/// (<see cref="Tokens"/>) and their rate budgets and suspensions (<see cref="Rates"/>). Implementations never throw
/// for a coordination failure and answer within a bounded time: when the fleet cannot be reached they fall back to
/// local decisions and report it in <see cref="Status"/>.
/// </summary>
public interface IGenesysCloudCoordinator : IAsyncDisposable
{
    /// <summary>Gets the fleet's token store.</summary>
    IGenesysCloudTokenStore Tokens { get; }

    /// <summary>Gets the fleet's rate coordinator.</summary>
    IGenesysCloudRateCoordinator Rates { get; }

    /// <summary>Gets whether the client coordinates with its fleet now, and why not when it does not.</summary>
    GenesysCloudCoordinationStatus Status { get; }
}
