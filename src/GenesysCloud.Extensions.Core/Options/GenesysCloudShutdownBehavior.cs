namespace GenesysCloud.Extensions.Options;

/// <summary>What happens to queued calls when the host stops.</summary>
public enum GenesysCloudShutdownBehavior
{
    /// <summary>Run the backlog to the end, bounded by the host's shutdown timeout; what remains then fails.</summary>
    Drain = 0,

    /// <summary>Fail every call still in the backlog at once; calls in flight finish.</summary>
    ClearBacklog = 1,
}
