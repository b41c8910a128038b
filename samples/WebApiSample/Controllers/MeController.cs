using GenesysCloud.Extensions.Api;
using GenesysCloud.Extensions.Authentication;
using GenesysCloud.Extensions.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WebApiSample.SignIn;

namespace WebApiSample.Controllers;

/// <summary>
/// Calls made on behalf of the signed-in Genesys Cloud user: inside a <see cref="GenesysCloudIdentityScope"/>, the library
/// uses the user's token (refreshing it when it expires) and the user's own rate budget, not the app's.
/// </summary>
[ApiController]
[Authorize]
[Route("api/me")]
public sealed class MeController(IUsersApi users) : ControllerBase
{
    /// <summary>The signed-in user, as Genesys Cloud knows them (<c>GET /api/v2/users/me</c> with their token).</summary>
    [HttpGet]
    public async Task<ActionResult<SignedInUserProfile>> GetAsync(CancellationToken cancellationToken)
    {
        if (await SignedInUser.ReadAsync(HttpContext) is not { } user)
        {
            return Challenge();
        }

        UserMe me;
        try
        {
            using (GenesysCloudIdentityScope.Begin(user.Identity))
            {
                me = await users.GetUsersMeAsync(cancellationToken: cancellationToken);
            }
        }
        finally
        {
            user.KeepRotatedTokens();
        }

        return new SignedInUserProfile(me.Id, me.Name, me.Email);
    }
}

/// <summary>Who is signed in.</summary>
/// <param name="Id">The Genesys Cloud user id.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Email">The user's email.</param>
public sealed record SignedInUserProfile(string? Id, string? Name, string? Email);
