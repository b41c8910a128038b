using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Mvc;

namespace WebApiSample.SignIn;

/// <summary>
/// The sign-in's OAuth events: the signed-in user's claims come from <c>GET /api/v2/users/me</c> (the options' claim
/// actions map <c>id</c>, <c>name</c> and <c>email</c>), and a failed sign-in is a 401 problem rather than an exception page.
/// </summary>
internal sealed class GenesysCloudOAuthEvents(IProblemDetailsService problemDetails, ILogger<GenesysCloudOAuthEvents> logger) : OAuthEvents
{
    public override async Task CreatingTicket(OAuthCreatingTicketContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            throw new AuthenticationFailureException($"Genesys Cloud answered {(int)response.StatusCode} to GET /api/v2/users/me with the signed-in user's token.");
        }

        using var user = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted), cancellationToken: context.HttpContext.RequestAborted);
        context.RunClaimActions(user.RootElement);
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        Log.SignInFailed(logger, context.Failure?.Message ?? "(no reason)");
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign-in failed",
                Detail = "Genesys Cloud did not sign you in. Try again at /signin.",
            },
        });
        context.HandleResponse();
    }
}
