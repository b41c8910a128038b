using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace WebApiSample.SignIn;

/// <summary>
/// The sign-in cookie's events for an API: a request that needs a signed-in user and has none gets a 401 problem that says
/// where to sign in (never a redirect, which an API client would follow into a loop); a forbidden one gets a 403 problem.
/// </summary>
internal sealed class SignInCookieEvents(IProblemDetailsService problemDetails, IAuthenticationSchemeProvider schemes) : CookieAuthenticationEvents
{
    public override async Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var offered = await schemes.GetSchemeAsync(SignInSchemes.Genesys) is not null;
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in", offered
            ? "Sign in with Genesys Cloud first: GET /signin?returnUrl=/api/me."
            : "Sign-in is not configured: set SignIn:ClientId and SignIn:ClientSecret (see the sample's README).");
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "The signed-in user may not use this endpoint.");

    private async Task WriteAsync(HttpContext httpContext, int status, string title, string detail)
    {
        httpContext.Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
