namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// What every simulated organization has: its OAuth client, its rate budgets, its token endpoint throttle and the seed and
/// size of its data. The default organization takes these from <see cref="GenesysCloudSimulatorOptions"/>; each additional
/// one (<see cref="GenesysCloudSimulatorOptions.Organizations"/>) from a <see cref="SimulatorOrganizationOptions"/>.
/// </summary>
public abstract class SimulatorOrganizationSettings
{
    private protected SimulatorOrganizationSettings(string name, string clientId, string clientSecret, int seed)
    {
        Name = name;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Seed = seed;
    }

    /// <summary>
    /// Gets or sets the organization's short name: how tests and the control API address it, and the <c>orgName</c> the
    /// SAML2-bearer grant expects. Names are unique within a simulator, compared case-insensitively.
    /// </summary>
    /// <remarks>Defaults to <see cref="GenesysCloudSimulatorOptions.DefaultOrganizationName"/> for the default organization.</remarks>
    public string Name { get; set; }

    /// <summary>Gets or sets the id of the organization's client-credentials OAuth client. Client ids are unique across organizations.</summary>
    /// <remarks>Defaults to <see cref="GenesysCloudSimulatorOptions.DefaultClientId"/> for the default organization and to a UUID derived from the name for an additional one.</remarks>
    public string ClientId { get; set; }

    /// <summary>Gets or sets the secret of the organization's client-credentials OAuth client.</summary>
    /// <remarks>Defaults to <see cref="GenesysCloudSimulatorOptions.DefaultClientSecret"/> for the default organization and to <c>simulator-secret-{name}</c> for an additional one.</remarks>
    public string ClientSecret { get; set; }

    /// <summary>Gets or sets how long an issued access token stays valid (<c>expires_in</c>).</summary>
    /// <remarks>Defaults to 86,400 seconds, as Genesys Cloud does.</remarks>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(86_400);

    /// <summary>Gets or sets the number of API requests each token may make per <see cref="RateWindow"/>; <see langword="null"/> or 0 means unlimited.</summary>
    /// <remarks>Defaults to 300, Genesys Cloud's per-token budget.</remarks>
    public int? RateLimit { get; set; } = 300;

    /// <summary>Gets or sets the length of the fixed rate-limit window for API requests.</summary>
    /// <remarks>Defaults to 60 seconds. Benchmarks shrink it to scale time.</remarks>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the number of token requests each client id may make per <see cref="TokenRateWindow"/>; <see langword="null"/> or 0 means unlimited.</summary>
    /// <remarks>Defaults to 300. The token endpoint has its own budget, separate from the API's.</remarks>
    public int? TokenRateLimit { get; set; } = 300;

    /// <summary>Gets or sets the length of the fixed rate-limit window for the token endpoint.</summary>
    /// <remarks>Defaults to 60 seconds.</remarks>
    public TimeSpan TokenRateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how the token endpoint answers when its budget is spent.</summary>
    /// <remarks>Defaults to <see cref="TokenThrottleResponse.GenesysBadRequest"/>, the login service's HTTP 400 <c>invalid_request</c>.</remarks>
    public TokenThrottleResponse TokenThrottleResponse { get; set; } = TokenThrottleResponse.GenesysBadRequest;

    /// <summary>
    /// Gets or sets the seed of the organization's data; for the default organization also of the latency draws and the
    /// probabilistic faults. The same seed always produces the same organization.
    /// </summary>
    /// <remarks>Defaults to <see cref="GenesysCloudSimulatorOptions.DefaultSeed"/> (42) for the default organization and to a number derived from the name for an additional one.</remarks>
    public int Seed { get; set; }

    /// <summary>Gets or sets the number of routing queues in the seeded organization.</summary>
    /// <remarks>Defaults to 40.</remarks>
    public int QueueCount { get; set; } = 40;

    /// <summary>Gets or sets the largest number of members a seeded queue gets (each has 0 to this many).</summary>
    /// <remarks>Defaults to 250.</remarks>
    public int MaxMembersPerQueue { get; set; } = 250;

    /// <summary>Gets or sets the number of users in the seeded organization.</summary>
    /// <remarks>Defaults to 500; raised to <see cref="MaxMembersPerQueue"/> when smaller.</remarks>
    public int UserCount { get; set; } = 500;

    /// <summary>Gets or sets the number of wrap-up codes in the seeded organization.</summary>
    /// <remarks>Defaults to 25.</remarks>
    public int WrapupCodeCount { get; set; } = 25;

    /// <summary>
    /// Gets the organization's OAuth clients besides its client-credentials one (<see cref="ClientId"/>): code-authorization,
    /// PKCE and SAML2-bearer clients whose tokens act as a user, or more client-credentials clients.
    /// </summary>
    /// <remarks>Defaults to none.</remarks>
    public IList<SimulatorOAuthClient> OAuthClients { get; } = [];

    /// <summary>
    /// Gets the SAML identity providers the organization trusts for the SAML2-bearer grant, besides its built-in one
    /// (<see cref="SimulatorOrganization.IdentityProvider"/>).
    /// </summary>
    /// <remarks>Defaults to none.</remarks>
    public IList<SimulatorIdentityProvider> IdentityProviders { get; } = [];

    /// <summary>Gets or sets how long an authorization code from <c>/oauth/authorize</c> can be exchanged; codes are single use.</summary>
    /// <remarks>Defaults to 5 minutes.</remarks>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how long an asynchronous analytics details job takes on the simulator's clock: <c>QUEUED</c> for its first
    /// fifth, <c>PENDING</c> for the rest, then <c>FULFILLED</c>.
    /// </summary>
    /// <remarks>Defaults to 5 seconds.</remarks>
    public TimeSpan AnalyticsJobDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a fulfilled analytics job's results stay available (its <c>expirationDate</c>); then the job is <c>EXPIRED</c>.</summary>
    /// <remarks>Defaults to 24 hours.</remarks>
    public TimeSpan AnalyticsJobResultLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the average number of conversations per hour in the organization's analytics history (each hour draws 0 to twice this many).</summary>
    /// <remarks>Defaults to 12.</remarks>
    public int AnalyticsConversationsPerHour { get; set; } = 12;

    /// <summary>Gets or sets how long a refresh token stays valid; each refresh rotates it (the old one is spent).</summary>
    /// <remarks>Defaults to 30 days.</remarks>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
