namespace GenesysCloud.Extensions.Coordination;

/// <summary>How a client coordinates with the other replicas of its fleet.</summary>
public enum GenesysCloudCoordinationMode
{
    /// <summary>No coordination is configured: the client decides alone.</summary>
    Local,

    /// <summary>The client shares tokens, budgets and suspensions with its fleet.</summary>
    Fleet,

    /// <summary>Coordination is configured but unavailable: the client decides alone until it can rejoin.</summary>
    Fallback,
}
