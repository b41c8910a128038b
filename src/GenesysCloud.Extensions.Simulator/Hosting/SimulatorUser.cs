namespace GenesysCloud.Extensions.Simulator;

/// <summary>A user of a simulated organization, who can sign in (<c>login_hint</c> takes the email or the id).</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Email">The user's email, also the username and the SAML <c>NameID</c> that maps to the user.</param>
public sealed record SimulatorUser(string Id, string Name, string Email);
