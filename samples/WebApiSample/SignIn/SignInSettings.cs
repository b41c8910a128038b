namespace WebApiSample.SignIn;

/// <summary>
/// The <c>SignIn</c> section: the real org's authorization-code OAuth client that signs users in (its redirect URI is
/// <c>https://&lt;host&gt;/signin-genesys</c>). Unused with the embedded simulator, which has a client of its own for the sample.
/// </summary>
public sealed class SignInSettings
{
    public const string SectionName = "SignIn";

    /// <summary>Gets or sets the authorization-code client's id. Sign-in is offered for a real org only when it is set.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client's secret (user-secrets or <c>SignIn__ClientSecret</c>, never appsettings.json).</summary>
    public string? ClientSecret { get; set; }
}
