namespace GenesysCloud.Extensions.Simulator.OAuth;

/// <summary>
/// An access token the simulator issued, with what the inspector reports about it. The value is a secret and never leaves
/// the simulator except in the token response; <see cref="Id"/> names the token everywhere else.
/// </summary>
internal sealed class IssuedToken(string value, string id, SimulatorOrganization organization, string clientId, string grantType, string? userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
{
    private int _requests;
    private int _tooManyRequests;
    private int _state = (int)SimulatorTokenState.Active;

    public string Value { get; } = value;

    public string Id { get; } = id;

    public SimulatorOrganization Organization { get; } = organization;

    public string ClientId { get; } = clientId;

    /// <summary>Gets the <c>grant_type</c> that produced the token.</summary>
    public string GrantType { get; } = grantType;

    /// <summary>Gets the user the token acts as; <see langword="null"/> for client credentials.</summary>
    public string? UserId { get; } = userId;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Gets or sets when the token stops working; the control API can bring it forward.</summary>
    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

    /// <summary>Gets or sets the id of the refresh token issued with it, if any.</summary>
    public string? RefreshTokenId { get; set; }

    public SimulatorTokenState State => (SimulatorTokenState)Volatile.Read(ref _state);

    public int Requests => Volatile.Read(ref _requests);

    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    public bool IsLive(DateTimeOffset now) => State == SimulatorTokenState.Active && now < ExpiresAt;

    /// <summary>Ends an active token; returns <see langword="false"/> when it had already ended.</summary>
    public bool End(SimulatorTokenState state) =>
        Interlocked.CompareExchange(ref _state, (int)state, (int)SimulatorTokenState.Active) == (int)SimulatorTokenState.Active;

    public void CountRequest(bool tooManyRequests)
    {
        Interlocked.Increment(ref _requests);
        if (tooManyRequests)
        {
            Interlocked.Increment(ref _tooManyRequests);
        }
    }

    public SimulatorToken Describe(DateTimeOffset now) => new()
    {
        Id = Id,
        Organization = Organization.Name,
        ClientId = ClientId,
        GrantType = GrantType,
        UserId = UserId,
        IssuedAt = IssuedAt,
        ExpiresAt = ExpiresAt,
        State = State == SimulatorTokenState.Active && now >= ExpiresAt ? SimulatorTokenState.Expired : State,
        RefreshTokenId = RefreshTokenId,
        Requests = Requests,
        TooManyRequests = TooManyRequests,
    };
}
