namespace GenesysCloud.Extensions;

/// <summary>
/// The lifecycle state of the Genesys Cloud client, owned by the hosted service.
/// </summary>
/// <remarks>
/// <c>Created → Connecting → Idle ⇄ Running → Closing → Closed</c>, with <c>Connecting → Failed</c> and
/// <c>Closing → Failed</c>. The names match the original Node.js client's states.
/// </remarks>
public enum GenesysCloudClientState
{
    /// <summary>The client exists but the host has not started it; calls are rejected.</summary>
    Created = 0,

    /// <summary>The client is obtaining its first access token; calls are queued until it has one.</summary>
    Connecting = 1,

    /// <summary>The client is connected and no call is active.</summary>
    Idle = 2,

    /// <summary>The client is connected and at least one call is queued or in flight.</summary>
    Running = 3,

    /// <summary>The host is stopping: the backlog drains (or is cleared), then the token is deleted.</summary>
    Closing = 4,

    /// <summary>The client has closed; calls are rejected.</summary>
    Closed = 5,

    /// <summary>Connecting or closing failed; calls are rejected.</summary>
    Failed = 6,
}
