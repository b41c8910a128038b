using System.Globalization;
using System.Security.Claims;
using GenesysCloud.Extensions.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace WebApiSample.SignIn;

/// <summary>
/// The signed-in user of one request, as the library's <see cref="GenesysCloudIdentity"/>: their Genesys id is the key, the
/// tokens the sign-in cookie keeps are theirs. When the library refreshes the tokens during the request (Genesys rotates
/// the refresh token), <see cref="KeepRotatedTokens"/> re-issues the cookie with the new ones, so the next request has them.
/// </summary>
internal sealed class SignedInUser
{
    private readonly HttpContext _httpContext;
    private readonly AuthenticateResult _signIn;
    private GenesysCloudUserTokens? _rotated;

    private SignedInUser(HttpContext httpContext, AuthenticateResult signIn, string userId, OAuthOptions client)
    {
        _httpContext = httpContext;
        _signIn = signIn;
        var properties = signIn.Properties!;
        var tokens = new GenesysCloudUserTokens
        {
            AccessToken = properties.GetTokenValue("access_token"),
            AccessTokenExpiresAt = DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
                ? expiresAt
                : DateTimeOffset.MinValue,
            RefreshToken = properties.GetTokenValue("refresh_token"),
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,

            // Called by the library, maybe on another thread: only noted here, the cookie is written on the request's flow.
            Refreshed = rotated => Volatile.Write(ref _rotated, rotated),
        };
        Identity = GenesysCloudIdentity.User(userId, tokens);
    }

    /// <summary>Gets the user as the identity calls run as, in a <see cref="GenesysCloudIdentityScope"/>.</summary>
    public GenesysCloudIdentity Identity { get; }

    /// <summary>Reads the signed-in user of the request from the sign-in cookie.</summary>
    /// <param name="httpContext">The request; it has passed <c>[Authorize]</c>.</param>
    /// <returns>The user, or <see langword="null"/> when the cookie has no user id or no token.</returns>
    public static async Task<SignedInUser?> ReadAsync(HttpContext httpContext)
    {
        var signIn = await httpContext.AuthenticateAsync(SignInSchemes.Cookie);
        if (!signIn.Succeeded
            || signIn.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId
            || (signIn.Properties.GetTokenValue("access_token") is null && signIn.Properties.GetTokenValue("refresh_token") is null))
        {
            return null;
        }

        var client = httpContext.RequestServices.GetRequiredService<IOptionsMonitor<OAuthOptions>>().Get(SignInSchemes.Genesys);
        return new SignedInUser(httpContext, signIn, userId, client);
    }

    /// <summary>
    /// When the library rotated the tokens, re-issues the sign-in cookie with them as the response starts — a problem
    /// response too, since the old refresh token is spent either way.
    /// </summary>
    public void KeepRotatedTokens()
    {
        if (Volatile.Read(ref _rotated) is not { } rotated)
        {
            return;
        }

        var properties = _signIn.Properties!;
        properties.UpdateTokenValue("access_token", rotated.AccessToken ?? string.Empty);
        properties.UpdateTokenValue("expires_at", rotated.AccessTokenExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        if (rotated.RefreshToken is { } refreshToken)
        {
            properties.UpdateTokenValue("refresh_token", refreshToken);
        }

        // OnStarting, not now: an exception handler clears the response's headers, not its OnStarting callbacks.
        _httpContext.Response.OnStarting(() => _httpContext.SignInAsync(SignInSchemes.Cookie, _signIn.Principal!, properties));
    }
}
