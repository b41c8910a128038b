namespace GenesysCloud.Extensions.Options;

/// <summary>How the client paces call starts.</summary>
public enum GenesysCloudPacingMode
{
    /// <summary>Learn the budget from the <c>inin-ratelimit-*</c> headers and spend it as fast as the server allows.</summary>
    Adaptive = 0,

    /// <summary>At most one start per <see cref="GenesysCloudRateLimitingOptions.TimeBetweenRequests"/> (the original client's pacing).</summary>
    Fixed = 1,
}
