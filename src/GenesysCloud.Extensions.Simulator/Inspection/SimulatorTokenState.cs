namespace GenesysCloud.Extensions.Simulator;

/// <summary>Where an access or refresh token the simulator issued stands.</summary>
public enum SimulatorTokenState
{
    /// <summary>The token works.</summary>
    Active,

    /// <summary>The token's lifetime is over, or the control API made it expire.</summary>
    Expired,

    /// <summary>The client deleted it (<c>DELETE /api/v2/tokens/me</c>).</summary>
    Deleted,

    /// <summary>The control API revoked it, or (for a refresh token) it was replayed or its authorization code was reused.</summary>
    Revoked,

    /// <summary>A refresh token that was exchanged for a new one (refresh tokens rotate).</summary>
    Used,
}
