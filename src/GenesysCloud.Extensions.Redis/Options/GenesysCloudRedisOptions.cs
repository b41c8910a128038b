namespace GenesysCloud.Extensions.Redis.Options;

/// <summary>Options of a client's fleet coordination through Redis (named after the client; validated at start-up).</summary>
public sealed class GenesysCloudRedisOptions
{
    /// <summary>Gets or sets the prefix of every key and channel; the client's API host and OAuth client id follow it.</summary>
    /// <remarks>Defaults to <c>genesyscloud</c>. Keys look like <c>genesyscloud:{api.mypurecloud.com|client-id}:token:0</c>.</remarks>
    public string KeyPrefix { get; set; } = "genesyscloud";

    /// <summary>Gets or sets how long a replica's lease on a shared token lives without renewal (renewed every third of it).</summary>
    /// <remarks>Defaults to 30 seconds. A crashed replica stops holding the token back from deletion after this.</remarks>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the lock of a token refresh lives: a replica that dies holding it delays the others at most this long.</summary>
    /// <remarks>Defaults to 10 seconds.</remarks>
    public TimeSpan TokenLockDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the longest a Redis operation may take before the client falls back to local mode.</summary>
    /// <remarks>Defaults to 1 second.</remarks>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest the client waits for its first connection to Redis before it starts in local mode.</summary>
    /// <remarks>Defaults to 5 seconds. Only the first connection: later reconnections happen in the background.</remarks>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how often a client in local mode checks whether Redis answers again.</summary>
    /// <remarks>Defaults to 5 seconds.</remarks>
    public TimeSpan RejoinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the configuration path that validation messages name.</summary>
    /// <remarks>Set by <c>UseRedis</c>: <c>GenesysCloud:Redis</c>, or <c>GenesysCloud(name):Redis</c> for a named client.</remarks>
    public string? SectionPath { get; set; }
}
