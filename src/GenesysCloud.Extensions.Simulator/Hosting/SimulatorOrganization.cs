using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using GenesysCloud.Extensions.Simulator.Analytics;
using GenesysCloud.Extensions.Simulator.Hosting;
using GenesysCloud.Extensions.Simulator.OAuth;
using GenesysCloud.Extensions.Simulator.Organization;
using GenesysCloud.Extensions.Simulator.RateLimiting;

namespace GenesysCloud.Extensions.Simulator;

/// <summary>
/// One organization of a running simulator: where it is served, its credentials, what its inspector saw, and the controls
/// that act on it alone (tokens, rate-limit storms). Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var fabrikam = sim.GetOrganization("fabrikam");
/// // point a client at fabrikam.LoginBaseAddress / fabrikam.ApiBaseAddress with fabrikam.ClientId / fabrikam.ClientSecret
/// Assert.Single(fabrikam.Inspector.Tokens);
/// </code>
/// </example>
public sealed class SimulatorOrganization
{
    private readonly SimulatorInspector _simulatorInspector;
    private readonly SimulatorFaults _faults;
    private readonly IReadOnlyList<SimulatorIdentityProvider> _identityProviders;
    private readonly Lazy<SimulatorIdentityProvider> _builtInIdentityProvider;
    private string? _signedInUserId;

    internal SimulatorOrganization(
        SimulatorOrganizationSettings settings,
        bool isDefault,
        TimeProvider timeProvider,
        int maxRecordedRequests,
        SimulatorInspector simulatorInspector,
        SimulatorFaults faults,
        SimulatorNotificationOptions notificationOptions,
        CancellationToken stopping)
    {
        _simulatorInspector = simulatorInspector;
        _faults = faults;
        Name = settings.Name;
        ClientId = settings.ClientId;
        ClientSecret = settings.ClientSecret;
        TokenLifetime = settings.TokenLifetime;
        TokenThrottleResponse = settings.TokenThrottleResponse;
        TimeProvider = timeProvider;

        // The default organization keeps the display name it always had; the others are called by their names.
        Store = OrganizationGenerator.Generate(settings, isDefault ? $"Simulated Organization {settings.Seed}" : settings.Name, timeProvider);
        Tokens = new TokenStore(timeProvider);
        ApiLimiter = new FixedWindowRateLimiter(settings.RateLimit, settings.RateWindow, timeProvider);
        TokenLimiter = new FixedWindowRateLimiter(settings.TokenRateLimit, settings.TokenRateWindow, timeProvider);
        Inspector = new SimulatorInspector(maxRecordedRequests, timeProvider, [this]);
        UserGrants = new UserGrantStore(timeProvider, settings.AuthorizationCodeLifetime, settings.RefreshTokenLifetime);
        Clients = new Dictionary<string, SimulatorOAuthClient>(StringComparer.Ordinal)
        {
            [ClientId] = SimulatorOAuthClient.ClientCredentials(ClientId, ClientSecret),
        };
        foreach (var client in settings.OAuthClients)
        {
            Clients[client.ClientId] = client;
        }

        OAuthClients = [.. settings.OAuthClients];
        AnalyticsJobs = new SimulatorAnalyticsJobs(
            Store.OrganizationId,
            new AnalyticsDataGenerator(AnalyticsRoster.Capture(settings.Seed, Store), settings.AnalyticsConversationsPerHour),
            timeProvider,
            settings.AnalyticsJobDuration,
            settings.AnalyticsJobResultLifetime);
        Notifications = new SimulatorNotifications(notificationOptions, this, settings.Seed, stopping);
        _identityProviders = [.. settings.IdentityProviders];
        _builtInIdentityProvider = new Lazy<SimulatorIdentityProvider>(() => new SimulatorIdentityProvider(BuiltInIssuer, CreateSigningCertificate(Name)));
    }

    /// <summary>Gets the issuer of the built-in identity provider, <c>https://idp.simulator.invalid/{name}</c>.</summary>
    public string BuiltInIssuer => "https://idp.simulator.invalid/" + Uri.EscapeDataString(Name);

    /// <summary>
    /// Gets the identity provider the organization always trusts, with its signing key (RSA 2048, self-signed, made on first
    /// use): mint assertions for SAML2-bearer tests with <see cref="CreateSamlAssertion"/> or
    /// <see cref="SimulatorIdentityProvider.CreateAssertion"/>.
    /// </summary>
    public SimulatorIdentityProvider IdentityProvider => _builtInIdentityProvider.Value;

    /// <summary>Mints an assertion from the built-in identity provider, valid from now for <paramref name="lifetime"/> on the simulator's clock.</summary>
    /// <param name="nameId">The subject: a user's email, username or id.</param>
    /// <param name="lifetime">How long it is valid; 5 minutes when <see langword="null"/>.</param>
    /// <returns>The base64-encoded assertion, for the <c>assertion</c> form field.</returns>
    public string CreateSamlAssertion(string nameId, TimeSpan? lifetime = null)
    {
        var now = TimeProvider.GetUtcNow();
        return IdentityProvider.CreateAssertion(nameId, now, now + (lifetime ?? TimeSpan.FromMinutes(5)));
    }

    /// <summary>Gets the organization's short name.</summary>
    public string Name { get; }

    /// <summary>Gets the organization's id (a UUID drawn from its seed), as <c>GET /api/v2/tokens/me</c> reports it.</summary>
    public string Id => Store.OrganizationId;

    /// <summary>Gets the base address of the organization's API host, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri ApiBaseAddress => Host.BaseAddress;

    /// <summary>Gets the base address of the organization's login host (<c>/oauth/token</c>); the same as <see cref="ApiBaseAddress"/>.</summary>
    public Uri LoginBaseAddress => Host.BaseAddress;

    /// <summary>Gets the id of the organization's client-credentials OAuth client.</summary>
    public string ClientId { get; }

    /// <summary>Gets the secret of the organization's client-credentials OAuth client.</summary>
    public string ClientSecret { get; }

    /// <summary>Gets the organization's OAuth clients besides the client-credentials one.</summary>
    public IReadOnlyList<SimulatorOAuthClient> OAuthClients { get; }

    /// <summary>Gets the organization's asynchronous analytics details jobs and their controls (fail, expire, fail the next one).</summary>
    public SimulatorAnalyticsJobs AnalyticsJobs { get; }

    /// <summary>Gets the organization's Notifications service: its channels, the events of its activity and the socket faults.</summary>
    public SimulatorNotifications Notifications { get; }

    /// <summary>Gets a snapshot of the organization's users, in seeded order.</summary>
    public IReadOnlyList<SimulatorUser> Users =>
        [.. Store.ListUsers().Select(static u => new SimulatorUser((string)u["id"]!, (string?)u["name"] ?? string.Empty, (string?)u["email"] ?? string.Empty))];

    /// <summary>
    /// Gets or sets the id of the user <c>/oauth/authorize</c> signs in when the request has no <c>login_hint</c>;
    /// <see langword="null"/> (the default) signs in the first user.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not the id or email of a user of the organization.</exception>
    public string? SignedInUserId
    {
        get => Volatile.Read(ref _signedInUserId);
        set => Volatile.Write(ref _signedInUserId, value is null ? null : FindUser(value) is { } user ? (string)user["id"]! : throw new ArgumentException($"Organization '{Name}' has no user [{value}].", nameof(value)));
    }

    /// <summary>
    /// Gets what the simulator saw of this organization: the requests attributed to it (by host, token or client id), its
    /// tokens with the requests and 429s of each, and its counters. Requests that name no organization on a shared host
    /// are only in <see cref="GenesysCloudSimulator.Inspector"/>.
    /// </summary>
    public SimulatorInspector Inspector { get; }

    internal OrganizationStore Store { get; }

    internal TokenStore Tokens { get; }

    internal FixedWindowRateLimiter ApiLimiter { get; }

    internal FixedWindowRateLimiter TokenLimiter { get; }

    internal TimeSpan TokenLifetime { get; }

    internal TokenThrottleResponse TokenThrottleResponse { get; }

    internal TimeProvider TimeProvider { get; }

    internal UserGrantStore UserGrants { get; }

    internal Dictionary<string, SimulatorOAuthClient> Clients { get; }

    internal SimulatorHost Host { get; set; } = null!;

    /// <summary>Answers 429 to every request attributed to this organization for <paramref name="duration"/>; the others are left alone.</summary>
    /// <param name="duration">How long the storm lasts.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> to send; by default the time left in the storm.</param>
    /// <returns>The id of the fault, for <see cref="SimulatorFaults.Remove"/>.</returns>
    public string AddRateLimitStorm(TimeSpan duration, TimeSpan? retryAfter = null) =>
        _faults.Add(new SimulatorFault { StatusCode = 429, Count = null, Duration = duration, RetryAfter = retryAfter, Organization = Name });

    /// <summary>
    /// Makes one of this organization's access tokens (it then gets 401) or refresh tokens (a refresh with it then gets
    /// 400 <c>invalid_grant</c>) expire now, on the simulator's clock.
    /// </summary>
    /// <param name="tokenId">The token's <see cref="SimulatorToken.Id"/>, or a <see cref="SimulatorToken.RefreshTokenId"/>.</param>
    /// <returns><see langword="true"/> when the token was live.</returns>
    public bool ExpireToken(string tokenId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return Tokens.FindById(tokenId) is { } token ? Tokens.Expire(token) : UserGrants.End(tokenId, SimulatorTokenState.Expired);
    }

    /// <summary>Revokes one of this organization's access tokens (it then gets 401) or refresh tokens (a refresh with it then gets 400 <c>invalid_grant</c>).</summary>
    /// <param name="tokenId">The token's <see cref="SimulatorToken.Id"/>, or a <see cref="SimulatorToken.RefreshTokenId"/>.</param>
    /// <returns><see langword="true"/> when the token was live.</returns>
    public bool RevokeToken(string tokenId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return Tokens.FindById(tokenId) is { } token ? Tokens.End(token, SimulatorTokenState.Revoked) : UserGrants.End(tokenId, SimulatorTokenState.Revoked);
    }

    /// <summary>Whether <paramref name="clientId"/> is one of this organization's OAuth clients.</summary>
    internal bool HasClient(string clientId) => Clients.ContainsKey(clientId);

    /// <summary>Finds a user by id, email or username, as <c>login_hint</c> and SAML <c>NameID</c> name them.</summary>
    internal JsonObject? FindUser(string idOrEmail) => Store.FindUser(idOrEmail);

    /// <summary>Finds the trusted identity provider with <paramref name="issuer"/>; the built-in key is only made when it is asked for.</summary>
    internal SimulatorIdentityProvider? FindIdentityProvider(string issuer) =>
        _identityProviders.FirstOrDefault(p => string.Equals(p.Issuer, issuer, StringComparison.Ordinal))
        ?? (string.Equals(issuer, BuiltInIssuer, StringComparison.Ordinal) ? IdentityProvider : null);

    /// <summary>Disposes the built-in identity provider's key, if it was made.</summary>
    internal void ReleaseResources()
    {
        if (_builtInIdentityProvider.IsValueCreated)
        {
            _builtInIdentityProvider.Value.Certificate.Dispose();
        }
    }

    private static X509Certificate2 CreateSigningCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Genesys Cloud Simulator IdP {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    internal void TokenIssued()
    {
        _simulatorInspector.TokenIssued();
        Inspector.TokenIssued();
    }

    internal void TokenDeleted()
    {
        _simulatorInspector.TokenDeleted();
        Inspector.TokenDeleted();
    }
}
