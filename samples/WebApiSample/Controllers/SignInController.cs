using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using WebApiSample.SignIn;

namespace WebApiSample.Controllers;

/// <summary>Signs a Genesys Cloud user in (authorization code + PKCE) and out; without a sign-in client configured, a 404 problem.</summary>
[ApiController]
public sealed class SignInController(IAuthenticationSchemeProvider schemes) : ControllerBase
{
    /// <summary>Sends the user to Genesys Cloud to sign in, then back to <paramref name="returnUrl"/> (a local URL; else the dashboard).</summary>
    [HttpGet("signin")]
    public async Task<IActionResult> SignInAsync(string? returnUrl)
    {
        if (await schemes.GetSchemeAsync(SignInSchemes.Genesys) is null)
        {
            return NotOffered();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, SignInSchemes.Genesys);
    }

    /// <summary>Forgets the signed-in user (the cookie and the tokens it keeps) and goes back to the dashboard.</summary>
    [HttpGet("signout")]
    public async Task<IActionResult> SignOutAsync()
    {
        if (await schemes.GetSchemeAsync(SignInSchemes.Genesys) is null)
        {
            return NotOffered();
        }

        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, SignInSchemes.Cookie);
    }

    private ObjectResult NotOffered() => Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Sign-in is not configured",
        detail: "This service runs against a real org without an authorization-code OAuth client: set SignIn:ClientId and SignIn:ClientSecret (see the sample's README).");
}
